// util.inspect layout and assert's error shapes on cases the recorded conformance
// cases do not cover.
var assert = require('assert');
var util = require('util');
assert.strictEqual(util.inspect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), '[\n  1, 2, 3, 4,  5,\n  6, 7, 8, 9, 10\n]');
assert.strictEqual(util.inspect({ a: { b: { c: {} } } }), '{ a: { b: { c: {} } } }');
assert.strictEqual(util.inspect({ a: { b: { c: { d: {} } } } }), '{ a: { b: { c: [Object] } } }');
assert.strictEqual(util.inspect(new Array(5)), '[ <5 empty items> ]');
assert.strictEqual(util.inspect(Object.create(null)), '[Object: null prototype] {}');
assert.strictEqual(util.inspect('it\'s'), '"it\'s"');
assert.strictEqual(util.inspect(Buffer.alloc(60)).slice(-18), '... 10 more bytes>');
function Foo() { this.x = 1; }
assert.strictEqual(util.inspect(new Foo()), 'Foo { x: 1 }');
var custom = {};
custom[util.inspect.custom] = function () { return 'CUSTOM'; };
assert.strictEqual(util.inspect(custom), 'CUSTOM');
assert.strictEqual(util.format('%s %s', 'a'), 'a %s');
assert.strictEqual(util.format('%d%%', 50), '50%');
assert.strictEqual(util.format(1, 2), '1 2');
assert.ok(util.isDeepStrictEqual({ a: [1] }, { a: [1] }));
assert.ok(!util.isDeepStrictEqual({ a: [1] }, { a: ['1'] }));
try {
  assert.strictEqual(1, 2);
} catch (e) {
  assert.ok(e instanceof assert.AssertionError);
  assert.strictEqual(e.message, 'Expected values to be strictly equal:\n\n1 !== 2\n');
  assert.strictEqual(e.code, 'ERR_ASSERTION');
}
assert.throws(function () { assert.deepStrictEqual([1, [2]], [1, [3]]); }, assert.AssertionError);
assert.doesNotThrow(function () { assert.deepEqual([1, [2]], ['1', ['2']]); });
assert.throws(function () { assert.throws(function () { throw new Error('x'); }, { message: 'y' }); }, assert.AssertionError);
var circular = { n: 1 };
circular.me = circular;
assert.doesNotThrow(function () { assert.deepStrictEqual(circular, circular); });
