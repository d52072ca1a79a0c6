// assert's checks are C and its failures JS (modules/assert_binding.c,
// internal/assert_error.js): a check is made once, whatever the failure path
// does afterwards, and deep equality answers as node's. Passes under node v20.
var assert = require('assert');

function failure(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception from: ' + fn);
}

// The module is ok itself; the properties in node's order (less rejects & co.).
assert.strictEqual(assert.ok, assert);
assert.strictEqual(assert.strict.ok, assert);
assert.strictEqual(assert.strict.strict, assert.strict);
assert.strictEqual(assert.name, 'ok');
assert.strictEqual(assert.strictEqual.length, 3);
assert.strictEqual(assert.throws.length, 1);
assert.strictEqual(Object.keys(assert).slice(0, 3).join(), 'fail,AssertionError,ok');
assert.strictEqual(Object.prototype.hasOwnProperty.call(assert.AssertionError.prototype, 'name'), false);
var own = failure(function () { assert.strictEqual(1, 2); });
assert.strictEqual(Object.getOwnPropertyDescriptor(own, 'name').enumerable, false);
assert.ok(own instanceof assert.AssertionError && own instanceof Error);

// A validation function runs once, passing or failing.
var calls = 0;
assert.throws(function () { throw 1; }, function (e) { calls++; return e === 1; });
var e = failure(function () {
  assert.throws(function () { throw 1; }, function check() { calls++; return 'no'; });
});
assert.strictEqual(calls, 2);
assert.strictEqual(e.message, 'The "check" validation function is expected to return "true". Received \'no\'');

// A /g RegExp tests once: its lastIndex moves, the failure does not test again.
var re = /b/g;
e = failure(function () { assert.doesNotMatch('abc', re); });
assert.strictEqual(e.operator, 'doesNotMatch');
assert.strictEqual(re.lastIndex, 2);
assert.match('abc', /c/g);

// The string form of throws, and the ambiguous one.
var thrown = new TypeError('bad value');
thrown.info = { list: [1, { x: NaN }] };
assert.throws(function () { throw new Error('x'); }, 'a message');
assert.strictEqual(failure(function () {
  assert.throws(function () { throw new Error('x'); }, 'x');
}).code, 'ERR_AMBIGUOUS_ARGUMENT');
assert.strictEqual(failure(function () { assert.throws('no'); }).code, 'ERR_INVALID_ARG_TYPE');
assert.strictEqual(failure(function () { assert.throws(function () { throw 1; }, {}); }).code, 'ERR_ASSERTION');
assert.strictEqual(failure(function () { assert.throws(function () { throw thrown; }, {}); }).code, 'ERR_INVALID_ARG_VALUE');

// An object's keys: strings by RegExp, the rest deep-equal; an Error adds name and message.
assert.throws(function () { throw thrown; }, { name: 'TypeError', message: /value/, info: { list: [1, { x: NaN }] } });
assert.throws(function () { throw thrown; }, new TypeError('bad value'));
assert.strictEqual(failure(function () {
  assert.throws(function () { throw thrown; }, new RangeError('bad value'));
}).operator, 'throws');

// Deep equality: what the C decides, and nesting deeper than its recursion.
function nest(v, n) { for (var i = 0; i < n; i++) v = { c: [v] }; return v; }
assert.deepStrictEqual(nest({ v: 1 }, 40), nest({ v: 1 }, 40));
failure(function () { assert.deepStrictEqual(nest({ v: 1 }, 40), nest({ v: '1' }, 40)); });
assert.deepEqual(nest({ v: 1 }, 40), nest({ v: '1' }, 40));
var cyc = { n: 1 };
cyc.me = cyc;
var cyc2 = { n: 1, me: { n: 1 } };
cyc2.me.me = cyc2;
assert.deepStrictEqual(cyc, cyc2);
failure(function () { assert.deepStrictEqual(new Date(NaN), new Date(NaN)); });
assert.deepStrictEqual(new Date(5), new Date(5));
failure(function () { assert.deepStrictEqual(new Float64Array([0]), new Float64Array([-0])); });
assert.deepEqual(new Float64Array([0]), new Float64Array([-0]));
failure(function () { assert.deepEqual(new Float64Array([NaN]), new Float64Array([NaN])); });
assert.deepStrictEqual(new Float64Array([NaN]), new Float64Array([NaN]));
assert.deepStrictEqual(Buffer.from('ab'), Buffer.from('ab'));
failure(function () { assert.deepStrictEqual(Buffer.from('ab'), new Uint8Array([97, 98])); });
failure(function () { assert.deepStrictEqual(/a/g, /a/); });
failure(function () { assert.deepStrictEqual(new Number(0), new Number(-0)); });
assert.deepEqual(new Error('a'), new Error('a'));
failure(function () { assert.deepEqual(new Error('a'), new TypeError('a')); });
var sym = Symbol('s'), sa = {}, sb = {};
sa[sym] = 1;
sb[sym] = 2;
assert.deepEqual(sa, sb);
failure(function () { assert.deepStrictEqual(sa, sb); });
failure(function () { assert.notDeepStrictEqual([1], [1]); });
assert.ok(require('util').isDeepStrictEqual({ a: [1] }, { a: [1] }));
console.log('assert checks ok');
