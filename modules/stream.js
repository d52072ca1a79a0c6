// Streams with Node v20 semantics: Readable, Writable, Duplex, Transform,
// PassThrough, pipe with backpressure, destroy. net.Socket is a Duplex; the
// rules the net conformance cases check (write() result, callback order,
// 'end' needing a consumer, autoDestroy) live here.
// Subclasses that emit their own 'close' (net) pass emitClose: false.
'use strict';
// The classes live in internal/stream_shared.js, stream_readable.js and stream_writable.js
// (their methods in C: modules/stream_*.c); this file adds Duplex (and
// internal/stream_more.js Transform, PassThrough, finished, pipeline).
var shared = require('internal/stream_shared');
var Readable = require('internal/stream_readable');
var Writable = require('internal/stream_writable');
var binding = process.binding('stream_writable');
var Stream = shared.Stream;

// ---- Duplex -----------------------------------------------------------------
function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  Readable.call(this, options);
  Writable.call(this, options);
  // Written only where it differs (net.Socket's prototype holds false).
  var halfOpen = !options || options.allowHalfOpen !== false;
  if (this.allowHalfOpen !== halfOpen) this.allowHalfOpen = halfOpen;
  if (options) {
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
  }
}
shared.inherits(Duplex, Readable);
var dp = Duplex.prototype, wp = Writable.prototype;
dp.write = wp.write;
dp.end = wp.end;
dp.cork = wp.cork;
dp.uncork = wp.uncork;
dp.setDefaultEncoding = wp.setDefaultEncoding;
dp._write = wp._write;
dp._writev = null;
dp.destroy = wp.destroy;
dp._undestroy = binding.undestroy;
shared.Duplex = Duplex;

// ---- properties ---------------------------------------------------------------
// Native getters, each made once and shared by the prototypes that have it:
// readable, readableFlowing, readableLength... (modules/stream_readable_init.c),
// writable, writableLength & co. and destroyed/errored/closed (modules/stream_writable_methods.c).
binding.defineReadableAccessors(Readable.prototype);
binding.defineAccessors(Writable.prototype, Duplex.prototype, Readable.prototype);

Stream.Stream = Stream;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
// Transform, PassThrough, finished and pipeline are compiled on first use
// (internal/stream_more.js): net and tls need none of them, and they cost ~10 KB
// of heap on a board. The first read or write makes each a plain data property.
binding.defineLazy(Stream, 'internal/stream_more', ['Transform', 'PassThrough', 'finished', 'pipeline']);
module.exports = Stream;
