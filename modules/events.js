// events: EventEmitter with Node's semantics. The methods are C light functions
// (modules/events_binding.c: each JS function would cost ~300 B of heap on a board,
// and every program loads this module); this file keeps the constructor, the static
// helpers; the wording of errors and warnings loads with the first (internal/events_errors.js).
// Listeners live in this._events (a null-prototype object): one listener is stored
// as the function itself and several as an array; emit() iterates over a copy of a
// listener array, so listeners may add or remove listeners while it runs.
'use strict';
var binding = process.binding('events');

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

// The errors and the warning the C methods raise: fail(kind, value[, a, b]), its
// wording in internal/events_errors.js, loaded with the first.
binding.install(proto, function fail(kind, v, a, b) {
  return require('internal/events_errors')(kind, v, a, b);
}, kErrorMonitor);

// Static helpers of Node's events module.
EventEmitter.listenerCount = function (emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return proto.listenerCount.call(emitter, type);
};

EventEmitter.getEventListeners = function getEventListeners(emitter, type) {
  return emitter.listeners(type);
};

EventEmitter.setMaxListeners = function setMaxListeners(n) {
  if (n === undefined) n = binding.defaultMaxListeners();
  if (arguments.length < 2) {
    binding.defaultMaxListeners(n);
    return;
  }
  proto.setMaxListeners.call({}, n); // the check, with its message
  for (var i = 1; i < arguments.length; i++) arguments[i].setMaxListeners(n);
};

module.exports = EventEmitter;
