// internal/stream_more: Transform, PassThrough, finished and pipeline, which
// stream.js loads on first use (see there).
'use strict';
var errors = require('internal/errors');
var shared = require('internal/stream_shared');
var inherits = shared.inherits;
var nop = shared.nop;
var Duplex = shared.Duplex;

// ---- Transform / PassThrough ---------------------------------------------------
function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  var o = options ? ObjectAssign({}, options) : {};
  if (o.readableHighWaterMark === undefined && o.highWaterMark === undefined) o.readableHighWaterMark = null;
  Duplex.call(this, options);
  this._readableState.sync = false;
  this._transformCallback = null;
  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }
}
inherits(Transform, Duplex);

Transform.prototype._final = function (cb) {
  var self = this;
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush(function (er, data) {
      if (er) { if (cb) cb(er); else self.destroy(er); return; }
      if (data !== null && data !== undefined) self.push(data);
      self.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
};

Transform.prototype._transform = function () {
  throw errors.codeError('ERR_METHOD_NOT_IMPLEMENTED', 'The _transform() method is not implemented');
};

Transform.prototype._write = function (chunk, encoding, callback) {
  var self = this;
  var rState = this._readableState;
  var length = rState.length;
  this._transform(chunk, encoding, function (err, val) {
    if (err) { callback(err); return; }
    if (val !== null && val !== undefined) self.push(val);
    if (self._writableState.ended || length === rState.length || rState.length < rState.highWaterMark) {
      callback();
    } else {
      self._transformCallback = callback;
    }
  });
};

Transform.prototype._read = function () {
  if (this._transformCallback) {
    var cb = this._transformCallback;
    this._transformCallback = null;
    cb();
  }
};

function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
inherits(PassThrough, Transform);
PassThrough.prototype._transform = function (chunk, encoding, cb) { cb(null, chunk); };

// ---- helpers -----------------------------------------------------------------
function finished(stream, opts, callback) {
  if (typeof opts === 'function') { callback = opts; opts = {}; }
  if (!opts) opts = {};
  var done = false;
  function once(err) {
    if (done) return;
    done = true;
    cleanup();
    callback.call(stream, err);
  }
  function onfinish() { if (!stream._readableState || stream.readableEnded || !stream.readable) once(); }
  function onend() { if (!stream._writableState || stream.writableFinished || !stream.writable) once(); }
  function onerror(err) { once(err); }
  // a side not finished at 'close' (read from the states: destroy() made the
  // readable/writable getters false) is a premature close, if opts asks for it
  function onclose() {
    var rs = stream._readableState, ws = stream._writableState;
    if ((opts.readable !== false && rs && !rs.endEmitted) || (opts.writable !== false && ws && !ws.finished)) {
      once(errors.codeError('ERR_STREAM_PREMATURE_CLOSE', 'Premature close'));
    } else {
      once();
    }
  }
  function cleanup() {
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  }
  stream.on('finish', onfinish);
  stream.on('end', onend);
  stream.on('error', onerror);
  stream.on('close', onclose);
  // already closed: no event will come (as node: its error, or a premature close)
  var rs = stream._readableState, ws = stream._writableState, st = rs || ws;
  if (st && st.closeEmitted) {
    process.nextTick(function () {
      if (st.errored) onerror(st.errored);
      else onclose();
    });
  }
  return cleanup;
}

function pipeline() {
  var streams = Array.prototype.slice.call(arguments);
  var callback = typeof streams[streams.length - 1] === 'function' ? streams.pop() : nop;
  if (ArrayIsArray(streams[0])) streams = streams[0];
  var error = null, pending = streams.length;
  function done(err) {
    if (err && !error) {
      error = err;
      for (var j = 0; j < streams.length; j++) if (!streams[j].destroyed) streams[j].destroy();
    }
    if (--pending === 0 || error) {
      var cb = callback;
      callback = nop;
      cb(error);
    }
  }
  for (var i = 0; i < streams.length; i++) {
    finished(streams[i], done);
    if (i < streams.length - 1) streams[i].pipe(streams[i + 1]);
  }
  return streams[streams.length - 1];
}

module.exports = {
  Transform: Transform,
  PassThrough: PassThrough,
  finished: finished,
  pipeline: pipeline
};
