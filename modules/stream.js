// Streams with Node v20 semantics: Readable, Writable, Duplex, Transform,
// PassThrough, pipe with backpressure, destroy. net.Socket is a Duplex; the
// rules the net conformance cases check (write() result, callback order,
// 'end' needing a consumer, autoDestroy) live here.
// Subclasses that emit their own 'close' (net) pass emitClose: false.
'use strict';
var EE = require('events');
var Buffer = require('buffer').Buffer;
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

// ---- Readable ---------------------------------------------------------------
// Primitive defaults live on the prototype: an idle stream stores only what differs
// (a socket's states shrink from ~35 own properties each to a handful).
function ReadableState(options, stream, isDuplex) {
  options = options || {};
  if (options.objectMode || (isDuplex && options.readableObjectMode)) this.objectMode = true;
  var hwm = hwmFrom(options, 'readableHighWaterMark', this.objectMode);
  if (hwm !== 16384) this.highWaterMark = hwm;
  if (options.emitClose === false) this.emitClose = false;
  if (options.autoDestroy === false) this.autoDestroy = false;
  if (options.defaultEncoding) this.defaultEncoding = options.defaultEncoding;
  if (options.encoding) {
    this.decoder = new StringDecoder(options.encoding);
    this.encoding = this.decoder.encoding;
  }
}
// Queues start as this shared, frozen empty array and get their own on the
// first chunk, so an idle stream costs two objects less (and a missed copy
// on a push would throw, not corrupt the neighbour).
ReadableState.prototype = {
  buffer: EMPTY,
  objectMode: false, highWaterMark: 16384, bufferIndex: 0, length: 0, pipes: null,
  flowing: null, ended: false, endEmitted: false, reading: false, constructed: true,
  sync: true, needReadable: false, emittedReadable: false, readableListening: false,
  resumeScheduled: false, paused: null, errorEmitted: false, emitClose: true,
  autoDestroy: true, destroyed: false, errored: null, closed: false, closeEmitted: false,
  defaultEncoding: 'utf8', awaitDrain: 0, readingMore: false, dataEmitted: false,
  decoder: null, encoding: null, readable: true
};

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  var isDuplex = this instanceof Duplex;
  this._readableState = new ReadableState(options, this, isDuplex);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
  }
  Stream.call(this, options);
}
inherits(Readable, Stream);

Readable.prototype._read = function () {
  throw errors.codeError('ERR_METHOD_NOT_IMPLEMENTED', 'The _read() method is not implemented');
};

Readable.prototype.push = function (chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, false);
};
Readable.prototype.unshift = function (chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, true);
};

function readableAddChunk(stream, chunk, encoding, addToFront) {
  var state = stream._readableState;
  if (chunk === null) {
    state.reading = false;
    onEofChunk(stream, state);
    return false;
  }
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        chunk = addToFront && state.encoding ? Buffer.from(chunk, encoding).toString(state.encoding) : Buffer.from(chunk, encoding);
      }
    } else if (!(chunk instanceof Uint8Array)) {
      errorOrDestroy(stream, errors.invalidArgType('chunk', 'string or an instance of Buffer or Uint8Array', chunk));
      return false;
    } else if (!Buffer.isBuffer(chunk)) {
      chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  }
  if (!state.objectMode && chunk.length <= 0) {
    state.reading = false;
    maybeReadMore(stream, state);
    return canPushMore(state);
  }
  if (addToFront) {
    if (state.endEmitted) {
      errorOrDestroy(stream, errors.codeError('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event'));
      return false;
    }
    if (state.destroyed || state.errored) return false;
    addChunk(stream, state, chunk, true);
    return canPushMore(state);
  }
  if (state.ended) {
    errorOrDestroy(stream, errors.codeError('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'));
    return false;
  }
  if (state.destroyed || state.errored) return false;
  state.reading = false;
  if (state.decoder && typeof chunk !== 'string') {
    chunk = state.decoder.write(chunk);
    if (state.objectMode || chunk.length !== 0) addChunk(stream, state, chunk, false);
    else maybeReadMore(stream, state);
  } else {
    addChunk(stream, state, chunk, false);
  }
  return canPushMore(state);
}

