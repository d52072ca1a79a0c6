// Writable streams (Node v20 semantics). The methods and the state machine are C
// light functions (modules/stream_writable.c); this file keeps the constructor,
// the state's defaults and the errors every stream's C code raises (fail).
'use strict';
var Buffer = require('buffer').Buffer;
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

function codeError(code, message, Base) {
  return require('internal/errors').codeError(code, message, Base);
}

binding.install(Writable.prototype, stateProto, {
  Buffer: Buffer,
  from: Buffer.from,
  isEncoding: Buffer.isEncoding,
  nextTick: shared.nextTick,
  EMPTY: shared.EMPTY,
  // The errors (and the rare chunk conversion) by kind, in the order of
  // modules/stream_state.h; internal/errors loads with the first.
  fail: function (kind, v, name) {
    switch (kind) {
    case 0: return codeError('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
    case 1: // a chunk that is no string or Buffer: a TypedArray's or DataView's bytes
      if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
      throw require('internal/errors').invalidArgType('chunk',
        'of type string or an instance of Buffer, TypedArray, or DataView', v);
    case 2: return require('internal/errors').unknownEncoding(v);
    case 3: return codeError('ERR_STREAM_WRITE_AFTER_END', 'write after end');
    case 4: return codeError('ERR_STREAM_DESTROYED', 'Cannot call ' + v + ' after a stream was destroyed');
    case 5: return codeError('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times');
    case 6: return codeError('ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished');
    case 7: return codeError('ERR_METHOD_NOT_IMPLEMENTED', 'The _write() method is not implemented');
    case 8: return codeError('ERR_METHOD_NOT_IMPLEMENTED', 'The _read() method is not implemented');
    case 9: return require('internal/errors').invalidArgType('chunk', 'string or an instance of Buffer or Uint8Array', v);
    case 10: return codeError('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event');
    case 11: return codeError('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF');
    default: return require('internal/errors').invalidArgValue(name, v); // a bad highWaterMark
    }
  }
});

module.exports = Writable;
