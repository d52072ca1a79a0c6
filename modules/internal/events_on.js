// internal/events_on: events.on(emitter, name[, options]), compiled on its first call
// (modules/promise_api.c's stub, as events.once). An async iterator over the `name`
// events, each one's arguments as an array: events that come before a next() wait in
// a queue (past options.highWaterMark the emitter is paused, and resumed below
// lowWaterMark), next() calls that come first wait for events. An 'error' (when the
// emitter is an EventEmitter and `name` is not 'error'), the signal's abort or
// throw(err) ends it: the error rejects the waiting next(), or else the next one,
// once; return(), an `options.close` event or that end removes the listeners and
// settles every waiting next() with done. Node's semantics (lib/events.js, v20).
'use strict';
var errors = require('internal/errors');
var validators = require('internal/validators');
var PromiseCtor = process.binding('promise'); // the runtime's own, whatever user code did to the global
var abort; // internal/abort, compiled for the first signal
var MAX_SAFE = 9007199254740991;

function mark(options, a, b, dflt) { // options.highWaterMark ?? options.highWatermark ?? dflt
  var v = options[a];
  if (v === undefined || v === null) v = options[b];
  if (v === undefined || v === null) v = dflt;
  var name = 'options.' + a;
  if (typeof v !== 'number') throw errors.invalidArgType(name, 'number', v);
  if (v % 1 !== 0) throw errors.outOfRange(name, 'an integer', v);
  if (v < 1 || v > MAX_SAFE) throw errors.outOfRange(name, '>= 1 && <= ' + MAX_SAFE, v);
  return v;
}

function result(value, done) { return { value: value, done: done }; }

function on(emitter, name) {
  var options = arguments.length > 2 && arguments[2] !== undefined ? arguments[2] : {};
  var signal = options.signal; // a TypeError on null, as node's
  validators.validateAbortSignal(signal, 'options.signal');
  if (signal) abort = abort || require('internal/abort');
  if (signal && signal.aborted) throw abort.abortError(signal);
  var high = mark(options, 'highWaterMark', 'highWatermark', MAX_SAFE);
  var low = mark(options, 'lowWaterMark', 'lowWatermark', 1);

  var events = [];   // argument arrays not yet taken by a next()
  var waiting = [];  // next() calls waiting for an event: [resolve, reject] pairs
  var error = null, finished = false, paused = false;
  var added = [];    // [name, listener] pairs, removed together
  var offAbort;

  function listen(event, listener) {
    if (typeof emitter.on === 'function') emitter.on(event, listener);
    else if (typeof emitter.addEventListener === 'function') emitter.addEventListener(event, listener);
    else throw errors.invalidArgType('emitter', 'an instance of EventEmitter', emitter);
    added.push([event, listener]);
  }

  function close() {
    if (offAbort) { offAbort(); offAbort = undefined; }
    for (var i = 0; i < added.length; i++) {
      if (typeof emitter.removeListener === 'function') emitter.removeListener(added[i][0], added[i][1]);
      else if (typeof emitter.removeEventListener === 'function') emitter.removeEventListener(added[i][0], added[i][1]);
    }
    added.length = 0;
    finished = true;
    var done = result(undefined, true);
    while (waiting.length) waiting.shift()[0](done);
    return PromiseCtor.resolve(done);
  }

  function fail(err) {
    if (waiting.length) waiting.shift()[1](err);
    else error = err;
    close();
  }

  function onEvent() {
    var args = Array.prototype.slice.call(arguments);
    if (waiting.length) {
      waiting.shift()[0](result(args, false));
      return;
    }
    events.push(args);
    if (!paused && events.length > high) {
      paused = true;
      emitter.pause();
    }
  }

  var iterator = {
    next: function () {
      if (events.length) {
        var value = events.shift();
        if (paused && events.length < low) {
          paused = false;
          emitter.resume();
        }
        return PromiseCtor.resolve(result(value, false));
      }
      if (error) {
        var p = PromiseCtor.reject(error);
        error = null; // only once
        return p;
      }
      if (finished) return close();
      return new PromiseCtor(function (resolve, reject) { waiting.push([resolve, reject]); });
    },
    'return': function () { return close(); },
    'throw': function (err) {
      if (!err || !(err instanceof Error)) throw errors.invalidArgType('EventEmitter.AsyncIterator', 'an instance of Error', err);
      fail(err);
    }
  };
  iterator[Symbol.asyncIterator] = function () { return this; };

  listen(name, onEvent);
  if (name !== 'error' && typeof emitter.on === 'function') listen('error', fail);
  var closeEvents = options.close;
  if (closeEvents && closeEvents.length) {
    for (var i = 0; i < closeEvents.length; i++) listen(closeEvents[i], close);
  }
  if (signal) offAbort = abort.onAbort(signal, function () { fail(abort.abortError(signal)); });
  return iterator;
}

module.exports = { on: on };
