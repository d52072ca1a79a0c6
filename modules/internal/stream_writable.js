// Writable streams (Node v20 semantics): write() against highWaterMark and
// 'drain', cork/uncork and _writev, end() with _final, 'finish' and callback
// order, errors after end or destroy.
'use strict';
var Buffer = require('buffer').Buffer;
var errors = require('internal/errors');
var shared = require('internal/stream_shared');
var Stream = shared.Stream;
var inherits = shared.inherits;
var nextTick = shared.nextTick;
var nop = shared.nop;
var EMPTY = shared.EMPTY;
var hwmFrom = shared.hwmFrom;
var destroyedError = shared.destroyedError;
var errorOrDestroy = shared.errorOrDestroy;
var destroy = shared.destroy;

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
  var isDuplex = shared.Duplex !== null && this instanceof shared.Duplex;
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
    } else if (ArrayBuffer.isView(chunk)) { // any TypedArray or DataView: its bytes
      chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = 'buffer';
    } else {
      throw errors.invalidArgType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView', chunk);
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
    state.buffered = EMPTY;
    state.bufferedIndex = 0;
    doWrite(stream, state, true, state.length, chunks, '', callAll(chunks.map(function (b) { return b.callback; })));
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

// One callback for a writev batch that calls each write's own. Made here, not in
// clearBuffer: a closure kept in a variable of its own scope is a reference cycle,
// and that scope holds the batch's chunks, which would then wait for Duktape's
// mark-and-sweep instead of being freed once written.
function callAll(callbacks) {
  return function (err) {
    for (var k = 0; k < callbacks.length; k++) callbacks[k](err);
  };
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


Writable.prototype._destroy = function (err, cb) { cb(err); };

module.exports = Writable;
