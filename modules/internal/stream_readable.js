// Readable streams (Node v20 semantics): buffering against highWaterMark,
// flowing and paused modes, setEncoding, pipe with backpressure, 'end' once
// the data is consumed. All of it is C now (modules/stream_readable*.c): the
// state (stream._readableState, its defaults on the prototype below), push,
// unshift, read, the flowing-mode switches and the ticks behind the buffer;
// setEncoding, pipe, unpipe and wrap load on first use (internal/stream_encoding.js,
// internal/stream_pipe.js). This file keeps the constructor and the defaults.
'use strict';
var shared = require('internal/stream_shared');
var Stream = shared.Stream;
var binding = process.binding('stream_writable');

// Primitive defaults live on the prototype: an idle stream stores only what differs.
// Queues start as the shared, frozen empty array and get their own on the first
// chunk, so an idle stream costs two objects less (and a missed copy on a push
// would throw, not corrupt the neighbour).
var stateProto = {
  buffer: shared.EMPTY,
  objectMode: false, highWaterMark: 16384, bufferIndex: 0, length: 0, pipes: null,
  flowing: null, ended: false, endEmitted: false, reading: false, constructed: true,
  sync: true, needReadable: false, emittedReadable: false, readableListening: false,
  resumeScheduled: false, paused: null, errorEmitted: false, emitClose: true,
  autoDestroy: true, destroyed: false, errored: null, closed: false, closeEmitted: false,
  defaultEncoding: 'utf8', awaitDrain: 0, readingMore: false, dataEmitted: false,
  decoder: null, encoding: null, readable: true
};
// The flags become bits of one number (modules/stream_packed.c): a live socket's
// state holds one own property instead of one per flag it changed.
binding.packFields(stateProto, 1);

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  binding.initReadable(this, options, shared.Duplex !== null && this instanceof shared.Duplex, stateProto);
  Stream.call(this, options);
}
shared.inherits(Readable, Stream);
// on/addListener, removeListener/off, resume, pause, isPaused, read, push, unshift,
// _read, destroy, _destroy: light functions over the same state fields; setEncoding,
// pipe, unpipe and wrap: native stubs that load their module on first use.
binding.installReadable(Readable.prototype, { base: Stream.prototype });
binding.deferMethods(Readable.prototype, require, Stream.prototype);

module.exports = Readable;
