// Writable streams (Node v20 semantics). The methods and the state machine are C
// light functions (modules/stream_writable.c); this file keeps the constructor,
// the state's defaults and the helpers C uses; the errors every stream's C code raises
// (fail) load with the first (internal/stream_errors.js).
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
binding.packFields(stateProto, 2); // the flags as bits of one number (modules/stream_packed.c)

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
  // The errors of every stream's C code by kind (and the rare chunk conversion):
  // internal/stream_errors.js, loaded with the first.
  fail: function (kind, v, name) {
    return require('internal/stream_errors')(kind, v, name);
  }
});

module.exports = Writable;