function canPushMore(state) {
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

function addChunk(stream, state, chunk, addToFront) {
  if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
    state.dataEmitted = true;
    stream.emit('data', chunk);
  } else {
    state.length += state.objectMode ? 1 : chunk.length;
    if (addToFront) {
      if (state.bufferIndex > 0) state.buffer[--state.bufferIndex] = chunk;
      else if (state.buffer === EMPTY) state.buffer = [chunk];
      else state.buffer.unshift(chunk);
    } else if (state.buffer === EMPTY) {
      state.buffer = [chunk];
    } else {
      state.buffer.push(chunk);
    }
    if (state.needReadable) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

function bufferCount(state) { return state.buffer.length - state.bufferIndex; }

function shiftChunk(state) {
  var c = state.buffer[state.bufferIndex];
  state.buffer[state.bufferIndex++] = undefined;
  if (state.bufferIndex === state.buffer.length) {
    state.buffer = EMPTY;
    state.bufferIndex = 0;
  } else if (state.bufferIndex > 1024) {
    state.buffer = state.buffer.slice(state.bufferIndex);
    state.bufferIndex = 0;
  }
  return c;
}

function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  if (n !== n) {
    if (state.flowing && state.length) return state.buffer[state.bufferIndex].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return state.ended ? state.length : 0;
}

// Takes n bytes (or one object) off the front of the buffer.
function fromList(n, state) {
  if (bufferCount(state) === 0) return null;
  if (state.objectMode) return shiftChunk(state);
  var first = state.buffer[state.bufferIndex];
  if (n === first.length) return shiftChunk(state);
  if (n < first.length) {
    state.buffer[state.bufferIndex] = first.slice(n);
    return first.slice(0, n);
  }
  var parts = [], got = 0;
  while (got < n) {
    var c = state.buffer[state.bufferIndex];
    if (got + c.length <= n) {
      parts.push(shiftChunk(state));
      got += c.length;
    } else {
      parts.push(c.slice(0, n - got));
      state.buffer[state.bufferIndex] = c.slice(n - got);
      got = n;
    }
  }
  return state.decoder ? parts.join('') : Buffer.concat(parts, n);
}

Readable.prototype.read = function (n) {
  var state = this._readableState;
  if (n === undefined) n = NaN;
  else if (typeof n !== 'number') n = parseInt(n, 10);
  var nOrig = n;
  if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
  if (n !== 0) state.emittedReadable = false;
  if (n === 0 && state.needReadable &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || state.ended)) {
    if (state.length === 0 && state.ended) endReadable(this);
    else emitReadable(this);
    return null;
  }
  n = howMuchToRead(n, state);
  if (n === 0 && state.ended) {
    if (state.length === 0) endReadable(this);
    return null;
  }
  var doRead = state.needReadable;
  if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
  if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) {
    doRead = false;
  } else if (doRead) {
    state.reading = true;
    state.sync = true;
    if (state.length === 0) state.needReadable = true;
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      errorOrDestroy(this, err);
    }
    state.sync = false;
    if (!state.reading) n = howMuchToRead(nOrig, state);
  }
  var ret = n > 0 ? fromList(n, state) : null;
  if (ret === null) {
    state.needReadable = state.length <= state.highWaterMark;
    n = 0;
  } else {
    state.length -= state.objectMode ? 1 : n;
  }
  if (state.length === 0) {
    if (!state.ended) state.needReadable = true;
    if (nOrig !== n && state.ended) endReadable(this);
  }
  if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    this.emit('data', ret);
  }
  return ret;
};

function computeNewHighWaterMark(n) {
  var p = 1;
  while (p < n) p *= 2;
  return Math.min(p, 1073741824);
}

function onEofChunk(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    var chunk = state.decoder.end();
    if (chunk && chunk.length) {
      if (state.buffer === EMPTY) state.buffer = [];
      state.buffer.push(chunk);
      state.length += state.objectMode ? 1 : chunk.length;
    }
  }
  state.ended = true;
  if (state.sync) {
    emitReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadable_(stream);
  }
}

