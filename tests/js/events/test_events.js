// EventEmitter: every method, listener order, removal during emit, once
// wrappers, newListener/removeListener events, max listeners, 'error' rules.
// Passes unchanged under node v20.
var assert = require('assert');
var util = require('util');
var EventEmitter = require('events');

var log = [];
function rec(name) {
  return function () {
    log.push(name + '(' + Array.prototype.slice.call(arguments).join(',') + ')');
  };
}
function take() {
  var l = log;
  log = [];
  return l;
}

// ---- module shape
assert.strictEqual(typeof EventEmitter, 'function');
assert.strictEqual(EventEmitter.EventEmitter, EventEmitter);
assert.strictEqual(EventEmitter.defaultMaxListeners, 10);
assert.strictEqual(typeof EventEmitter.listenerCount, 'function');

// ---- on / addListener / emit: arguments, this, return value
(function () {
  var e = new EventEmitter();
  assert.strictEqual(e.emit('nothing'), false);
  assert.strictEqual(e.on('a', rec('a1')), e, 'on() returns the emitter');
  assert.strictEqual(e.addListener('a', rec('a2')), e);
  assert.strictEqual(EventEmitter.prototype.on, EventEmitter.prototype.addListener);
  assert.strictEqual(e.emit('a'), true);
  assert.strictEqual(e.emit('a', 1), true);
  e.emit('a', 1, 2);
  e.emit('a', 1, 2, 3);
  e.emit('a', 1, 2, 3, 4, 5);
  assert.deepStrictEqual(take(), ['a1()', 'a2()', 'a1(1)', 'a2(1)', 'a1(1,2)', 'a2(1,2)',
    'a1(1,2,3)', 'a2(1,2,3)', 'a1(1,2,3,4,5)', 'a2(1,2,3,4,5)']);

  // A single listener gets every argument count too.
  var seen = [];
  e.on('one', function () { seen.push(this === e, arguments.length); });
  e.emit('one');
  e.emit('one', 1, 2);
  e.emit('one', 1, 2, 3, 4, 5, 6);
  assert.deepStrictEqual(seen, [true, 0, true, 2, true, 6]);

  // The same function may be added twice and is then called twice.
  var f = rec('f');
  e.on('twice', f);
  e.on('twice', f);
  e.emit('twice', 'x');
  assert.deepStrictEqual(take(), ['f(x)', 'f(x)']);
  assert.strictEqual(e.listenerCount('twice'), 2);
})();

// ---- prependListener / once / prependOnceListener order
(function () {
  var e = new EventEmitter();
  e.on('x', rec('on1'));
  e.prependListener('x', rec('pre1'));
  e.once('x', rec('once1'));
  e.prependOnceListener('x', rec('preonce1'));
  e.on('x', rec('on2'));
  assert.strictEqual(e.listenerCount('x'), 5);
  e.emit('x', 1);
  assert.deepStrictEqual(take(), ['preonce1(1)', 'pre1(1)', 'on1(1)', 'once1(1)', 'on2(1)']);
  assert.strictEqual(e.listenerCount('x'), 3);
  e.emit('x', 2);
  assert.deepStrictEqual(take(), ['pre1(2)', 'on1(2)', 'on2(2)']);
  assert.strictEqual(e.prependListener('y', rec('y')), e);
  assert.strictEqual(e.once('y', rec('y')), e);
  assert.strictEqual(e.prependOnceListener('y', rec('y')), e);
})();

// ---- once: fires a single time even when re-emitted from inside the listener
(function () {
  var e = new EventEmitter();
  var n = 0;
  e.once('r', function (v) {
    n++;
    assert.strictEqual(this, e);
    assert.strictEqual(v, 'first');
    e.emit('r', 'nested');
  });
  assert.strictEqual(e.emit('r', 'first'), true);
  assert.strictEqual(n, 1);
  assert.strictEqual(e.emit('r', 'again'), false);
  assert.strictEqual(n, 1);
  // once listener return values / many args pass through the wrapper
  var got;
  e.once('m', function () { got = Array.prototype.slice.call(arguments); });
  e.emit('m', 1, 2, 3, 4, 5);
  assert.deepStrictEqual(got, [1, 2, 3, 4, 5]);
})();

