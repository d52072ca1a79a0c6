// internal/stream_iter: Readable.prototype[Symbol.asyncIterator] and readable.iterator
// (modules/promise_api.c's stubs load it on the first call), what `for await (const
// chunk of stream)` uses, Babel-lowered or not. As node's: the iterator starts on its
// first next(), reads in paused mode through 'readable' (so a chunk is what read()
// gives: all that is buffered), ends at 'end', throws the stream's error, and when
// the loop leaves early (break, return, throw) destroys the stream (an AbortError if it
// had not finished), unless { destroyOnReturn: false }.
'use strict';
var errors = require('internal/errors');
var shared = require('internal/abort');
var AsyncIter = require('internal/async_iter');
var PromiseCtor = shared.Promise;

// node's destroyImpl.destroyer(stream, null)
function isFinished(stream) {
  if (stream.destroyed) return true;
  var r = stream._readableState;
  if (r && stream.readable && !r.endEmitted) return false;
  if (stream.writable === true && !stream.writableEnded) return false;
  return true;
}
function destroyer(stream) {
  if (!stream || stream.destroyed) return;
  var err = isFinished(stream) ? null : shared.abortError();
  if (typeof stream.destroy === 'function') stream.destroy(err);
}

// eos(stream, { writable: false }, callback), the readable side only
function endOfReadable(stream, callback) {
  var r = stream._readableState;
  function onend() { done(null); }
  function onerror(err) { done(err); }
  function onclose() {
    if (r && !r.endEmitted) done(errors.codeError('ERR_STREAM_PREMATURE_CLOSE', 'Premature close'));
    else done(null);
  }
  function cleanup() {
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  }
  function done(err) {
    cleanup();
    callback(err);
  }
  if (r && r.endEmitted) {
    process.nextTick(callback, null);
    return cleanup;
  }
  if (stream.destroyed) {
    var errored = r && r.errored;
    process.nextTick(callback, errored || (r && r.endEmitted ? null : errors.codeError('ERR_STREAM_PREMATURE_CLOSE', 'Premature close')));
    return cleanup;
  }
  stream.on('end', onend);
  stream.on('error', onerror);
  stream.on('close', onclose);
  return cleanup;
}

function createIterator(stream, options) {
  var callback = null, error, cleanupEos;
  function onReadable() {
    if (callback) {
      var cb = callback;
      callback = null;
      cb();
    }
  }
  var it = new AsyncIter({
    start: function () {
      stream.on('readable', onReadable);
      cleanupEos = endOfReadable(stream, function (err) {
        error = err ? error || err : null;
        onReadable();
      });
    },
    step: function step() {
      var chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) return { value: chunk, done: false };
      if (error) throw error;
      if (error === null) return { value: undefined, done: true };
      return new PromiseCtor(function (resolve) { callback = resolve; }).then(step);
    },
    cleanup: function (err) {
      if (err !== undefined && error === undefined) error = err;
      else if (err !== undefined) error = error || err;
      if ((error || !options || options.destroyOnReturn !== false) &&
          (error === undefined || stream._readableState.autoDestroy)) {
        destroyer(stream);
      } else {
        stream.removeListener('readable', onReadable);
        if (cleanupEos) cleanupEos();
      }
    }
  });
  it.stream = stream;
  return it;
}

module.exports = {
  asyncIterator: function () { return createIterator(this); },
  iterator: function (options) {
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw errors.invalidArgType('options', 'object', options);
    }
    return createIterator(this, options);
  }
};