function emitReadable(stream) {
  var state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    nextTick(emitReadable_, stream);
  }
}

function emitReadable_(stream) {
  var state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    stream.emit('readable');
    state.emittedReadable = false;
  }
  state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
  flow(stream);
}

function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    nextTick(maybeReadMore_, stream, state);
  }
}

function maybeReadMore_(stream, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    var len = state.length;
    stream.read(0);
    if (len === state.length) break;
  }
  state.readingMore = false;
}

function flow(stream) {
  var state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

Readable.prototype.on = function (ev, fn) {
  var res = Stream.prototype.on.call(this, ev, fn);
  var state = this._readableState;
  if (ev === 'data') {
    state.readableListening = this.listenerCount('readable') > 0;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) nextTick(function (self) { self.read(0); }, this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function (ev, fn) {
  var res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') nextTick(updateReadableListening, this);
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

function updateReadableListening(self) {
  var state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;
  if (state.resumeScheduled && state.paused === false) state.flowing = true;
  else if (self.listenerCount('data') > 0) self.resume();
  else if (!state.readableListening) state.flowing = null;
}

Readable.prototype.resume = function () {
  var state = this._readableState;
  if (!state.flowing) {
    state.flowing = !state.readableListening;
    if (!state.resumeScheduled) {
      state.resumeScheduled = true;
      nextTick(resume_, this, state);
    }
  }
  state.paused = false;
  return this;
};

function resume_(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function () {
  var state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state.paused = true;
  return this;
};

Readable.prototype.isPaused = function () {
  var state = this._readableState;
  return state.paused === true || state.flowing === false;
};

Readable.prototype.setEncoding = function (enc) {
  var decoder = new StringDecoder(enc);
  var state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  var content = [];
  while (bufferCount(state)) content.push(decoder.write(shiftChunk(state)));
  var s = content.join('');
  state.buffer = s ? [s] : EMPTY;
  state.bufferIndex = 0;
  state.length = s.length;
  return this;
};

function endReadable(stream) {
  var state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    nextTick(endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
    state.endEmitted = true;
    stream.emit('end');
    var w = stream._writableState;
    if (w && stream.writable && stream.allowHalfOpen === false) {
      nextTick(function () { stream.end(); });
    } else if (state.autoDestroy) {
      if (!w || (w.autoDestroy && (w.finished || w.writable === false))) stream.destroy();
    }
  }
}

Readable.prototype.pipe = function (dest, pipeOpts) {
  var src = this;
  var state = this._readableState;
  if (!state.pipes) state.pipes = [];
  state.pipes.push(dest);
  var doEnd = (!pipeOpts || pipeOpts.end !== false) && dest !== process.stdout && dest !== process.stderr;
  var endFn = doEnd ? onend : unpipe;
  if (state.endEmitted) nextTick(endFn);
  else src.once('end', endFn);
  dest.on('unpipe', onunpipe);
  var ondrain = null;
  var cleanedUp = false;
  var waiting = false;

  function onunpipe(readable, info) {
    if (readable === src && info && info.hasUnpiped === false) {
      info.hasUnpiped = true;
      cleanup();
    }
  }
  function onend() { dest.end(); }
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    cleanedUp = true;
    if (waiting && (!dest._writableState || dest._writableState.needDrain)) onDrained();
  }
  function onDrained() {
    waiting = false;
    if (state.awaitDrain > 0) state.awaitDrain--;
    if (state.awaitDrain === 0 && src.listenerCount('data') > 0) {
      src.resume();
    }
  }
  function pause() {
    if (!cleanedUp && !waiting) {
      waiting = true;
      state.awaitDrain++;
    }
    src.pause();
    if (!ondrain) {
      ondrain = onDrained;
      dest.on('drain', ondrain);
    }
  }
  function ondata(chunk) {
    if (dest.write(chunk) === false) pause();
  }
  src.on('data', ondata);
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      var s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) errorOrDestroy(dest, er);
      else dest.emit('error', er);
    }
  }
  dest.prependListener('error', onerror);
  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);
  function unpipe() { src.unpipe(dest); }
  dest.emit('pipe', src);
  if (dest.writableNeedDrain === true) {
    if (state.flowing) pause();
  } else if (!state.flowing) {
    src.resume();
  }
  return dest;
};

