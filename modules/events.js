// EventEmitter with Node's semantics. One listener is stored as a function and
// several as an array, so the common single-listener emit does no allocation.
'use strict';

function EventEmitter() {
  EventEmitter.init.call(this);
}
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.defaultMaxListeners = 10;
EventEmitter.prototype._events = undefined;
EventEmitter.prototype._maxListeners = undefined;
EventEmitter.prototype._eventsCount = 0;

EventEmitter.init = function () {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
  }
};

function checkListener(fn) {
  if (typeof fn !== 'function') {
    var e = new TypeError('The "listener" argument must be of type function. Received ' +
      (fn === null ? 'null' : typeof fn));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}

function inspectValue(v) {
  try { return require('util').inspect(v); } catch (e) { return String(v); }
}

EventEmitter.prototype.emit = function emit(type) {
  var events = this._events;
  var handler = events !== undefined ? events[type] : undefined;
  if (handler === undefined) {
    if (type === 'error') {
      var er = arguments[1];
      if (er instanceof Error) throw er;
      var err = new Error('Unhandled error. (' + inspectValue(er) + ')');
      err.code = 'ERR_UNHANDLED_ERROR';
      err.context = er;
      throw err;
    }
    return false;
  }
  var n = arguments.length;
  if (typeof handler === 'function') {
    if (n === 1) handler.call(this);
    else if (n === 2) handler.call(this, arguments[1]);
    else if (n === 3) handler.call(this, arguments[1], arguments[2]);
    else if (n === 4) handler.call(this, arguments[1], arguments[2], arguments[3]);
    else handler.apply(this, Array.prototype.slice.call(arguments, 1));
    return true;
  }
  var list = handler.slice();
  var args = n > 4 ? Array.prototype.slice.call(arguments, 1) : null;
  for (var i = 0; i < list.length; i++) {
    if (args) list[i].apply(this, args);
    else if (n === 1) list[i].call(this);
    else if (n === 2) list[i].call(this, arguments[1]);
    else if (n === 3) list[i].call(this, arguments[1], arguments[2]);
    else list[i].call(this, arguments[1], arguments[2], arguments[3]);
  }
  return true;
};

function addListener(target, type, listener, prepend) {
  checkListener(listener);
  var events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    target.emit('newListener', type, listener.listener ? listener.listener : listener);
    events = target._events;
  }
  var existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    target._eventsCount++;
  } else {
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }
    var m = target.getMaxListeners();
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      var msg = 'Possible EventEmitter memory leak detected. ' + existing.length + ' ' + String(type) +
        ' listeners added. Use emitter.setMaxListeners() to increase limit';
      if (typeof process !== 'undefined' && process.emitWarning) {
        var w = new Error(msg);
        w.name = 'MaxListenersExceededWarning';
        process.emitWarning(w);
      }
    }
  }
  return target;
}

EventEmitter.prototype.addListener = function (type, listener) { return addListener(this, type, listener, false); };
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.prependListener = function (type, listener) { return addListener(this, type, listener, true); };

function onceWrapper(target, type, listener) {
  var state = { fired: false };
  function wrapped() {
    if (state.fired) return undefined;
    state.fired = true;
    target.removeListener(type, wrapped);
    return listener.apply(target, arguments);
  }
  wrapped.listener = listener;
  return wrapped;
}

EventEmitter.prototype.once = function (type, listener) {
  checkListener(listener);
  return this.on(type, onceWrapper(this, type, listener));
};
EventEmitter.prototype.prependOnceListener = function (type, listener) {
  checkListener(listener);
  return this.prependListener(type, onceWrapper(this, type, listener));
};

EventEmitter.prototype.removeListener = function (type, listener) {
  checkListener(listener);
  var events = this._events;
  if (events === undefined) return this;
  var list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    if (--this._eventsCount === 0) this._events = Object.create(null);
    else delete events[type];
    if (events.removeListener !== undefined) this.emit('removeListener', type, list.listener || listener);
  } else if (typeof list !== 'function') {
    for (var i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        var removed = list[i];
        if (list.length === 2) events[type] = list[i === 0 ? 1 : 0];
        else list.splice(i, 1);
        if (events.removeListener !== undefined) this.emit('removeListener', type, removed.listener || removed);
        break;
      }
    }
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function (type) {
  var events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
    }
    return this;
  }
  if (arguments.length === 0) {
    var keys = Object.keys(events);
    for (var i = 0; i < keys.length; i++) if (keys[i] !== 'removeListener') this.removeAllListeners(keys[i]);
    this.removeAllListeners('removeListener');
    this._events = Object.create(null);
    this._eventsCount = 0;
    return this;
  }
  var listeners = events[type];
  if (typeof listeners === 'function') this.removeListener(type, listeners);
  else if (listeners !== undefined) for (var j = listeners.length - 1; j >= 0; j--) this.removeListener(type, listeners[j]);
  return this;
};

function listenersOf(target, type, unwrap) {
  var events = target._events;
  var l = events === undefined ? undefined : events[type];
  if (l === undefined) return [];
  if (typeof l === 'function') return [unwrap && l.listener ? l.listener : l];
  return l.map(function (f) { return unwrap && f.listener ? f.listener : f; });
}
EventEmitter.prototype.listeners = function (type) { return listenersOf(this, type, true); };
EventEmitter.prototype.rawListeners = function (type) { return listenersOf(this, type, false); };
EventEmitter.prototype.listenerCount = function (type) {
  var events = this._events;
  var l = events === undefined ? undefined : events[type];
  return l === undefined ? 0 : typeof l === 'function' ? 1 : l.length;
};
EventEmitter.listenerCount = function (emitter, type) { return emitter.listenerCount(type); };
EventEmitter.prototype.eventNames = function () {
  return this._eventsCount > 0 ? Object.keys(this._events) : [];
};
EventEmitter.prototype.setMaxListeners = function (n) {
  if (typeof n !== 'number' || n < 0 || n !== n) {
    var e = new RangeError('The value of "n" is out of range. It must be a non-negative number. Received ' + n);
    e.code = 'ERR_OUT_OF_RANGE';
    throw e;
  }
  this._maxListeners = n;
  return this;
};
EventEmitter.prototype.getMaxListeners = function () {
  return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;
};

module.exports = EventEmitter;
