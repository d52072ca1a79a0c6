// Out of heap in Promise (runtime/promise.c): then(), the constructor, the statics and
// queueMicrotask throw the coded error and leave what was made whole: every reaction
// registered before the failure runs once, in order, once memory is back. Runs where
// the heap is bounded (a board, or PETREL_HEAP_LIMIT); elsewhere it only checks the rest.
'use strict';
var assert = require('assert');
var bounded = process.platform === 'none' || !!process.env.PETREL_HEAP_LIMIT;
var hold = [], kept = [], errs = {}, made = 0, ran = [], tasks = 0, taskRan = 0;
function fill() {
  try { for (;;) hold.push(new Array(256)); } catch (e) { /* full */ }
  try { for (;;) hold.push([0]); } catch (e) { /* full */ }
}
// Entering the next `try` after a failure needs a few bytes: give some back first.
function room() { if (bounded && hold) hold.length = Math.max(0, hold.length - 256); }
var go;
var root = new Promise(function (res) { go = res; });
if (bounded) fill();
var max = bounded ? 1e6 : 200;
function attempt(name, fn) {
  room();
  for (var i = 0; i < max; i++) {
    try { fn(i); } catch (e) { errs[name] = e; return; }
  }
}
attempt('then', function (i) { root.then(function () { ran.push(i); }); made = i + 1; });
// What these make is kept, so that they fill the heap (freed, it would leave room forever).
attempt('constructor', function (i) { kept.push(new Promise(function (res) { res(i); })); });
attempt('resolve', function (i) { kept.push(Promise.resolve(i)); });
attempt('all', function (i) { kept.push(Promise.all([i, i])); });
attempt('queueMicrotask', function () { queueMicrotask(function () { taskRan++; }); tasks++; });
hold = null;
kept = null;
if (bounded) {
  Object.keys(errs).forEach(function (k) {
    // What Duktape throws when even its error object finds no room is a DoubleError.
    assert.ok(/alloc failed|error in error handling/.test(String(errs[k])), k + ': ' + String(errs[k]));
  });
  assert.deepStrictEqual(Object.keys(errs), ['then', 'constructor', 'resolve', 'all', 'queueMicrotask']);
}
assert.ok(made > 0);
setTimeout(function () { go('now'); }, 1);
process.on('exit', function () {
  assert.strictEqual(ran.length, made);
  for (var i = 0; i < made; i++) assert.strictEqual(ran[i], i);
  assert.strictEqual(taskRan, tasks);
  console.log('ok', bounded ? 'bounded' : 'unbounded');
});
