// internal/abort: what node's promise APIs share for their options (timers/promises,
// events.once, Readable's async iterator): AbortError, the checks of an options object
// and of a signal, for an AbortSignal or anything shaped like one (Petrel has no
// AbortController of its own), and the runtime's own Promise.
'use strict';
var errors = require('internal/errors');
var validators = require('internal/validators');
var newError = process.binding('core').newError;
var PromiseCtor = process.binding('promise'); // the runtime's own, whatever user code did to the global

function abortError(signal) {
  var e = newError('Error', 'The operation was aborted');
  e.code = 'ABORT_ERR';
  e.name = 'AbortError';
  if (signal !== undefined) ObjectDefineProperty(e, 'cause', { value: signal.reason, writable: true, configurable: true });
  return e;
}

// node's validateObject(options, 'options') for the promise APIs' options
function checkOptions(options) {
  if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'object', options);
}

// (signal, listener) -> a function that removes the listener; an EventTarget's
// addEventListener or an EventEmitter's once.
function onAbort(signal, listener) {
  if (typeof signal.addEventListener === 'function') {
    signal.addEventListener('abort', listener, { once: true });
    return function () { signal.removeEventListener('abort', listener); };
  }
  if (typeof signal.once === 'function') {
    signal.once('abort', listener);
    return function () { signal.removeListener('abort', listener); };
  }
  return function () {};
}

module.exports = {
  abortError: abortError,
  checkOptions: checkOptions,
  validateAbortSignal: validators.validateAbortSignal,
  validateBoolean: validators.validateBoolean,
  onAbort: onAbort,
  Promise: PromiseCtor
};
