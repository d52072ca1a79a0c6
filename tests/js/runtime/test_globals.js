// The global object as scripts see it, the same on every board. On mps2-an385 the
// built-ins are Duktape's ROM built-ins: the standard globals live in a read-only
// ROM global object, and the one scripts use is a RAM object inheriting from it
// (docs/architecture.md, "ROM built-ins"). Scripts must still be able to add,
// assign, shadow and declare globals, and globalThis must be that RAM object.
'use strict';
var assert = require('assert');

var g = Function('return this')();
assert.strictEqual(globalThis, g);
assert.strictEqual(global, g);
var d = Object.getOwnPropertyDescriptor(g, 'globalThis');
assert.deepStrictEqual([d.value === g, d.writable, d.enumerable, d.configurable], [true, true, false, true]);

// a new global, seen by code compiled elsewhere, and deleted again
g.petrelTestGlobal = 1;
assert.strictEqual(Function('return petrelTestGlobal')(), 1);
assert.strictEqual(delete g.petrelTestGlobal, true);
assert.strictEqual(Function('return typeof petrelTestGlobal')(), 'undefined');

// a declaration by global code (indirect eval)
(0, eval)('var petrelEvalVar = 5; function petrelEvalFn() { return 6; }');
assert.strictEqual(g.petrelEvalVar, 5);
assert.strictEqual(g.petrelEvalFn(), 6);
assert.strictEqual(Function('return petrelEvalVar + petrelEvalFn()')(), 11);

// a standard global replaced by assignment, then put back
var orig = g.parseInt;
g.parseInt = function () { return 42; };
assert.strictEqual(Function('return parseInt("7")')(), 42);
g.parseInt = orig;
assert.strictEqual(Function('return parseInt("7")')(), 7);

// the standard globals are all there and work
['Object', 'Function', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'Error', 'TypeError',
  'RangeError', 'Math', 'JSON', 'Date', 'RegExp', 'Reflect', 'Uint8Array',
  'ArrayBuffer', 'DataView', 'isNaN', 'parseFloat', 'encodeURIComponent'].forEach(function (name) {
  assert.notStrictEqual(g[name], undefined, name);
  assert.strictEqual(name in g, true, name);
});
assert.strictEqual(JSON.stringify([3, 1, 2].sort()), '[1,2,3]');
assert.strictEqual(Math.max(2, 9), 9);
assert.strictEqual(Array.prototype.push.name, 'push');
