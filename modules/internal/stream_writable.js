// Writable streams (Node v20 semantics). The methods and the state machine are C
// light functions (modules/stream_writable.c); this file keeps the constructor,
// the state's defaults and the errors the C code raises (fail, rare paths).
'use strict';
var Buffer = require('buffer').Buffer;
var errors = require('internal/errors');
var shared = require('internal/stream_shared');
var binding = process.binding('stream_writable');
var Stream = shared.Stream;

// The defaults of stream._writableState (an own property is set only where a
// stream differs); onwrite, the write callback, is made on the first write.
var stateProto = {
  buffered: shared.EMPTY,
  objectMode: false, highWaterMark: 16384, finalCalled: false, needDrain: false,
  ending: false, ended: false, finished: false, destroyed: false, decodeStrings: true,
  defaultEncoding: 'utf8', length: 0, writing: false, corked: 0, sync: true,
  bufferProcessing: false, writecb: null, writelen: 0, afterWriteTickInfo: null,
  bufferedIndex: 0, pendingcb: 0, constructed: true, prefinished: false,
  errorEmitted: false, emitClose: true, autoDestroy: true, errored: null, closed: false,
  closeEmitted: false, writable: true, onFinished: null, stream: null, spareTickInfo: null
};

function Writable(options) {
  var isDuplex = shared.Duplex !== null && this instanceof shared.Duplex;
  if (!isDuplex && !(this instanceof Writable)) return new Writable(options);
  binding.init(this, options, isDuplex, stateProto);
  Stream.call(this, options);
}
shared.inherits(Writable, Stream);
Writable.prototype._writev = null;

binding.install(Writable.prototype, stateProto, {
  Buffer: Buffer,
  from: Buffer.from,
  isEncoding: Buffer.isEncoding,
  nextTick: shared.nextTick,
  EMPTY: shared.EMPTY,
  hwmFrom: shared.hwmFrom,
  destroy: shared.destroy,
  errorOrDestroy: shared.errorOrDestroy,
  // The errors (and the rare chunk conversion) by kind, in the order of stream_writable.c.
  fail: function (kind, v) {
    switch (kind) {
    case 0: return errors.codeError('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
    case 1: // a chunk that is no string or Buffer: a TypedArray's or DataView's bytes
      if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
      throw errors.invalidArgType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView', v);
    case 2: return errors.unknownEncoding(v);
    case 3: return errors.codeError('ERR_STREAM_WRITE_AFTER_END', 'write after end');
    case 4: return shared.destroyedError(v);
    case 5: return errors.codeError('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times');
    case 6: return errors.codeError('ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished');
    default: return errors.codeError('ERR_METHOD_NOT_IMPLEMENTED', 'The _write() method is not implemented');
    }
  }
});

module.exports = Writable;