// ---- removeListener / off
(function () {
  var e = new EventEmitter();
  var f = rec('f'), g = rec('g');
  assert.strictEqual(EventEmitter.prototype.off, EventEmitter.prototype.removeListener);
  assert.strictEqual(e.removeListener('none', f), e, 'removing from an unknown event is a no-op');
  e.on('x', f);
  e.on('x', g);
  e.on('x', f);
  // The most recently added matching listener goes: [f, g, f] -> [f, g]
  assert.strictEqual(e.off('x', f), e);
  assert.deepStrictEqual(e.listeners('x'), [f, g]);
  e.removeListener('x', function () {});   // not registered: nothing happens
  assert.deepStrictEqual(e.listeners('x'), [f, g]);
  e.removeListener('x', f);
  assert.deepStrictEqual(e.listeners('x'), [g]);
  e.removeListener('x', g);
  assert.deepStrictEqual(e.listeners('x'), []);
  assert.strictEqual(e.emit('x'), false);
  assert.deepStrictEqual(e.eventNames(), []);
  assert.deepStrictEqual(take(), []);
})();

// ---- once + removeListener: the original function removes its wrapper
(function () {
  var e = new EventEmitter();
  var o = rec('o');
  e.once('y', o);
  assert.deepStrictEqual(e.listeners('y'), [o], 'listeners() unwraps once wrappers');
  var raw = e.rawListeners('y');
  assert.strictEqual(raw.length, 1);
  assert.notStrictEqual(raw[0], o, 'rawListeners() returns the wrapper');
  assert.strictEqual(raw[0].listener, o);
  e.removeListener('y', o);
  assert.strictEqual(e.listenerCount('y'), 0);
  assert.strictEqual(e.emit('y'), false);

  // Among several listeners
  var keep = rec('keep');
  e.on('z', keep);
  e.once('z', o);
  e.on('z', keep);
  e.off('z', o);
  assert.deepStrictEqual(e.listeners('z'), [keep, keep]);

  // Calling the raw wrapper runs the listener once and removes it.
  e.once('w', o);
  var w = e.rawListeners('w')[0];
  w('direct');
  assert.strictEqual(e.listenerCount('w'), 0);
  w('again');
  assert.deepStrictEqual(take(), ['o(direct)']);
})();

// ---- removal and addition during emit do not change the running emit
(function () {
  var e = new EventEmitter();
  function a() { log.push('a'); e.removeListener('x', b); e.on('x', c); }
  function b() { log.push('b'); }
  function c() { log.push('c'); }
  e.on('x', a);
  e.on('x', b);
  e.emit('x');
  assert.deepStrictEqual(take(), ['a', 'b'], 'b still runs, c not yet');
  e.removeListener('x', a);
  e.emit('x');
  assert.deepStrictEqual(take(), ['c']);

  // A listener removing itself and its neighbour
  var e2 = new EventEmitter();
  function p() { log.push('p'); e2.removeListener('t', p); e2.removeListener('t', q); }
  function q() { log.push('q'); }
  e2.on('t', p);
  e2.on('t', q);
  e2.emit('t');
  e2.emit('t');
  assert.deepStrictEqual(take(), ['p', 'q']);

  // removeAllListeners during emit
  var e3 = new EventEmitter();
  e3.on('t', function () { log.push('1'); e3.removeAllListeners('t'); });
  e3.on('t', function () { log.push('2'); });
  e3.emit('t');
  e3.emit('t');
  assert.deepStrictEqual(take(), ['1', '2']);

  // Two once listeners emitted re-entrantly
  var e4 = new EventEmitter();
  e4.once('t', function () { log.push('o1'); e4.emit('t'); });
  e4.once('t', function () { log.push('o2'); });
  e4.emit('t');
  assert.deepStrictEqual(take(), ['o1', 'o2']);
})();

// ---- listener exceptions propagate out of emit and stop the remaining listeners
(function () {
  var e = new EventEmitter();
  var boom = new Error('boom');
  e.on('x', function () { throw boom; });
  e.on('x', rec('after'));
  assert.throws(function () { e.emit('x'); }, function (err) { return err === boom; });
  assert.deepStrictEqual(take(), []);
})();

