// Out of heap while scheduling (runtime/timers.c): setTimeout, setInterval,
// setImmediate and refresh() throw a coded error, and the queues stay whole: every
// timer that was scheduled fires once, in order, once memory is back. Runs where the
// heap is bounded (a board, or PETREL_HEAP_LIMIT); elsewhere it only checks the rest.
'use strict';
var assert = require('assert');
var bounded = process.platform === 'none' || !!process.env.PETREL_HEAP_LIMIT;
var fired = [], made = 0, err = null, hold = [];
function onFire(i) { fired.push(i); }
function fill() {
  try { for (;;) hold.push(new Array(256)); } catch (e) { /* full */ }
  try { for (;;) hold.push([0]); } catch (e) { /* full */ }
}
var early = setTimeout(onFire, 1, -1);
var iv = setInterval(function () { fired.push('iv'); clearInterval(iv); }, 1);
if (bounded) fill();
var max = bounded ? 1e6 : 200;
for (var i = 0; i < max && !err; i++) {
  try {
    setTimeout(onFire, 2, i);
    made = i + 1;
  } catch (e) {
    err = e;
  }
}
// The collection that followed the failure may have freed Duktape's cached catchers, and
// entering the next `try` then needs a few bytes: give them back before each loop.
function room() { if (bounded && hold) hold.length = Math.max(0, hold.length - 256); }
room();
var immErr = null, imms = 0, immFired = 0;
function onImm() { immFired++; }
for (var j = 0; j < max && !immErr; j++) {
  try {
    setImmediate(onImm);
    imms = j + 1;
  } catch (e) {
    immErr = e;
  }
}
var refreshErr = null;
room();
try { early.refresh(); } catch (e) { refreshErr = e; }
hold = null;
if (bounded) {
  assert.ok(err, 'setTimeout ran out of heap');
  // What Duktape throws when even its error object finds no room is a DoubleError.
  assert.ok(/alloc failed|error in error handling/.test(String(err)), String(err));
  assert.ok(/alloc failed|error in error handling/.test(String(immErr)), String(immErr));
}
process.on('exit', function () {
  var numbers = fired.filter(function (x) { return typeof x === 'number' && x >= 0; });
  assert.strictEqual(numbers.length, made);
  for (var k = 0; k < made; k++) assert.strictEqual(numbers[k], k);
  assert.strictEqual(fired.filter(function (x) { return x === -1; }).length, 1);
  assert.strictEqual(fired.filter(function (x) { return x === 'iv'; }).length, 1);
  assert.strictEqual(immFired, imms);
  console.log('ok: ' + made + ' timers, ' + imms + ' immediates' + (bounded ? ' until the heap ran out' : ''));
});
