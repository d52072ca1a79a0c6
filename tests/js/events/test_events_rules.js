// EventEmitter rules beyond the recorded case: listener validation, once wrappers,
// removal during emit, max listeners warning, argument passing.
var assert = require('assert');
var EventEmitter = require('events');
var e = new EventEmitter();
assert.throws(function () { e.on('x', 5); }, { code: 'ERR_INVALID_ARG_TYPE' });
var calls = [];
function a() { calls.push('a'); e.removeListener('x', b); }
function b() { calls.push('b'); }
e.on('x', a);
e.on('x', b);
e.emit('x');
assert.deepStrictEqual(calls, ['a', 'b'], 'removal during emit does not affect the current emit');
e.emit('x');
assert.deepStrictEqual(calls, ['a', 'b', 'a']);
var o = function () { calls.push('once'); };
e.once('y', o);
assert.deepStrictEqual(e.listeners('y'), [o]);
assert.notStrictEqual(e.rawListeners('y')[0], o);
e.removeListener('y', o);
assert.strictEqual(e.emit('y'), false);
e.on('args', function (p, q, r, s, t) { calls.push([p, q, r, s, t].join('')); });
e.emit('args', 1, 2, 3, 4, 5);
assert.strictEqual(calls[calls.length - 1], '12345');
var removed = [];
e.on('removeListener', function (n) { removed.push(n); });
e.removeAllListeners('x');
assert.deepStrictEqual(removed, ['x']);
assert.strictEqual(e.listenerCount('x'), 0);
var warned = 0;
process.on('warning', function (w) { if (w.name === 'MaxListenersExceededWarning') warned++; });
var m = new EventEmitter();
m.setMaxListeners(2);
for (var i = 0; i < 3; i++) m.on('z', function () {});
assert.throws(function () { m.setMaxListeners(-1); }, { code: 'ERR_OUT_OF_RANGE' });
function Sub() { EventEmitter.call(this); }
require('util').inherits(Sub, EventEmitter);
var s = new Sub();
s.on('q', function (v) { calls.push('sub ' + v); });
s.emit('q', 1);
assert.strictEqual(calls[calls.length - 1], 'sub 1');
setTimeout(function () { assert.strictEqual(warned, 1); }, 5);
// once(): the wrapper, called again or directly; overridden on/removeListener; re-entry.
var ow = new EventEmitter(), seen = [];
function lst(v) { seen.push([v, this === ow]); }
ow.once('d', lst);
var wrap = ow.rawListeners('d')[0];
assert.strictEqual(wrap.listener, lst);
ow.emit('d', 1);
wrap(2);
assert.deepStrictEqual(seen, [[1, true]], 'a fired wrapper does nothing');
ow.once('d', lst);
ow.rawListeners('d')[0](3);
assert.deepStrictEqual(seen, [[1, true], [3, true]], 'a wrapper called directly removes itself');
assert.strictEqual(ow.listenerCount('d'), 0);
assert.strictEqual(Object.keys(ow._events).indexOf('d'), -1);
var own = new EventEmitter(), ownCalls = [];
own.on = function (t, f) { ownCalls.push('on ' + t); return EventEmitter.prototype.on.call(this, t, f); };
own.removeListener = function (t, f) { ownCalls.push('rm ' + t); return EventEmitter.prototype.removeListener.call(this, t, f); };
assert.strictEqual(own.once('k', function () { ownCalls.push('k'); }), own);
own.emit('k');
own.emit('k');
assert.deepStrictEqual(ownCalls, ['on k', 'rm k', 'k'], "once() goes through the emitter's own on/removeListener");
var re = new EventEmitter(), reCalls = 0, reWrap;
re.on('removeListener', function (t) { if (t === 'r' && reWrap) { var w = reWrap; reWrap = null; w(); } });
re.once('r', function () { reCalls++; });
reWrap = re.rawListeners('r')[0];
re.emit('r');
assert.strictEqual(reCalls, 2, "a 'removeListener' listener calling the wrapper runs the listener (as Node)");
var rd = new (require('stream').Readable)({ read: function () {} }), got = [];
rd.once('drain', function (v) { got.push(v); });
rd.emit('drain', 'x');
rd.once('data', function (c) { got.push(String(c)); });
rd.push('y');
setTimeout(function () { assert.deepStrictEqual(got, ['x', 'y'], "a Readable's once('data') starts the flow"); }, 5);
