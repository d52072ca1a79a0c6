// Timers and immediates. The queue lives here, in a binary heap ordered by
// (deadline, creation); C only learns the earliest deadline and whether a
// ref'd timer exists (core.scheduleTimer), so the loop does one call per expiry.
'use strict';
var core = process.binding('core');
var errors = require('internal/errors');

var TIMEOUT_MAX = 2147483647;
var heap = [];
var refedCount = 0;
var seq = 0;
var scheduledWhen = -2;
var scheduledRef = false;

function notNew(name) {
  return new TypeError('Class constructor ' + name + " cannot be invoked without 'new'");
}
function less(a, b) {
  return a._when < b._when || (a._when === b._when && a._seq < b._seq);
}
function siftUp(i) {
  var t = heap[i];
  while (i > 0) {
    var p = (i - 1) >> 1;
    if (!less(t, heap[p])) break;
    heap[i] = heap[p];
    heap[i]._heapIndex = i;
    i = p;
  }
  heap[i] = t;
  t._heapIndex = i;
}
function siftDown(i) {
  var n = heap.length, t = heap[i];
  for (;;) {
    var l = 2 * i + 1;
    if (l >= n) break;
    var c = (l + 1 < n && less(heap[l + 1], heap[l])) ? l + 1 : l;
    if (!less(heap[c], t)) break;
    heap[i] = heap[c];
    heap[i]._heapIndex = i;
    i = c;
  }
  heap[i] = t;
  t._heapIndex = i;
}
function heapRemove(t) {
  var i = t._heapIndex;
  if (!(i >= 0) || heap[i] !== t) return; // not queued (or a stale index: never touch another slot)
  var last = heap.pop();
  t._heapIndex = -1;
  if (last !== t) {
    heap[i] = last;
    last._heapIndex = i;
    siftDown(i);
    siftUp(last._heapIndex);
  }
  if (t._refed) refedCount--;
}
function heapInsert(t) {
  t._seq = ++seq;
  heap.push(t);
  siftUp(heap.length - 1);
  if (t._refed) refedCount++;
}
function reschedule() {
  var when = heap.length ? heap[0]._when : -1;
  var ref = refedCount > 0;
  if (when !== scheduledWhen || ref !== scheduledRef) {
    scheduledWhen = when;
    scheduledRef = ref;
    core.scheduleTimer(when, ref);
  }
}

// As in Node, constructing a Timeout does not queue it (setTimeout/setInterval do):
// `new (setTimeout(f).constructor)(...)` makes an inert timer. And as with Node's
// class, calling it without `new` throws: re-running it on a queued timer would
// have queued one object twice. (A fresh `this` has no own _heapIndex yet; ES5, for
// jsmin's parser, so no new.target.)
var hasOwn = Object.prototype.hasOwnProperty;
function Timeout(callback, after, args, repeat) {
  if (!(this instanceof Timeout) || hasOwn.call(this, '_heapIndex')) throw notNew('Timeout');
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) after = 1;
  this._idleTimeout = after;
  this._onTimeout = callback;
  this._timerArgs = args;
  this._repeat = repeat ? after : null;
  this._destroyed = false;
  this._refed = true;
  this._heapIndex = -1;
  this._seq = 0;
  this._when = core.now() + after;
}
function schedule(t) {
  heapInsert(t);
  reschedule();
  return t;
}
Timeout.prototype.ref = function () {
  if (!this._refed) {
    this._refed = true;
    if (this._heapIndex >= 0) { refedCount++; reschedule(); }
  }
  return this;
};
Timeout.prototype.unref = function () {
  if (this._refed) {
    this._refed = false;
    if (this._heapIndex >= 0) { refedCount--; reschedule(); }
  }
  return this;
};
Timeout.prototype.hasRef = function () { return this._refed; };
Timeout.prototype.refresh = function () {
  // Only a real timer: a deadline made from a missing delay (NaN) would sort nowhere
  // and stall every timer behind it (Node ignores such objects too).
  if (this._destroyed || !(this._idleTimeout >= 1)) return this;
  heapRemove(this);
  this._when = core.now() + this._idleTimeout;
  heapInsert(this);
  reschedule();
  return this;
};
Timeout.prototype.close = function () {
  clearTimeout(this);
  return this;
};
if (typeof Symbol === 'function' && Symbol.toPrimitive) {
  Timeout.prototype[Symbol.toPrimitive] = function () {
    byId[this._seq] = this;
    return this._seq;
  };
}
var byId = {};

