// events: EventEmitter with Node's semantics. The methods are C light functions
// (modules/events_binding.c: each JS function would cost ~300 B of heap on a board,
// and every program loads this module), and so are the module's static helpers; this
// file keeps the constructor. The wording of errors and warnings loads with the first
// (internal/events_errors.js).
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
binding.defineDefaultMax(EventEmitter);
EventEmitter.errorMonitor = kErrorMonitor;
EventEmitter.usingDomains = false;
var proto = EventEmitter.prototype;
proto._events = undefined;
proto._eventsCount = 0;
proto._maxListeners = undefined;

// The methods; the errors' and the warning's wording loads with the first
// (internal/events_errors.js).
binding.install(proto, kErrorMonitor);
EventEmitter.captureRejections = false; // rejections of async listeners are not captured
// The module's static helpers: listenerCount, getEventListeners, setMaxListeners, and
// once (internal/events_once.js, compiled on its first call). Last: it compacts EventEmitter.
binding.defineStatics(EventEmitter);

module.exports = EventEmitter;
