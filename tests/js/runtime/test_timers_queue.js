// The timer queue and the immediates as the loop runs them (runtime/timers.c): equal
// deadlines in creation order, an exception in one callback goes to
// 'uncaughtException' and the rest still run, the nextTick queue after each callback,
// clearTimeout by object, numeric id (Symbol.toPrimitive) and string id, Node's
// fields readable, and objects edited by hand that once could stall or spin the loop.
'use strict';
var assert = require('assert');
var log = [];
function L(x) { log.push(x); }
var errors = [];
process.on('uncaughtException', function (e) { errors.push(e.message); L('uncaught:' + e.message); });

var a = setTimeout(function () { L('a'); process.nextTick(function () { L('tick-a'); }); }, 5);
var ivn = 0;
var iv = setInterval(function () { L('iv'); if (++ivn === 3) clearInterval(iv); }, 5);
setTimeout(function () { L('b'); throw new Error('boom'); }, 5);
setTimeout(function () { L('c'); }, 5);
var d = setTimeout(function () { L('d'); }, 5);
var e = setTimeout(function () { L('e'); }, 5);
var id = +d;
assert.strictEqual(typeof id, 'number');
assert.strictEqual(+d, id); // the same id each time
clearTimeout(id);
clearTimeout(String(+e));
assert.strictEqual(d._destroyed, true);
assert.strictEqual(e._destroyed, true);
assert.strictEqual(a._idleTimeout, 5);
assert.strictEqual(typeof a._onTimeout, 'function');
assert.strictEqual(a._repeat, null);
assert.strictEqual(iv._repeat, 5);
assert.strictEqual(a._destroyed, false);
assert.strictEqual(a.hasRef(), true);
assert.strictEqual(a.constructor.name, 'Timeout');
assert.strictEqual(setTimeout.name, 'setTimeout');
assert.strictEqual(setTimeout.length, 2);
assert.strictEqual(clearInterval, clearTimeout);

var im = setImmediate(function () { L('cleared immediate'); });
clearTimeout(im); // as clearImmediate
assert.strictEqual(im._destroyed, true);
setImmediate(function (x, y) {
  L('im1:' + x + y);
  setImmediate(function () { L('im-next-turn'); });
  process.nextTick(function () { L('tick-im1'); });
}, 1, 2);
setImmediate(function () { L('im2'); throw new Error('imboom'); });
setImmediate(function () { L('im3'); });
var imu = setImmediate(function () { L('imu'); });
assert.strictEqual(imu.unref().hasRef(), false);
assert.strictEqual(imu.ref().hasRef(), true);
assert.strictEqual(imu.constructor.name, 'Immediate');

// hand-edited timers: a zero or non-numeric _repeat, a NaN _idleTimeout, a frozen
// timer, a throwing getter: none may stall the queue or spin the loop
var z = setInterval(function () { L('zero-repeat'); }, 2);
z._repeat = 0; // not an interval any more (Node: a falsy _repeat)
var sn = 0;
var s = setInterval(function () { if (++sn === 2) clearInterval(s); }, 2);
s._repeat = 'abc';
var nan = setTimeout(function () { L('nan-idle'); }, 3);
nan._idleTimeout = NaN;
nan.refresh(); // ignored
var T = a.constructor;
T.prototype.refresh.call({});
T.prototype.refresh.call(imu);
var fz = Object.freeze(setTimeout(function () {}, 2));
fz.unref();
assert.strictEqual(fz.hasRef(), false);
fz.ref();
var g = setInterval(function () { L('getter'); }, 2);
Object.defineProperty(g, '_repeat', { get: function () { throw new Error('getter'); } });
setTimeout(function () { L('after-edits'); }, 8);

// created in callbacks
setTimeout(function () {
  L('outer');
  setTimeout(function () { L('inner'); }, 0);
  setImmediate(function () { L('outer-imm'); });
}, 12);

process.on('exit', function () {
  process.removeAllListeners('uncaughtException'); // a failed assertion here must fail the test
  var order = log.filter(function (x) { return /^(a|b|c|d|e|iv|tick-a|uncaught:boom)$/.test(x); });
  assert.deepStrictEqual(order.slice(0, 6), ['a', 'tick-a', 'iv', 'b', 'uncaught:boom', 'c']);
  assert.strictEqual(log.filter(function (x) { return x === 'iv'; }).length, 3);
  assert.deepStrictEqual(log.filter(function (x) { return /^(im|tick-im|uncaught:imb)/.test(x); }),
    ['im1:12', 'tick-im1', 'im2', 'uncaught:imboom', 'im3', 'imu', 'im-next-turn']);
  assert.strictEqual(log.indexOf('cleared immediate'), -1);
  assert.strictEqual(log.filter(function (x) { return x === 'zero-repeat'; }).length, 1);
  assert.strictEqual(log.filter(function (x) { return x === 'nan-idle'; }).length, 1);
  assert.ok(log.indexOf('after-edits') >= 0);
  assert.ok(log.indexOf('outer') < log.indexOf('outer-imm') && log.indexOf('outer-imm') < log.indexOf('inner'));
  assert.strictEqual(sn, 2);
  // the getter's error is reported once and the timer is dropped (its fields are read
  // before its callback)
  assert.strictEqual(errors.filter(function (x) { return x === 'getter'; }).length, 1);
  assert.ok(log.filter(function (x) { return x === 'getter'; }).length <= 1);
});
