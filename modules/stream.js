// Streams with Node v20 semantics: Readable, Writable, Duplex, Transform,
// PassThrough, pipe with backpressure, destroy. net.Socket is a Duplex; the
// rules the net conformance cases check (write() result, callback order,
// 'end' needing a consumer, autoDestroy) live here.
// Subclasses that emit their own 'close' (net) pass emitClose: false.
'use strict';
// The classes live in internal/stream_shared.js, stream_readable.js and stream_writable.js;
// this file adds Duplex (and internal/stream_more.js Transform, PassThrough, finished, pipeline).
var shared = require('internal/stream_shared');
var Readable = require('internal/stream_readable');
var Writable = require('internal/stream_writable');
var Stream = shared.Stream;
var inherits = shared.inherits;


// ---- Duplex -----------------------------------------------------------------
function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  Readable.call(this, options);
  Writable.call(this, options);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
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
  } else {
    this.allowHalfOpen = true;
  }
}
inherits(Duplex, Readable);
['write', 'end', 'cork', 'uncork', 'setDefaultEncoding', '_write'].forEach(function (m) {
  if (!Duplex.prototype.hasOwnProperty(m)) Duplex.prototype[m] = Writable.prototype[m];
});
Duplex.prototype._writev = null;
Duplex.prototype.destroy = Writable.prototype.destroy;
Duplex.prototype._undestroy = shared.undestroy;
shared.Duplex = Duplex;

// ---- properties ---------------------------------------------------------------
// Each set of accessors is made once and shared by the prototypes that have it.
var readableProps = {
  readable: {
    get: function () {
      var r = this._readableState;
      return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    },
    set: function (v) { if (this._readableState) this._readableState.readable = !!v; },
    configurable: true
  },
  readableFlowing: {
    get: function () { return this._readableState.flowing; },
    set: function (v) { if (this._readableState) this._readableState.flowing = v; },
    configurable: true
  },
  readableEnded: { get: function () { return this._readableState ? this._readableState.endEmitted : false; }, configurable: true },
  readableLength: { get: function () { return this._readableState ? this._readableState.length : 0; }, configurable: true },
  readableHighWaterMark: { get: function () { return this._readableState && this._readableState.highWaterMark; }, configurable: true },
  readableEncoding: { get: function () { return this._readableState ? this._readableState.encoding : null; }, configurable: true },
  readableObjectMode: { get: function () { return this._readableState ? this._readableState.objectMode : false; }, configurable: true },
  readableAborted: {
    get: function () {
      var r = this._readableState;
      return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
    },
    configurable: true
  }
};
Object.defineProperties(Readable.prototype, readableProps);
readableProps = null; // the accessors keep this scope alive
// writable, writableLength & co. and destroyed/errored/closed: native getters (modules/stream_writable_methods.c).
process.binding('stream_writable').defineAccessors(Writable.prototype, Duplex.prototype, Readable.prototype);

Stream.prototype.pipe = function (dest, options) {
  var source = this;
  function ondata(chunk) {
    if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
  }
  source.on('data', ondata);
  function ondrain() { if (source.readable && source.resume) source.resume(); }
  dest.on('drain', ondrain);
  if (!options || options.end !== false) source.on('end', function () { dest.end(); });
  dest.emit('pipe', source);
  return dest;
};

Stream.Stream = Stream;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
// Transform, PassThrough, finished and pipeline are compiled on first use
// (internal/stream_more.js): net and tls need none of them, and they cost ~10 KB
// of heap on a board. The first read or write makes each a plain data property.
['Transform', 'PassThrough', 'finished', 'pipeline'].forEach(function (name) {
  function settle(v) {
    Object.defineProperty(Stream, name, { value: v, writable: true, enumerable: true, configurable: true });
    return v;
  }
  Object.defineProperty(Stream, name, {
    get: function () { return settle(require('internal/stream_more')[name]); },
    set: settle,
    enumerable: true,
    configurable: true
  });
});
module.exports = Stream;
