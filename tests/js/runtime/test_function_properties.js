// Functions as an ES2015 engine (V8, so Node) has them: a strict function has no
// own 'caller' or 'arguments' (ES5 gave it two throwing accessors; Petrel's build
// edits Duktape for this, tools/duktape_patch.py). And user code keeps its line
// numbers in stack traces on every board, also where a board compiles its
// built-in JS without line tables.
'use strict';
var assert = require('assert');

function strictFn(a, b) { return a + b; }
var has = Object.prototype.hasOwnProperty;
assert.strictEqual(has.call(strictFn, 'caller'), false);
assert.strictEqual(has.call(strictFn, 'arguments'), false);
assert.strictEqual(has.call(function () {}, 'caller'), false);
assert.strictEqual(strictFn.length, 2);
assert.strictEqual(strictFn.name, 'strictFn');
assert.strictEqual(strictFn.prototype.constructor, strictFn);

function thrower() {
  throw new Error('here'); // line 19
}
try {
  thrower();
  assert.fail('thrower() returned');
} catch (e) {
  assert.strictEqual(e.message, 'here');
  assert.ok(/test_function_properties\.js:19\b/.test(e.stack), 'no line 19 in ' + e.stack);
}

// A closure's automatic .prototype is made on first use on Petrel (tools/duktape_patch.py,
// edit 3); every way of looking at it must see it as if it had always been there.
var fresh = function () { return function () {}; };
var d = Object.getOwnPropertyDescriptor(fresh(), 'prototype');
assert.deepStrictEqual([d.writable, d.enumerable, d.configurable, typeof d.value], [true, false, false, 'object']);
assert.strictEqual(has.call(fresh(), 'prototype'), true);
assert.strictEqual('prototype' in fresh(), true);
assert.strictEqual(Reflect.has(fresh(), 'prototype'), true);
assert.ok(Object.getOwnPropertyNames(fresh()).indexOf('prototype') >= 0);
assert.ok(Reflect.ownKeys(fresh()).indexOf('prototype') >= 0);
assert.strictEqual(Object.keys(fresh()).indexOf('prototype'), -1);
assert.throws(function () { delete fresh().prototype; }, TypeError);
var f = fresh();
assert.strictEqual(f.prototype.constructor, f);
assert.strictEqual(f.prototype, f.prototype);
var inst = new (fresh())();
assert.strictEqual(inst.constructor.prototype, Object.getPrototypeOf(inst));
f = fresh();
assert.strictEqual({} instanceof f, false);
assert.strictEqual(Object.create(f.prototype) instanceof f, true);
f = fresh();
f.prototype = { z: 1 };
assert.strictEqual(new f().z, 1);
f = fresh();
assert.strictEqual(Object.create(f).prototype, f.prototype); // inherited from a function
f = fresh();
Object.defineProperty(f, 'prototype', { value: 5 });
assert.strictEqual(f.prototype, 5);
assert.throws(function () { Object.defineProperty(fresh(), 'prototype', { get: function () {} }); }, TypeError);
f = fresh();
Object.freeze(f);
assert.strictEqual(Object.getOwnPropertyDescriptor(f, 'prototype').writable, false);
f = fresh();
Object.seal(f);
assert.strictEqual(Object.getOwnPropertyDescriptor(f, 'prototype').writable, true);
f = fresh();
Object.preventExtensions(f);
assert.strictEqual(typeof f.prototype, 'object');
f = fresh();
Object.setPrototypeOf(f, null);
assert.strictEqual(typeof Object.getOwnPropertyDescriptor(f, 'prototype').value, 'object');
f = fresh();
assert.ok(new (f.bind(null))() instanceof f);
f = new Function('a', 'return a');
assert.strictEqual(f.prototype.constructor, f);
assert.strictEqual({ m: function () {} }.m.prototype.constructor !== undefined, true);
console.log('function properties ok');
