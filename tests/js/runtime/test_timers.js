// Timer ordering, arguments, clearing, ref/unref, and nextTick/setImmediate phases.
var assert = require('assert');
var timers = require('timers');
var log = [];

assert.strictEqual(timers.setTimeout, setTimeout);
setTimeout(function () { log.push('t20'); }, 20);
setTimeout(function (a, b) { log.push('t5:' + a + b); }, 5, 'x', 'y');
setTimeout(function () { log.push('t0'); }, 0);
var cancelled = setTimeout(function () { log.push('cancelled'); }, 1);
clearTimeout(cancelled);
setImmediate(function (v) { log.push('imm:' + v); }, 7);
var ci = setImmediate(function () { log.push('cleared immediate'); });
clearImmediate(ci);
process.nextTick(function (v) { log.push('tick:' + v); }, 1);
var n = 0;
var iv = setInterval(function () {
  log.push('iv' + (++n));
  if (n === 3) clearInterval(iv);
}, 2);
// an unref'd timer must not keep the process alive
var u = setTimeout(function () { log.push('unref fired'); }, 60000);
assert.strictEqual(u.unref(), u);
assert.strictEqual(u.hasRef(), false);
// refresh() pushes the deadline forward
// refresh() at 15 ms moves r's deadline from 30 to at least 45 ms: past a 38 ms timer
// scheduled beside it. An order of deadlines, so a late loop cannot break it.
var r = setTimeout(function () { log.push('refreshed fired'); }, 30);
setTimeout(function () { r.refresh(); }, 15);
setTimeout(function () { log.push('38 ms'); }, 38);
// bad arguments
assert.throws(function () { setTimeout('code', 1); }, { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
assert.throws(function () { setImmediate(null); }, { code: 'ERR_INVALID_ARG_TYPE' });
// NaN / negative / huge delays behave as 1 ms
setTimeout(function () { log.push('nan'); }, NaN);
// The timer classes, reached through an instance, behave as Node's: `new` makes an
// inert timer (only setTimeout/setInterval queue one), a call without `new` throws.
// (Re-running the constructor on a queued timer once queued it twice, and the timer
// loop then spun forever.)
var TimeoutClass = setTimeout(function () {}, 1).constructor;
var ImmediateClass = setImmediate(function () {}).constructor;
new TimeoutClass(function () { log.push('inert fired'); }, 1, null, false);
var queued = setTimeout(function () { log.push('queued'); }, 2);
[TimeoutClass.prototype, queued, {}].forEach(function (self) {
  assert.throws(function () { TimeoutClass.call(self, function () { log.push('re-run fired'); }, 1, null, false); },
    { name: 'TypeError', message: "Class constructor Timeout cannot be invoked without 'new'" });
});
assert.throws(function () { ImmediateClass.call({}, function () {}); },
  { name: 'TypeError', message: "Class constructor Immediate cannot be invoked without 'new'" });
// refresh() on something that is not a timer does nothing (a NaN deadline at the head
// of the queue once stalled every timer behind it).
TimeoutClass.prototype.refresh.call({});
TimeoutClass.prototype.refresh.call({ _idleTimeout: 'x' });
setTimeout(function () { log.push('after bad refresh'); }, 3);

process.on('exit', function (code) {
  assert.strictEqual(code, 0);
  assert.strictEqual(log[0], 'tick:1');
  assert.ok(log.indexOf('t0') >= 0 && log.indexOf('t0') < log.indexOf('t5:xy'));
  assert.ok(log.indexOf('t5:xy') < log.indexOf('t20'));
  assert.deepStrictEqual(log.filter(function (x) { return /^iv/.test(x); }), ['iv1', 'iv2', 'iv3']);
  assert.ok(log.indexOf('imm:7') >= 0);
  assert.ok(log.indexOf('nan') >= 0);
  assert.strictEqual(log.indexOf('cancelled'), -1);
  assert.strictEqual(log.indexOf('cleared immediate'), -1);
  assert.strictEqual(log.indexOf('unref fired'), -1);
  assert.strictEqual(log.indexOf('inert fired'), -1);
  assert.strictEqual(log.indexOf('re-run fired'), -1);
  assert.strictEqual(log.filter(function (x) { return x === 'queued'; }).length, 1);
  assert.ok(log.indexOf('after bad refresh') >= 0);
  assert.ok(log.indexOf('38 ms') >= 0 && log.indexOf('38 ms') < log.indexOf('refreshed fired'), 'refresh moved the deadline');
});
