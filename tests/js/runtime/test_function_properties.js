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