Readable.prototype.unpipe = function (dest) {
  var state = this._readableState;
  var info = { hasUnpiped: false };
  if (!state.pipes || state.pipes.length === 0) return this;
  if (!dest) {
    var dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (var i = 0; i < dests.length; i++) dests[i].emit('unpipe', this, { hasUnpiped: false });
    return this;
  }
  var index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, info);
  return this;
};

Readable.prototype.wrap = function (old) {
  var self = this, paused = false;
  old.on('data', function (chunk) {
    if (!self.push(chunk) && old.pause) { paused = true; old.pause(); }
  });
  old.on('end', function () { self.push(null); });
  old.on('error', function (err) { errorOrDestroy(self, err); });
  this._read = function () {
    if (paused && old.resume) { paused = false; old.resume(); }
  };
  return this;
};

// ---- Writable ---------------------------------------------------------------
function WritableState(options, stream, isDuplex) {
  options = options || {};
  if (options.objectMode || (isDuplex && options.writableObjectMode)) this.objectMode = true;
  var hwm = hwmFrom(options, 'writableHighWaterMark', this.objectMode);
  if (hwm !== 16384) this.highWaterMark = hwm;
  if (options.decodeStrings === false) this.decodeStrings = false;
  if (options.defaultEncoding) this.defaultEncoding = options.defaultEncoding;
  if (options.emitClose === false) this.emitClose = false;
  if (options.autoDestroy === false) this.autoDestroy = false;
  this.stream = stream;
}
function takeOnFinished(state) {
  var cbs = state.onFinished;
  state.onFinished = null;
  return cbs || [];
}
WritableState.prototype = {
  buffered: EMPTY,
  objectMode: false, highWaterMark: 16384, finalCalled: false, needDrain: false,
  ending: false, ended: false, finished: false, destroyed: false, decodeStrings: true,
  defaultEncoding: 'utf8', length: 0, writing: false, corked: 0, sync: true,
  bufferProcessing: false, writecb: null, writelen: 0, afterWriteTickInfo: null,
  bufferedIndex: 0, pendingcb: 0, constructed: true, prefinished: false,
  errorEmitted: false, emitClose: true, autoDestroy: true, errored: null, closed: false,
  closeEmitted: false, writable: true, onFinished: null, stream: null, spareTickInfo: null
};
// The write callback handed to _write(): made on the first write, so idle streams
// do not carry a closure.
Object.defineProperty(WritableState.prototype, 'onwrite', {
  get: function () {
    var state = this, stream = this.stream;
    var fn = function (er) { onwrite(stream, state, er); };
    Object.defineProperty(this, 'onwrite', { value: fn, writable: true, configurable: true });
    return fn;
  },
  configurable: true
});

function Writable(options) {
  var isDuplex = this instanceof Duplex;
  if (!isDuplex && !(this instanceof Writable)) return new Writable(options);
  this._writableState = new WritableState(options, this, isDuplex);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
  }
  Stream.call(this, options);
}
inherits(Writable, Stream);

Writable.prototype._write = function (chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk: chunk, encoding: encoding }], cb);
  else throw errors.codeError('ERR_METHOD_NOT_IMPLEMENTED', 'The _write() method is not implemented');
};
Writable.prototype._writev = null;

