// Streams with Node v20 semantics: Readable, Writable, Duplex, Transform,
// PassThrough, pipe with backpressure, destroy. net.Socket is a Duplex; the
// rules the net conformance cases check (write() result, callback order,
// 'end' needing a consumer, autoDestroy) live here.
// Subclasses that emit their own 'close' (net) pass emitClose: false.
'use strict';
// The classes live in internal/stream_shared.js, stream_readable.js and stream_writable.js;
// this file adds Duplex, Transform, PassThrough, finished and pipeline.
var errors = require('internal/errors');
var shared = require('internal/stream_shared');
var Readable = require('internal/stream_readable');
var Writable = require('internal/stream_writable');
var Stream = shared.Stream;
var inherits = shared.inherits;
var nop = shared.nop;
var destroy = shared.destroy;


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
shared.Duplex = Duplex;

// ---- properties ---------------------------------------------------------------
function defineReadableProps(proto) {
  Object.defineProperties(proto, {
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
  });
}
function defineWritableProps(proto) {
  Object.defineProperties(proto, {
    writable: {
      get: function () {
        var w = this._writableState;
        return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
      },
      set: function (v) { if (this._writableState) this._writableState.writable = !!v; },
      configurable: true
    },
    writableEnded: { get: function () { return this._writableState ? this._writableState.ending : false; }, configurable: true },
    writableFinished: { get: function () { return this._writableState ? this._writableState.finished : false; }, configurable: true },
    writableLength: { get: function () { return this._writableState && this._writableState.length; }, configurable: true },
    writableHighWaterMark: { get: function () { return this._writableState && this._writableState.highWaterMark; }, configurable: true },
    writableObjectMode: { get: function () { return this._writableState ? this._writableState.objectMode : false; }, configurable: true },
    writableCorked: { get: function () { return this._writableState ? this._writableState.corked : 0; }, configurable: true },
    writableNeedDrain: {
      get: function () {
        var w = this._writableState;
        return !!w && !w.destroyed && !w.ending && w.needDrain;
      },
      configurable: true
    }
  });
}
function defineCommonProps(proto) {
  Object.defineProperties(proto, {
    destroyed: {
      get: function () {
        var s = this._writableState || this._readableState;
        return !!s && s.destroyed;
      },
      set: function (v) {
        if (this._readableState) this._readableState.destroyed = v;
        if (this._writableState) this._writableState.destroyed = v;
      },
      configurable: true
    },
    errored: {
      get: function () {
        var s = this._writableState || this._readableState;
        return s ? s.errored : null;
      },
      configurable: true
    },
    closed: {
      get: function () {
        var s = this._writableState || this._readableState;
        return !!s && s.closed;
      },
      configurable: true
    }
  });
}
defineReadableProps(Readable.prototype);
defineCommonProps(Readable.prototype);
defineWritableProps(Writable.prototype);
defineCommonProps(Writable.prototype);
defineWritableProps(Duplex.prototype);
defineCommonProps(Duplex.prototype);

// ---- Transform / PassThrough ---------------------------------------------------
function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  var o = options ? Object.assign({}, options) : {};
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
  function onclose() {
    if ((stream._readableState && !stream.readableEnded && stream.readable !== false) ||
        (stream._writableState && !stream.writableFinished && stream.writable !== false)) {
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
  return cleanup;
}

function pipeline() {
  var streams = Array.prototype.slice.call(arguments);
  var callback = typeof streams[streams.length - 1] === 'function' ? streams.pop() : nop;
  if (Array.isArray(streams[0])) streams = streams[0];
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
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.finished = finished;
Stream.pipeline = pipeline;
module.exports = Stream;
