// timers/promises: node's promise forms of the timers, compiled on the first
// require('timers/promises') (or util.promisify(setTimeout)). They schedule through
// the global timers (runtime/timers.c), so the delays are checked and coerced the
// same way. setInterval gives an async iterator (internal/async_iter's AsyncIter,
// where node has an async generator; compiled with its first call).
'use strict';
var timers = require('timers');
var shared = require('internal/abort');
var PromiseCtor = shared.Promise;

// The options' checks, as node makes them; returns the error, or null.
function checkTimerOptions(options) {
  try {
    shared.checkOptions(options);
    shared.validateAbortSignal(options.signal, 'options.signal');
    if (options.ref !== undefined) shared.validateBoolean(options.ref, 'options.ref');
  } catch (e) {
    return e;
  }
  return null;
}

// A promise settled by a timer made by schedule(resolve), cleared by clear on abort.
function timed(options, schedule, clear) {
  if (options === undefined) options = {};
  var err = checkTimerOptions(options);
  if (err) return PromiseCtor.reject(err);
  var signal = options.signal;
  if (signal && signal.aborted) return PromiseCtor.reject(shared.abortError(signal));
  var off;
  var p = new PromiseCtor(function (resolve, reject) {
    var t = schedule(resolve);
    if (options.ref === false) t.unref();
    if (signal) {
      off = shared.onAbort(signal, function () {
        clear(t);
        reject(shared.abortError(signal));
      });
    }
  });
  return off ? p['finally'](off) : p;
}

// (lengths as node's: the options have a default there)
function setTimeout(after, value) {
  return timed(arguments[2], function (resolve) {
    return timers.setTimeout(resolve, after, value);
  }, timers.clearTimeout);
}

function setImmediate(value) {
  return timed(arguments[1], function (resolve) {
    return timers.setImmediate(resolve, value);
  }, timers.clearImmediate);
}

// An async iterator that yields value at each turn of an interval, which starts with
// the first next(); the ticks it could not yield yet are counted, as in node.
function setInterval(after, value) {
  var options = arguments[2] === undefined ? {} : arguments[2];
  var interval, notYielded = 0, callback, off;
  var signal;
  var AsyncIter = require('internal/async_iter');
  return new AsyncIter({
    start: function () {
      var err = checkTimerOptions(options);
      if (err) throw err;
      signal = options.signal;
      if (signal && signal.aborted) throw shared.abortError(signal);
      interval = timers.setInterval(function () {
        notYielded++;
        if (callback) {
          var cb = callback;
          callback = undefined;
          cb();
        }
      }, after);
      if (options.ref === false) interval.unref();
      if (signal) {
        off = shared.onAbort(signal, function () {
          if (callback) {
            var cb = callback;
            callback = undefined;
            cb();
          }
        });
      }
    },
    step: function step() {
      if (signal && signal.aborted) throw shared.abortError(signal);
      if (notYielded > 0) {
        notYielded--;
        return { value: value, done: false };
      }
      return new PromiseCtor(function (resolve) { callback = resolve; }).then(step);
    },
    cleanup: function () {
      if (interval) timers.clearInterval(interval);
      if (off) off();
    }
  });
}

// node 20's experimental scheduler: wait(delay, options) and yield().
var scheduler = ObjectCreate({
  wait: function wait(delay, options) { return setTimeout(delay, undefined, options); },
  yield: function yield_() { return setImmediate(); }
});

module.exports = {
  setTimeout: setTimeout,
  setImmediate: setImmediate,
  setInterval: setInterval,
  scheduler: scheduler
};
