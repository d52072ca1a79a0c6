// events: EventEmitter with Node's semantics. The methods are C light functions
// (modules/events_binding.c: each JS function would cost ~300 B of heap on a board,
// and every program loads this module); this file keeps the constructor, the static
// helpers and the wording of errors and warnings (fail, called from C).
// Listeners live in this._events (a null-prototype object): one listener is stored
// as the function itself and several as an array; emit() iterates over a copy of a
// listener array, so listeners may add or remove listeners while it runs.
'use strict';
var errors = require('internal/errors');
var binding = process.binding('events');
// Loaded while the runtime starts: these are the engine's classes even after user
// code replaces the globals.
var Err = Error, TypeErr = TypeError;

var hasSymbols = typeof Symbol === 'function' && typeof Symbol('') === 'symbol';
var kErrorMonitor = hasSymbols ? Symbol('events.errorMonitor') : '@@events.errorMonitor';

function EventEmitter(opts) {
  binding.init.call(this);
}
EventEmitter.EventEmitter = EventEmitter;
// Also called as EventEmitter.call(this) from util.inherits-style subclasses.
EventEmitter.init = binding.init;
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get: function () { return binding.defaultMaxListeners(); },
  set: function (n) { binding.defaultMaxListeners(n); }
});
EventEmitter.errorMonitor = kErrorMonitor;
EventEmitter.usingDomains = false;
var proto = EventEmitter.prototype;
proto._events = undefined;
proto._eventsCount = 0;
proto._maxListeners = undefined;

function inspectValue(v) {
  try {
    return require('util').inspect(v);
  } catch (e) {
    return String(v);
  }
}

// The errors and the warning the C methods raise: fail(kind, value[, a, b]).
binding.install(proto, function fail(kind, v, a, b) {
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
    var e = new TypeErr('The "listener" argument must be of type function. ' + got);
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  }
  if (kind === 1) { // a max-listeners value (a is the argument's name)
    return typeof v !== 'number' ? errors.invalidArgType(a, 'number', v) : errors.outOfRange(a, '>= 0', v);
  }
  if (kind === 2) { // an 'error' event nobody listens to: thrown from emit()
    if (v instanceof Err) return v;
    var err = new Err('Unhandled error. (' + inspectValue(v) + ')');
    err.code = 'ERR_UNHANDLED_ERROR';
    err.context = v;
    return err;
  }
  // kind 3: more listeners than getMaxListeners() (v the emitter, a the type, b the count)
  var ctorName = v.constructor && v.constructor.name ? v.constructor.name : 'EventEmitter';
  var w = new Err('Possible EventEmitter memory leak detected. ' + b + ' ' + String(a) +
    ' listeners added to [' + ctorName + ']. MaxListeners is ' + v.getMaxListeners() +
    '. Use emitter.setMaxListeners() to increase limit');
  w.name = 'MaxListenersExceededWarning';
  w.emitter = v;
  w.type = a;
  w.count = b;
  process.emitWarning(w);
}, kErrorMonitor);

// Static helpers of Node's events module.
EventEmitter.listenerCount = function (emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return proto.listenerCount.call(emitter, type);
};

EventEmitter.getEventListeners = function getEventListeners(emitter, type) {
  if (typeof emitter.listeners === 'function') return emitter.listeners(type);
  throw notEmitter('emitter', emitter); // Petrel has no EventTarget
};
function notEmitter(name, v) {
  return require('internal/errors').invalidArgType(name, 'an instance of EventEmitter or EventTarget', v);
}
EventEmitter.captureRejections = false; // no Promise in Duktape: nothing to capture

EventEmitter.setMaxListeners = function setMaxListeners(n) {
  if (n === undefined) n = binding.defaultMaxListeners();
  if (arguments.length < 2) {
    binding.defaultMaxListeners(n);
    return;
  }
  proto.setMaxListeners.call({}, n); // the check, with its message
  for (var i = 1; i < arguments.length; i++) {
    var t = arguments[i];
    if (typeof t.setMaxListeners !== 'function') throw notEmitter('eventTargets', t); // null: a plain TypeError, as node
    t.setMaxListeners(n);
  }
};

module.exports = EventEmitter;
