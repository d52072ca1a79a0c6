// events: EventEmitter with Node's semantics.
// Listeners live in this._events (a null-prototype object): one listener is
// stored as the function itself and several as an array, so the common
// single-listener emit allocates nothing. emit() passes up to three arguments
// with fn.call (no arguments-to-array copy) and iterates over a copy of a
// listener array, so listeners may add or remove listeners while it runs.
'use strict';
var errors = require('internal/errors');

var hasSymbols = typeof Symbol === 'function' && typeof Symbol('') === 'symbol';
var kErrorMonitor = hasSymbols ? Symbol('events.errorMonitor') : '@@events.errorMonitor';

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}
EventEmitter.EventEmitter = EventEmitter;
var defaultMaxListeners = 10;
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get: function () { return defaultMaxListeners; },
  set: function (n) {
    checkMaxListeners(n, 'defaultMaxListeners');
    defaultMaxListeners = n;
  }
});
EventEmitter.errorMonitor = kErrorMonitor;
EventEmitter.usingDomains = false;
EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

// Also called as EventEmitter.call(this) from util.inherits-style subclasses.
EventEmitter.init = function init() {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
  }
};

function invalidListener(listener) {
  var got;
  if (listener === null) got = 'Received null';
  else if (listener === undefined) got = 'Received undefined';
  else if (typeof listener === 'object') {
    got = listener.constructor && listener.constructor.name ?
      'Received an instance of ' + listener.constructor.name : 'Received ' + inspectValue(listener);
  } else {
    got = 'Received type ' + typeof listener + ' (' + inspectValue(listener) + ')';
  }
  var e = new TypeError('The "listener" argument must be of type function. ' + got);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

function checkListener(listener) {
  if (typeof listener !== 'function') throw invalidListener(listener);
}

function inspectValue(v) {
  try {
    return require('util').inspect(v);
  } catch (e) {
    return String(v);
  }
}

function checkMaxListeners(n, name) {
  if (typeof n !== 'number') throw errors.invalidArgType(name, 'number', n);
  if (n < 0 || n !== n) throw errors.outOfRange(name, '>= 0', n);
}

// An 'error' event nobody listens to: the error is thrown from emit().
function unhandledError(er) {
  if (er instanceof Error) return er;
  var err = new Error('Unhandled error. (' + inspectValue(er) + ')');
  err.code = 'ERR_UNHANDLED_ERROR';
  err.context = er;
  return err;
}

EventEmitter.prototype.emit = function emit(type) {
  var events = this._events;
  var n = arguments.length;
  if (type === 'error' && events !== undefined && events[kErrorMonitor] !== undefined) {
    emitArgs(this, kErrorMonitor, arguments);
  }
  var handler = events !== undefined ? events[type] : undefined;
  if (handler === undefined) {
    if (type === 'error') throw unhandledError(arguments[1]);
    return false;
  }
  if (typeof handler === 'function') {
    switch (n) {
      case 1: handler.call(this); break;
      case 2: handler.call(this, arguments[1]); break;
      case 3: handler.call(this, arguments[1], arguments[2]); break;
      case 4: handler.call(this, arguments[1], arguments[2], arguments[3]); break;
      default: handler.apply(this, restArgs(arguments));
    }
    return true;
  }
  var list = copyList(handler);
  var len = list.length, i;
  switch (n) {
    case 1: for (i = 0; i < len; i++) list[i].call(this); break;
    case 2: for (i = 0; i < len; i++) list[i].call(this, arguments[1]); break;
    case 3: for (i = 0; i < len; i++) list[i].call(this, arguments[1], arguments[2]); break;
    case 4: for (i = 0; i < len; i++) list[i].call(this, arguments[1], arguments[2], arguments[3]); break;
    default:
      var args = restArgs(arguments);
      for (i = 0; i < len; i++) list[i].apply(this, args);
  }
  return true;
};

function emitArgs(target, type, args) {
  var a = [type];
  for (var i = 1; i < args.length; i++) a.push(args[i]);
  return target.emit.apply(target, a);
}

function restArgs(args) {
  var n = args.length - 1, out = new Array(n);
  for (var i = 0; i < n; i++) out[i] = args[i + 1];
  return out;
}

function copyList(list) {
  var n = list.length, out = new Array(n);
  for (var i = 0; i < n; i++) out[i] = list[i];
  return out;
}

function maxListenersWarning(target, type, count) {
  var ctorName = target.constructor && target.constructor.name ? target.constructor.name : 'EventEmitter';
  var msg = 'Possible EventEmitter memory leak detected. ' + count + ' ' + String(type) +
    ' listeners added to [' + ctorName + ']. MaxListeners is ' + target.getMaxListeners() +
    '. Use emitter.setMaxListeners() to increase limit';
  var w = new Error(msg);
  w.name = 'MaxListenersExceededWarning';
  w.emitter = target;
  w.type = type;
  w.count = count;
  if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
    process.emitWarning(w);
  } else if (typeof console !== 'undefined') {
    console.error('(petrel) MaxListenersExceededWarning: ' + msg);
  }
}