// ---- newListener / removeListener events
(function () {
  var e = new EventEmitter();
  var events = [];
  var f = function f() {};
  var g = function g() {};
  e.on('newListener', function (name, listener) {
    events.push(['new', name, listener, e.listenerCount(name)]);
  });
  e.on('removeListener', function (name, listener) {
    events.push(['remove', name, listener, e.listenerCount(name)]);
  });
  e.on('foo', f);
  e.once('foo', g);
  e.removeListener('foo', f);
  e.removeListener('foo', g);
  assert.deepStrictEqual(events, [
    ['new', 'removeListener', events[0][2], 0],   // its own registration
    ['new', 'foo', f, 0],        // emitted before adding
    ['new', 'foo', g, 1],        // once listener reported unwrapped
    ['remove', 'foo', f, 1],     // emitted after removing
    ['remove', 'foo', g, 0]      // once listener reported unwrapped
  ]);

  // A listener added from 'newListener' for the same event lands first.
  var e2 = new EventEmitter();
  var added = false;
  e2.on('newListener', function (name) {
    if (name === 'ev' && !added) {
      added = true;
      e2.on('ev', rec('fromNewListener'));
    }
  });
  e2.on('ev', rec('original'));
  e2.emit('ev');
  assert.deepStrictEqual(take(), ['fromNewListener()', 'original()']);
})();

// ---- removeAllListeners
(function () {
  var e = new EventEmitter();
  e.on('a', rec('a'));
  e.on('a', rec('a2'));
  e.on('b', rec('b'));
  assert.strictEqual(e.removeAllListeners('a'), e);
  assert.deepStrictEqual(e.eventNames(), ['b']);
  assert.strictEqual(e.removeAllListeners('missing'), e);
  assert.strictEqual(e.removeAllListeners(), e);
  assert.deepStrictEqual(e.eventNames(), []);
  assert.strictEqual(e.emit('b'), false);
  var fresh = new EventEmitter();
  assert.strictEqual(fresh.removeAllListeners(), fresh);

  // With 'removeListener' listeners: one event per listener, last added first,
  // the 'removeListener' listener itself last.
  var r = new EventEmitter();
  var removed = [];
  var a1 = function a1() {}, a2 = function a2() {}, b1 = function b1() {};
  r.on('a', a1);
  r.on('a', a2);
  r.once('b', b1);
  function onRemove(name, fn) { removed.push(name + ':' + (fn.name || 'anon')); }
  r.on('removeListener', onRemove);
  r.removeAllListeners('a');
  assert.deepStrictEqual(removed, ['a:a2', 'a:a1']);
  r.on('a', a1);
  removed = [];
  r.removeAllListeners();
  // The 'removeListener' listener is gone by the time its own removal would be reported.
  assert.deepStrictEqual(removed, ['b:b1', 'a:a1']);
  assert.deepStrictEqual(r.eventNames(), []);
  assert.strictEqual(r.listenerCount('removeListener'), 0);
})();

// ---- listeners / rawListeners / listenerCount / eventNames
(function () {
  var e = new EventEmitter();
  var f = function () {}, g = function () {};
  assert.deepStrictEqual(e.listeners('x'), []);
  assert.deepStrictEqual(e.rawListeners('x'), []);
  assert.strictEqual(e.listenerCount('x'), 0);
  e.on('x', f);
  var copy = e.listeners('x');
  copy.push(g);
  assert.strictEqual(e.listenerCount('x'), 1, 'listeners() returns a copy');
  e.on('x', g);
  e.once('x', f);
  var copy2 = e.listeners('x');
  copy2.pop();
  assert.deepStrictEqual(e.listeners('x'), [f, g, f]);
  assert.strictEqual(e.listenerCount('x'), 3);
  assert.strictEqual(e.listenerCount('x', f), 2, 'counts a listener and its once wrapper');
  assert.strictEqual(e.listenerCount('x', g), 1);
  assert.strictEqual(EventEmitter.listenerCount(e, 'x'), 3);
  assert.strictEqual(EventEmitter.listenerCount(e, 'nope'), 0);
  var sym = Symbol('s');
  e.on(sym, f);
  e.on('y', f);
  assert.deepStrictEqual(e.eventNames(), ['x', 'y', sym]);
  assert.strictEqual(e.emit(sym), true);
  e.removeListener(sym, f);
  assert.deepStrictEqual(e.eventNames(), ['x', 'y']);
})();

