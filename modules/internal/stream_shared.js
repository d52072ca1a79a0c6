// What the stream classes share: the legacy Stream base, option checks, the
// empty queue sentinel and destroy() with its error/close ordering.
'use strict';
var EE = require('events');
var errors = require('internal/errors');
// Loaded on first setEncoding: most sockets and streams never decode.
function StringDecoder(enc) {
  var SD = require('string_decoder').StringDecoder;
  return new SD(enc);
}

function inherits(ctor, superCtor) {
  ctor.super_ = superCtor;
  ctor.prototype = Object.create(superCtor.prototype, {
    constructor: { value: ctor, writable: true, configurable: true }
  });
}
function nop() {}
var nextTick = process.nextTick;
var EMPTY = Object.freeze([]);

function destroyedError(what) {
  return errors.codeError('ERR_STREAM_DESTROYED', 'Cannot call ' + what + ' after a stream was destroyed');
}

// ---- Stream (legacy base) ---------------------------------------------------
function Stream(opts) { EE.call(this, opts); }
inherits(Stream, EE);

function hwmFrom(options, key, objectMode) {
  var v = options && (options[key] !== undefined ? options[key] : options.highWaterMark);
  if (v === undefined || v === null) return objectMode ? 16 : 16384;
  if (typeof v !== 'number' || v < 0 || v !== v) throw errors.invalidArgValue(key, v);
  return Math.floor(v);
}


// ---- destroy (shared) -------------------------------------------------------
function checkError(err, w, r) {
  if (err) {
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
  }
}

function destroy(err, cb) {
  var r = this._readableState;
  var w = this._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  checkError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  var self = this;
  var called = false;
  function onDestroy(e) {
    if (called) return;
    called = true;
    checkError(e, w, r);
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(e);
    if (e) nextTick(emitErrorCloseNT, self, e);
    else nextTick(emitCloseNT, self);
  }
  try {
    this._destroy(err || null, onDestroy);
  } catch (e) {
    onDestroy(e);
  }
  return this;
}

// Back to the state before destroy(), for a socket that connects again (Node's
// _undestroy): open, not ended, no error.
function undestroy() {
  var r = this._readableState, w = this._writableState;
  if (r) {
    r.constructed = true; r.closed = r.closeEmitted = r.destroyed = false; r.errored = null;
    r.errorEmitted = r.reading = false;
    r.ended = r.endEmitted = r.readable === false;
  }
  if (w) {
    w.constructed = true; w.destroyed = w.closed = w.closeEmitted = false; w.errored = null;
    w.errorEmitted = w.finalCalled = w.prefinished = false;
    w.ended = w.ending = w.finished = w.writable === false;
  }
}

function emitErrorCloseNT(self, err) {
  emitErrorNT(self, err);
  emitCloseNT(self);
}

function emitErrorNT(self, err) {
  var r = self._readableState, w = self._writableState;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}

function emitCloseNT(self) {
  var r = self._readableState, w = self._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
}

function errorOrDestroy(stream, err, sync) {
  var r = stream._readableState, w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    checkError(err, w, r);
    if (sync) nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}


module.exports = {
  Stream: Stream,
  Duplex: null, // set by stream.js: Readable and Writable ask whether they are one
  inherits: inherits,
  nop: nop,
  nextTick: nextTick,
  EMPTY: EMPTY,
  StringDecoder: StringDecoder,
  destroyedError: destroyedError,
  hwmFrom: hwmFrom,
  destroy: destroy,
  undestroy: undestroy,
  errorOrDestroy: errorOrDestroy
};