function checkCallback(cb) {
  if (typeof cb !== 'function') throw errors.invalidArgType('callback', 'function', cb);
}
function restArgs(args, from) {
  return args.length > from ? Array.prototype.slice.call(args, from) : null;
}

function setTimeout(callback, after) {
  checkCallback(callback);
  return schedule(new Timeout(callback, after, restArgs(arguments, 2), false));
}
function setInterval(callback, repeat) {
  checkCallback(callback);
  return schedule(new Timeout(callback, repeat, restArgs(arguments, 2), true));
}
function clearTimeout(t) {
  if (typeof t === 'number' || typeof t === 'string') {
    t = byId[t];
    if (!t) return;
  }
  if (!t || !(t instanceof Timeout)) {
    if (t && t._onImmediate) clearImmediate(t);
    return;
  }
  if (t._destroyed) return;
  t._destroyed = true;
  delete byId[t._seq];
  heapRemove(t);
  reschedule();
}

// Called by the loop (runtime/loop.c) when the earliest deadline has passed.
function processTimers(now) {
  while (heap.length && heap[0]._when <= now) {
    var t = heap[0];
    t._heapIndex = 0; // heap[0] is t whatever its fields say: always progress
    heapRemove(t);
    if (t._repeat !== null) {
      t._when = now + t._repeat;
      heapInsert(t);
    } else {
      t._destroyed = true;
    }
    try {
      if (t._timerArgs === null) t._onTimeout();
      else t._onTimeout.apply(t, t._timerArgs);
    } catch (e) {
      process._fatalException(e);
    }
    process._tickCallback();
  }
  reschedule();
}

// ---- immediates ----
var immediates = [];
var immediateRefed = 0;

function Immediate(callback, args) {
  if (!(this instanceof Immediate) || hasOwn.call(this, '_onImmediate')) throw notNew('Immediate');
  this._onImmediate = callback;
  this._argv = args;
  this._destroyed = false;
  this._refed = true;
}
Immediate.prototype.ref = function () {
  if (!this._refed && !this._destroyed) { this._refed = true; immediateRefed++; updateImmediates(); }
  return this;
};
Immediate.prototype.unref = function () {
  if (this._refed && !this._destroyed) { this._refed = false; immediateRefed--; updateImmediates(); }
  return this;
};
Immediate.prototype.hasRef = function () { return this._refed; };

function updateImmediates() {
  core.setImmediates(immediates.length > 0, immediateRefed > 0);
}
function setImmediate(callback) {
  checkCallback(callback);
  var im = new Immediate(callback, restArgs(arguments, 1));
  immediates.push(im);
  immediateRefed++;
  if (immediates.length === 1) updateImmediates();
  return im;
}
function clearImmediate(im) {
  if (!im || im._destroyed || !im._onImmediate) return;
  im._destroyed = true;
  if (im._refed) { immediateRefed--; updateImmediates(); }
}
function processImmediates() {
  var list = immediates;
  immediates = [];
  for (var i = 0; i < list.length; i++) {
    var im = list[i];
    if (im._destroyed) continue;
    im._destroyed = true;
    if (im._refed) immediateRefed--;
    try {
      if (im._argv === null) im._onImmediate();
      else im._onImmediate.apply(im, im._argv);
    } catch (e) {
      process._fatalException(e);
    }
    process._tickCallback();
  }
  updateImmediates();
}

module.exports = {
  setTimeout: setTimeout,
  clearTimeout: clearTimeout,
  setInterval: setInterval,
  clearInterval: clearTimeout,
  setImmediate: setImmediate,
  clearImmediate: clearImmediate,
  _processTimers: processTimers,
  _processImmediates: processImmediates,
  Timeout: Timeout
};