// Validates and queues one chunk; returns true/false like write(), or an Error.
function writeChunk(stream, chunk, encoding, cb) {
  var state = stream._writableState;
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = state.defaultEncoding;
  } else {
    if (!encoding) encoding = state.defaultEncoding;
    else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) throw errors.unknownEncoding(encoding);
    if (typeof cb !== 'function') cb = nop;
  }
  if (chunk === null) {
    throw errors.codeError('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
  } else if (!state.objectMode) {
    if (typeof chunk === 'string') {
      if (state.decodeStrings !== false) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (Buffer.isBuffer(chunk)) {
      encoding = 'buffer';
    } else if (chunk instanceof Uint8Array) {
      chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = 'buffer';
    } else {
      throw errors.invalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
    }
  }
  var err;
  if (state.ending) err = errors.codeError('ERR_STREAM_WRITE_AFTER_END', 'write after end');
  else if (state.destroyed) err = destroyedError('write');
  if (err) {
    nextTick(cb, err);
    errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

Writable.prototype.write = function (chunk, encoding, cb) {
  return writeChunk(this, chunk, encoding, cb) === true;
};

function writeOrBuffer(stream, state, chunk, encoding, cb) {
  var len = state.objectMode ? 1 : chunk.length;
  state.length += len;
  if (state.writing || state.corked || state.errored || !state.constructed) {
    if (state.buffered === EMPTY) state.buffered = [];
    state.buffered.push({ chunk: chunk, encoding: encoding, callback: cb });
  } else {
    state.writelen = len;
    state.writecb = cb;
    state.writing = true;
    state.sync = true;
    stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }
  // Judged after the synchronous write attempt, as Node v20 reports it.
  var ret = state.length < state.highWaterMark;
  if (!ret) state.needDrain = true;
  return ret && !state.errored && !state.destroyed;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  state.writecb = cb;
  state.writing = true;
  state.sync = true;
  if (state.destroyed) state.onwrite(destroyedError('write'));
  else if (writev) stream._writev(chunk, state.onwrite);
  else stream._write(chunk, encoding, state.onwrite);
  state.sync = false;
}

function onwrite(stream, state, er) {
  var sync = state.sync;
  var cb = state.writecb;
  if (typeof cb !== 'function') {
    errorOrDestroy(stream, errors.codeError('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'));
    return;
  }
  state.writing = false;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;
  if (er) {
    if (!state.errored) state.errored = er;
    if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
    if (sync) nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
  } else {
    if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
    if (sync) {
      var info = state.afterWriteTickInfo;
      if (info !== null && info.cb === cb) {
        info.count++;
      } else {
        // One record per stream, reused once its tick has run.
        info = state.spareTickInfo || { count: 0, cb: null, stream: stream, state: state };
        state.spareTickInfo = null;
        info.count = 1;
        info.cb = cb;
        state.afterWriteTickInfo = info;
        nextTick(afterWriteTick, info);
      }
    } else {
      afterWrite(stream, state, 1, cb);
    }
  }
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  errorBuffer(state);
  errorOrDestroy(stream, er);
}

function afterWriteTick(info) {
  var state = info.state, cb = info.cb, count = info.count;
  state.afterWriteTickInfo = null;
  info.cb = null;
  state.spareTickInfo = info;
  afterWrite(info.stream, state, count, cb);
}

function afterWrite(stream, state, count, cb) {
  var needDrain = !state.ending && !state.destroyed && state.length === 0 && state.needDrain;
  if (needDrain) {
    state.needDrain = false;
    stream.emit('drain');
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if (state.destroyed) errorBuffer(state);
  finishMaybe(stream, state);
}

function errorBuffer(state) {
  if (state.writing) return;
  for (var i = state.bufferedIndex; i < state.buffered.length; i++) {
    var b = state.buffered[i];
    state.length -= state.objectMode ? 1 : b.chunk.length;
    b.callback(state.errored || destroyedError('write'));
  }
  var cbs = takeOnFinished(state);
  for (var j = 0; j < cbs.length; j++) cbs[j](state.errored || destroyedError('end'));
  state.buffered = EMPTY;
  state.bufferedIndex = 0;
}

function clearBuffer(stream, state) {
  if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
  var buffered = state.buffered;
  var i = state.bufferedIndex;
  var n = buffered.length - i;
  if (!n) return;
  state.bufferProcessing = true;
  if (n > 1 && stream._writev) {
    state.pendingcb -= n - 1;
    var chunks = buffered.slice(i);
    var callbacks = chunks.map(function (b) { return b.callback; });
    var all = function (err) {
      for (var k = 0; k < callbacks.length; k++) callbacks[k](err);
    };
    state.buffered = EMPTY;
    state.bufferedIndex = 0;
    doWrite(stream, state, true, state.length, chunks, '', all);
  } else {
    do {
      var b = buffered[i];
      buffered[i++] = null;
      doWrite(stream, state, false, state.objectMode ? 1 : b.chunk.length, b.chunk, b.encoding, b.callback);
    } while (i < buffered.length && !state.writing);
    if (i === buffered.length) {
      state.buffered = EMPTY;
      state.bufferedIndex = 0;
    } else if (i > 256) {
      state.buffered = buffered.slice(i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state.bufferProcessing = false;
}

Writable.prototype.cork = function () { this._writableState.corked++; };
Writable.prototype.uncork = function () {
  var state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.writing) clearBuffer(this, state);
  }
};
Writable.prototype.setDefaultEncoding = function (encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!Buffer.isEncoding(encoding)) throw errors.unknownEncoding(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

Writable.prototype.end = function (chunk, encoding, cb) {
  var state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  var err;
  if (chunk !== null && chunk !== undefined) {
    var ret = writeChunk(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }
  if (err) {
    // the write-after-end error was reported
  } else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) {
    err = errors.codeError('ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished');
  } else if (state.destroyed) {
    err = destroyedError('end');
  }
  if (typeof cb === 'function') {
    if (err || state.finished) nextTick(cb, err);
    else (state.onFinished || (state.onFinished = [])).push(cb);
  }
  return this;
};

function needFinish(state) {
  return state.ending && !state.destroyed && state.constructed && state.length === 0 &&
    !state.errored && state.buffered.length === state.bufferedIndex && !state.finished &&
    !state.writing && !state.errorEmitted && !state.closeEmitted;
}

function callFinal(stream, state) {
  var called = false;
  function onFinish(err) {
    if (called) {
      errorOrDestroy(stream, err || errors.codeError('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'));
      return;
    }
    called = true;
    state.pendingcb--;
    if (err) {
      var cbs = takeOnFinished(state);
      for (var i = 0; i < cbs.length; i++) cbs[i](err);
      errorOrDestroy(stream, err, state.sync);
    } else if (needFinish(state)) {
      state.prefinished = true;
      stream.emit('prefinish');
      state.pendingcb++;
      nextTick(finish, stream, state);
    }
  }
  state.sync = true;
  state.pendingcb++;
  try {
    stream._final(onFinish);
  } catch (err) {
    onFinish(err);
  }
  state.sync = false;
}

function prefinish(stream, state) {
  if (!state.prefinished && !state.finalCalled) {
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true;
      callFinal(stream, state);
    } else {
      state.prefinished = true;
      stream.emit('prefinish');
    }
  }
}

function finishMaybe(stream, state, sync) {
  if (needFinish(state)) {
    prefinish(stream, state);
    if (state.pendingcb === 0) {
      if (sync) {
        state.pendingcb++;
        nextTick(function () {
          if (needFinish(state)) finish(stream, state);
          else state.pendingcb--;
        });
      } else if (needFinish(state)) {
        state.pendingcb++;
        finish(stream, state);
      }
    }
  }
}

function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  var cbs = takeOnFinished(state);
  for (var i = 0; i < cbs.length; i++) cbs[i](null);
  stream.emit('finish');
  if (state.autoDestroy) {
    var r = stream._readableState;
    if (!r || (r.autoDestroy && (r.endEmitted || r.readable === false))) stream.destroy();
  }
}

Writable.prototype.destroy = function (err, cb) {
  var state = this._writableState;
  if (!state.destroyed && (state.bufferedIndex < state.buffered.length || (state.onFinished && state.onFinished.length))) {
    nextTick(errorBuffer, state);
  }
  destroy.call(this, err, cb);
  return this;
};

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

Readable.prototype.destroy = destroy;
Readable.prototype._destroy = function (err, cb) { cb(err); };
Writable.prototype._destroy = function (err, cb) { cb(err); };

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