function addListener(target, type, listener, prepend) {
  checkListener(listener);
  var events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    target.emit('newListener', type, listener.listener ? listener.listener : listener);
    // A 'newListener' listener may have replaced the table.
    events = target._events;
  }
  var existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    target._eventsCount++;
    return target;
  }
  if (typeof existing === 'function') {
    existing = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }
  var max = target.getMaxListeners();
  if (max > 0 && existing.length > max && !existing.warned) {
    existing.warned = true;
    maxListenersWarning(target, type, existing.length);
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener_(type, listener) {
  return addListener(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return addListener(this, type, listener, true);
};

// once(): a wrapper that removes itself before calling the listener. The
// wrapper's .listener lets removeListener(type, original) find it.
function onceWrapper(target, type, listener) {
  var fired = false;
  function wrapper() {
    if (fired) return undefined;
    fired = true;
    target.removeListener(type, wrapper);
    // The wrapper and this scope refer to each other, a cycle that reference
    // counting cannot free; letting go here frees both (and what the listener
    // holds) as soon as the call returns, not at Duktape's next mark-and-sweep.
    wrapper = null;
    switch (arguments.length) {
      case 0: return listener.call(target);
      case 1: return listener.call(target, arguments[0]);
      case 2: return listener.call(target, arguments[0], arguments[1]);
      default: return listener.apply(target, arguments);
    }
  }
  wrapper.listener = listener;
  return wrapper;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  // Through this.on, as Node does: a Readable's once('data') must start the flow.
  return this.on(type, onceWrapper(this, type, listener));
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  return addListener(this, type, onceWrapper(this, type, listener), true);
};

// Removes the most recently added instance of listener (or of a once-wrapper around it).
EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  var events = this._events;
  if (events === undefined) return this;
  var list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    if (--this._eventsCount === 0) this._events = Object.create(null);
    else delete events[type];
    if (events.removeListener !== undefined) this.emit('removeListener', type, list.listener || listener);
    return this;
  }
  if (typeof list === 'function') return this;
  for (var i = list.length - 1; i >= 0; i--) {
    var fn = list[i];
    if (fn === listener || fn.listener === listener) {
      if (i === 0) list.shift();
      else list.splice(i, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit('removeListener', type, fn.listener || fn);
      break;
    }
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  var events = this._events;
  if (events === undefined) return this;
  var all = arguments.length === 0;
  if (events.removeListener === undefined) {
    // Nobody to tell: drop the lists directly.
    if (all) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
    }
    return this;
  }
  if (all) {
    var names = eventNamesOf(events);
    for (var i = 0; i < names.length; i++) {
      if (names[i] !== 'removeListener') this.removeAllListeners(names[i]);
    }
    this.removeAllListeners('removeListener');
    this._events = Object.create(null);
    this._eventsCount = 0;
    return this;
  }
  var listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    // Last added first, as Node does.
    for (var j = listeners.length - 1; j >= 0; j--) this.removeListener(type, listeners[j]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  var events = target._events;
  if (events === undefined) return [];
  var l = events[type];
  if (l === undefined) return [];
  if (typeof l === 'function') return [unwrap && l.listener ? l.listener : l];
  var out = new Array(l.length);
  for (var i = 0; i < l.length; i++) out[i] = unwrap && l[i].listener ? l[i].listener : l[i];
  return out;
}

EventEmitter.prototype.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

function listenerCount(type, listener) {
  var events = this._events;
  if (events === undefined) return 0;
  var l = events[type];
  if (l === undefined) return 0;
  if (typeof l === 'function') {
    if (listener === undefined || listener === null) return 1;
    return l === listener || l.listener === listener ? 1 : 0;
  }
  if (listener === undefined || listener === null) return l.length;
  var n = 0;
  for (var i = 0; i < l.length; i++) if (l[i] === listener || l[i].listener === listener) n++;
  return n;
}
EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.listenerCount = function (emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return listenerCount.call(emitter, type);
};

function eventNamesOf(events) {
  var names = Object.keys(events);
  if (hasSymbols && typeof Object.getOwnPropertySymbols === 'function') {
    names = names.concat(Object.getOwnPropertySymbols(events));
  }
  return names;
}

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? eventNamesOf(this._events) : [];
};

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  checkMaxListeners(n, 'setMaxListeners');
  this._maxListeners = n;
  return this;
};

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return this._maxListeners === undefined ? defaultMaxListeners : this._maxListeners;
};

// Static helpers of Node's events module.
EventEmitter.getEventListeners = function getEventListeners(emitter, type) {
  return emitter.listeners(type);
};

EventEmitter.setMaxListeners = function setMaxListeners(n) {
  if (n === undefined) n = defaultMaxListeners;
  checkMaxListeners(n, 'setMaxListeners');
  if (arguments.length < 2) {
    defaultMaxListeners = n;
    return;
  }
  for (var i = 1; i < arguments.length; i++) arguments[i].setMaxListeners(n);
};

module.exports = EventEmitter;
