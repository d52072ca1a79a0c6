// internal/events_once: events.once(emitter, name[, options]), compiled on its first
// call (modules/promise_api.c's stub). A promise of the arguments of the next `name`
// event; an 'error' first rejects it (an EventEmitter's: an EventTarget has no such
// event). Node's once is an async function returning this promise: the promise made
// here is resolved with it, which takes the same turns of the microtask queue.
'use strict';
var errors = require('internal/errors');
var validators = require('internal/validators');
var PromiseCtor = process.binding('promise'); // the runtime's own, whatever user code did to the global
var abort; // internal/abort, compiled for the first signal

function addListener(emitter, name, listener) {
  if (typeof emitter.on === 'function') emitter.once(name, listener);
  else if (typeof emitter.addEventListener === 'function') emitter.addEventListener(name, listener, { once: true });
  else throw errors.invalidArgType('emitter', 'an instance of EventEmitter', emitter);
}

function removeListener(emitter, name, listener) {
  if (typeof emitter.removeListener === 'function') emitter.removeListener(name, listener);
  else if (typeof emitter.removeEventListener === 'function') emitter.removeEventListener(name, listener);
  else throw errors.invalidArgType('emitter', 'an instance of EventEmitter', emitter);
}

function once(emitter, name) {
  var options = arguments[2];
  var signal = options === null || options === undefined ? undefined : options.signal;
  try {
    validators.validateAbortSignal(signal, 'options.signal');
    if (signal) abort = abort || require('internal/abort');
    if (signal && signal.aborted) throw abort.abortError(signal);
  } catch (e) {
    return PromiseCtor.reject(e);
  }
  var inner = new PromiseCtor(function (resolve, reject) {
    var off;
    function errorListener(err) {
      removeListener(emitter, name, resolver);
      if (off) off();
      reject(err);
    }
    function resolver() {
      if (typeof emitter.removeListener === 'function') emitter.removeListener('error', errorListener);
      if (off) off();
      resolve(Array.prototype.slice.call(arguments));
    }
    addListener(emitter, name, resolver);
    if (name !== 'error' && typeof emitter.once === 'function') emitter.once('error', errorListener);
    if (signal) {
      off = abort.onAbort(signal, function () {
        removeListener(emitter, name, resolver);
        removeListener(emitter, 'error', errorListener);
        reject(abort.abortError(signal));
      });
    }
  });
  return new PromiseCtor(function (resolve) { resolve(inner); });
}

module.exports = { once: once };