// ---- max listeners
(function () {
  var e = new EventEmitter();
  assert.strictEqual(e.getMaxListeners(), 10);
  assert.strictEqual(e.setMaxListeners(2), e);
  assert.strictEqual(e.getMaxListeners(), 2);
  e.setMaxListeners(0);
  assert.strictEqual(e.getMaxListeners(), 0);
  e.setMaxListeners(Infinity);
  assert.strictEqual(e.getMaxListeners(), Infinity);
  assert.throws(function () { e.setMaxListeners(-1); }, {
    name: 'RangeError', code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "setMaxListeners" is out of range. It must be >= 0. Received -1'
  });
  assert.throws(function () { e.setMaxListeners(NaN); }, { name: 'RangeError', code: 'ERR_OUT_OF_RANGE' });
  ['5', null, undefined, {}].forEach(function (bad) {
    assert.throws(function () { e.setMaxListeners(bad); }, { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
  });
  assert.strictEqual(e.getMaxListeners(), Infinity, 'a rejected value changes nothing');
  assert.throws(function () { EventEmitter.defaultMaxListeners = -1; }, { code: 'ERR_OUT_OF_RANGE' });
  assert.strictEqual(EventEmitter.defaultMaxListeners, 10);
  // The default follows EventEmitter.defaultMaxListeners until set per emitter.
  var d = new EventEmitter();
  EventEmitter.defaultMaxListeners = 3;
  assert.strictEqual(d.getMaxListeners(), 3);
  EventEmitter.defaultMaxListeners = 10;
  assert.strictEqual(d.getMaxListeners(), 10);
})();

// Going over the limit only warns (once per event name); listeners are still added.
var warnings = [];
process.on('warning', function (w) {
  if (w.name === 'MaxListenersExceededWarning') warnings.push(w.message);
});
(function () {
  var e = new EventEmitter();
  e.setMaxListeners(2);
  for (var i = 0; i < 5; i++) e.on('leak', function () {});
  assert.strictEqual(e.listenerCount('leak'), 5);
  var unlimited = new EventEmitter();
  unlimited.setMaxListeners(0);
  for (var j = 0; j < 20; j++) unlimited.on('many', function () {});
  assert.strictEqual(unlimited.listenerCount('many'), 20);
})();

// ---- 'error' events
(function () {
  var e = new EventEmitter();
  var err = new TypeError('bad thing');
  try {
    e.emit('error', err);
    assert.fail('emit(error) without a listener must throw');
  } catch (caught) {
    assert.strictEqual(caught, err, 'an Error is thrown as is');
  }

  function unhandled(value) {
    try {
      new EventEmitter().emit('error', value);
    } catch (x) {
      return x;
    }
    throw new Error('emit did not throw');
  }
  var s = unhandled('just a string');
  assert.ok(s instanceof Error);
  assert.strictEqual(s.code, 'ERR_UNHANDLED_ERROR');
  assert.strictEqual(s.message, "Unhandled error. ('just a string')");
  assert.strictEqual(s.context, 'just a string');
  var o = { code: 42 };
  var so = unhandled(o);
  assert.strictEqual(so.message, 'Unhandled error. ({ code: 42 })');
  assert.strictEqual(so.context, o);
  assert.strictEqual(unhandled(undefined).message, 'Unhandled error. (undefined)');
  assert.strictEqual(unhandled(null).message, 'Unhandled error. (null)');
  assert.strictEqual(unhandled(7).message, 'Unhandled error. (7)');
  try {
    new EventEmitter().emit('error');
  } catch (x) {
    assert.strictEqual(x.message, 'Unhandled error. (undefined)');
    assert.strictEqual(x.code, 'ERR_UNHANDLED_ERROR');
  }

  // With a listener nothing is thrown and emit returns true.
  var got;
  e.on('error', function (x) { got = x; });
  assert.strictEqual(e.emit('error', 'handled'), true);
  assert.strictEqual(got, 'handled');

  // Removing the last 'error' listener brings the throwing back.
  e.removeAllListeners('error');
  assert.throws(function () { e.emit('error', new Error('again')); }, /^Error: again$/);

  // errorMonitor sees the error first, but does not count as a handler.
  var m = new EventEmitter();
  var monitored = [];
  m.on(EventEmitter.errorMonitor, function (x) { monitored.push(x.message); });
  assert.throws(function () { m.emit('error', new Error('watched')); }, { message: 'watched' });
  assert.deepStrictEqual(monitored, ['watched']);

  // once('error') handles exactly one error
  var once = new EventEmitter();
  once.once('error', function () {});
  once.emit('error', new Error('first'));
  assert.throws(function () { once.emit('error', new Error('second')); }, { message: 'second' });
})();

// ---- invalid listeners
(function () {
  var e = new EventEmitter();
  ['on', 'addListener', 'once', 'prependListener', 'prependOnceListener', 'removeListener', 'off'].forEach(function (m) {
    assert.throws(function () { e[m]('x', 5); }, { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(function () { e[m]('x', null); }, { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(function () { e[m]('x', {}); }, { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
  });
  assert.throws(function () { e.on('x', 'str'); },
    { message: 'The "listener" argument must be of type function. Received type string (\'str\')' });
  assert.strictEqual(e.listenerCount('x'), 0);
})();

// ---- subclasses: util.inherits + EventEmitter.call(this), and lazy _events
(function () {
  function Sub(name) {
    EventEmitter.call(this);
    this.name = name;
  }
  util.inherits(Sub, EventEmitter);
  assert.strictEqual(Sub.super_, EventEmitter);
  var a = new Sub('a'), b = new Sub('b');
  assert.ok(a instanceof EventEmitter);
  a.on('hello', function (who) { log.push(this.name + ' hello ' + who); });
  assert.strictEqual(b.emit('hello', 'x'), false, 'instances do not share listeners');
  a.emit('hello', 'world');
  assert.deepStrictEqual(take(), ['a hello world']);
  Sub.prototype.greet = function () { return this.emit('greet', this.name); };
  b.on('greet', rec('greet'));
  assert.strictEqual(b.greet(), true);
  assert.deepStrictEqual(take(), ['greet(b)']);

  // A subclass that never calls the constructor still works.
  function Lazy() {}
  Lazy.prototype = Object.create(EventEmitter.prototype);
  Lazy.prototype.constructor = Lazy;
  var l = new Lazy();
  assert.strictEqual(l.emit('x'), false);
  assert.strictEqual(l.listenerCount('x'), 0);
  assert.deepStrictEqual(l.eventNames(), []);
  assert.deepStrictEqual(l.listeners('x'), []);
  l.removeListener('x', function () {});
  l.removeAllListeners();
  l.on('x', rec('lazy'));
  l.emit('x', 1);
  assert.deepStrictEqual(take(), ['lazy(1)']);
  var l2 = new Lazy();
  assert.strictEqual(l2.listenerCount('x'), 0, 'lazy tables are per instance');
  assert.throws(function () { new Lazy().emit('error', 'lazy'); }, { code: 'ERR_UNHANDLED_ERROR' });

  // Object.create + init
  var plain = Object.create(EventEmitter.prototype);
  EventEmitter.init.call(plain);
  plain.on('p', rec('plain'));
  plain.emit('p');
  assert.deepStrictEqual(take(), ['plain()']);
})();

// ---- property-like event names
(function () {
  var e = new EventEmitter();
  e.on('constructor', rec('ctor'));
  e.on('__proto__', rec('proto'));
  e.on('toString', rec('ts'));
  assert.strictEqual(e.emit('hasOwnProperty'), false);
  e.emit('constructor');
  e.emit('__proto__');
  e.emit('toString');
  assert.deepStrictEqual(take(), ['ctor()', 'proto()', 'ts()']);
  assert.deepStrictEqual(e.eventNames(), ['constructor', '__proto__', 'toString']);
})();

setTimeout(function () {
  assert.strictEqual(warnings.length, 1, 'one MaxListenersExceededWarning per event name');
  assert.ok(/Possible EventEmitter memory leak detected\. 3 leak listeners added/.test(warnings[0]), warnings[0]);
  console.log('events ok');
}, 20);
