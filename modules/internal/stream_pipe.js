// internal/stream_pipe: Readable's pipe, unpipe and wrap (Node v20) and the legacy
// Stream's pipe, which
// the prototypes' native stubs load on first use (see modules/stream_writable_methods.c).
'use strict';
var shared = require('internal/stream_shared');
var nextTick = shared.nextTick;
var errorOrDestroy = shared.errorOrDestroy;

exports.pipe = function (dest, pipeOpts) {
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

exports.unpipe = function (dest) {
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
  var index = ArrayPrototypeIndexOf(state.pipes, dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, info);
  return this;
};

exports.wrap = function (old) {
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


// The legacy Stream's pipe (Stream.prototype.pipe, for a stream that is no Readable).
exports.legacyPipe = function (dest, options) {
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
