// What the stream classes share: the legacy Stream base, inherits, the empty
// queue sentinel, and destroy, errorOrDestroy and _undestroy (light functions
// in modules/stream_destroy.c, with Node's error/close order).
'use strict';
var EE = require('events');
var binding = process.binding('stream_writable');

function inherits(ctor, superCtor) {
  ctor.super_ = superCtor;
  ctor.prototype = ObjectCreate(superCtor.prototype, {
    constructor: { value: ctor, writable: true, configurable: true }
  });
}
function nop() {}

// ---- Stream (legacy base) ---------------------------------------------------
function Stream(opts) { EE.call(this, opts); }
inherits(Stream, EE);

module.exports = {
  Stream: Stream,
  Duplex: null, // set by stream.js: Readable and Writable ask whether they are one
  inherits: inherits,
  nop: nop,
  nextTick: process.nextTick,
  EMPTY: ObjectFreeze([]),
  destroy: binding.destroy,
  undestroy: binding.undestroy,
  errorOrDestroy: binding.errorOrDestroy
};
