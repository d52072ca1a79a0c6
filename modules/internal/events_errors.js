// internal/events_errors: the errors and the warning EventEmitter's C methods
// (modules/events_binding.c) raise, loaded with the first: fail(kind, value[, a, b]).
'use strict';
var errors = require('internal/errors');
// The engine's own classes (core.newError), not the globals: user code may have
// replaced those before this module loads.
var newError = process.binding('core').newError;
var EngineError = newError('Error', '').constructor;

function inspectValue(v) {
  try {
    return require('util').inspect(v);
  } catch (e) {
    return String(v);
  }
}

module.exports = function fail(kind, v, a, b) {
  if (kind === 0) { // a listener that is not a function
    var got;
    if (v === null) got = 'Received null';
    else if (v === undefined) got = 'Received undefined';
    else if (typeof v === 'object') {
      got = v.constructor && v.constructor.name ?
        'Received an instance of ' + v.constructor.name : 'Received ' + inspectValue(v);
    } else {
      got = 'Received type ' + typeof v + ' (' + inspectValue(v) + ')';
    }
    var e = newError('TypeError', 'The "listener" argument must be of type function. ' + got);
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  }
  if (kind === 1) { // a max-listeners value (a is the argument's name)
    return typeof v !== 'number' ? errors.invalidArgType(a, 'number', v) : errors.outOfRange(a, '>= 0', v);
  }
  if (kind === 2) { // an 'error' event nobody listens to: thrown from emit()
    if (v instanceof EngineError) return v;
    var err = newError('Error', 'Unhandled error. (' + inspectValue(v) + ')');
    err.code = 'ERR_UNHANDLED_ERROR';
    err.context = v;
    return err;
  }
  if (kind === 4) { // an argument that is no emitter (a: its name)
    return errors.invalidArgType(a, 'an instance of EventEmitter or EventTarget', v);
  }
  // kind 3: more listeners than getMaxListeners() (v the emitter, a the type, b the count)
  var ctorName = v.constructor && v.constructor.name ? v.constructor.name : 'EventEmitter';
  var w = newError('Error', 'Possible EventEmitter memory leak detected. ' + b + ' ' + String(a) +
    ' listeners added to [' + ctorName + ']. MaxListeners is ' + v.getMaxListeners() +
    '. Use emitter.setMaxListeners() to increase limit');
  w.name = 'MaxListenersExceededWarning';
  w.emitter = v;
  w.type = a;
  w.count = b;
  process.emitWarning(w);
};
