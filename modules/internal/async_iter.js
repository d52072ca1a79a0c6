// internal/async_iter: the object an ES5 module gives where node has an async generator
// (timers/promises' setInterval, Readable.prototype[Symbol.asyncIterator]): next, return
// and throw queue as an async generator's do, and the body's cleanup (its `finally`)
// runs once, when it ends, returns or is thrown into.
'use strict';
var PromiseCtor = process.binding('promise'); // the runtime's own, whatever user code did to the global

// impl: { start(): called by the first next(), may throw; step(): the next record
// {value, done} or a promise of it; cleanup(err): the body's finally, err the error
// that ends it (undefined for a return or the end) }.
var NEW = 0, SUSPENDED = 1, RUNNING = 2, DONE = 3;
function AsyncIter(impl) {
  this._impl = impl;
  this._queue = [];
  this._state = NEW;
}
var proto = AsyncIter.prototype;
proto.next = function (v) { return enqueue(this, 0, v); };
proto['return'] = function (v) { return enqueue(this, 1, v); };
proto['throw'] = function (v) { return enqueue(this, 2, v); };
if (typeof Symbol === 'function') proto[Symbol.toStringTag] = 'AsyncGenerator'; // as node's
if (typeof Symbol === 'function' && typeof Symbol.asyncIterator === 'symbol') {
  proto[Symbol.asyncIterator] = function () { return this; };
} else {
  proto['@@asyncIterator'] = function () { return this; };
}

function enqueue(it, kind, v) {
  return new PromiseCtor(function (resolve, reject) {
    it._queue.push({ kind: kind, value: v, resolve: resolve, reject: reject });
    if (it._state !== RUNNING) resume(it);
  });
}

function finish(it, err, req, fulfilled) {
  try {
    it._impl.cleanup(err);
  } catch (e) {
    err = e;
    fulfilled = undefined;
  }
  it._state = DONE;
  if (fulfilled) req.resolve(fulfilled);
  else req.reject(err);
}

function resume(it) {
  while (it._queue.length && it._state !== RUNNING) {
    var req = it._queue.shift();
    if (it._state === DONE || (it._state === NEW && req.kind !== 0)) {
      it._state = DONE;
      if (req.kind === 2) req.reject(req.value);
      else req.resolve({ value: req.kind === 1 ? req.value : undefined, done: true });
      continue;
    }
    if (req.kind !== 0) { // return or throw at a yield: the body's finally, then done
      it._state = RUNNING;
      if (req.kind === 1) finish(it, undefined, req, { value: req.value, done: true });
      else finish(it, req.value, req);
      continue;
    }
    run(it, req);
  }
}

function run(it, req) {
  var first = it._state === NEW, r;
  it._state = RUNNING;
  try {
    if (first) it._impl.start();
    r = it._impl.step();
  } catch (e) {
    finish(it, e, req);
    return;
  }
  PromiseCtor.resolve(r).then(function (rec) {
    if (rec.done) {
      finish(it, undefined, req, { value: rec.value, done: true });
    } else {
      it._state = SUSPENDED;
      req.resolve({ value: rec.value, done: false });
    }
    resume(it);
  }, function (e) {
    finish(it, e, req);
    resume(it);
  });
}

module.exports = AsyncIter;
