// Readable streams (Node v20 semantics): buffering against highWaterMark,
// flowing and paused modes, setEncoding, pipe with backpressure, 'end' once
// the data is consumed.
'use strict';
var Buffer = require('buffer').Buffer;
var errors = require('internal/errors');
var shared = require('internal/stream_shared');
var Stream = shared.Stream;
var inherits = shared.inherits;
var nextTick = shared.nextTick;
var EMPTY = shared.EMPTY;
var StringDecoder = shared.StringDecoder;
var hwmFrom = shared.hwmFrom;
var errorOrDestroy = shared.errorOrDestroy;
var destroy = shared.destroy;

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
  var isDuplex = shared.Duplex !== null && this instanceof shared.Duplex;
  this._readableState = new ReadableState(options, this, isDuplex);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
  }
  Stream.call(this, options);
}
inherits(Readable, Stream);
// on/addListener, removeListener/off, resume, pause, isPaused, read, addChunk,
// onEofChunk and the ticks behind the buffer ('readable', flow, read-more, 'end'): light functions in
// modules/stream_readable.c over the same state fields.
var ticks = process.binding('stream_writable').installReadable(Readable.prototype, { base: Stream.prototype });
var maybeReadMore = ticks.maybeReadMore, addChunk = ticks.addChunk, onEofChunk = ticks.onEofChunk;

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



// pipe, unpipe and wrap: compiled on first use from internal/stream_pipe.js
// (net and tls need none of them; pipe alone is a dozen closures). The
// prototype holds native stubs that load the module and call its function.
process.binding('stream_writable').deferMethods(Readable.prototype, require);

Readable.prototype.destroy = destroy;
Readable.prototype._destroy = function (err, cb) { cb(err); };

module.exports = Readable;
