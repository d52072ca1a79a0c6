// assert: every function, AssertionError's fields and Node v20's messages,
// deepEqual vs deepStrictEqual, and assert.throws with each kind of
// `expected`. Failures are caught with try/catch (not assert.throws) so that a
// broken assert.throws cannot hide them. Passes unchanged under node v20.
var assert = require('assert');

// Runs fn, which must throw; returns what it threw.
function caught(fn) {
  var threw = false, err;
  try {
    fn();
  } catch (e) {
    threw = true;
    err = e;
  }
  if (!threw) throw new Error('expected an exception from: ' + fn);
  return err;
}

function noThrow(fn) {
  fn();
}

// Checks an AssertionError's fields; props holds the expected values.
function isAssertion(err, props) {
  if (!(err instanceof assert.AssertionError)) {
    throw new Error('not an AssertionError: ' + (err && err.stack || err));
  }
  if (!(err instanceof Error)) throw new Error('AssertionError is not an Error');
  if (err.name !== 'AssertionError') throw new Error('name: ' + err.name);
  if (err.code !== 'ERR_ASSERTION') throw new Error('code: ' + err.code);
  for (var k in props) {
    var want = props[k], got = err[k];
    var same = want !== want ? got !== got : got === want;
    if (!same) {
      throw new Error('AssertionError.' + k + ': got ' + JSON.stringify(got) + ', want ' + JSON.stringify(want));
    }
  }
  return err;
}

function same(got, want, what) {
  if (got !== want) throw new Error((what || 'value') + ': got ' + JSON.stringify(got) + ', want ' + JSON.stringify(want));
}

// ---- the module is assert.ok
same(typeof assert, 'function');
noThrow(function () { assert(true); assert(1, 'msg'); assert('x'); assert({}); assert.ok([]); });
isAssertion(caught(function () { assert(0); }), {
  actual: 0, expected: true, operator: '==', generatedMessage: true
});
isAssertion(caught(function () { assert.ok(false, 'custom message'); }), {
  message: 'custom message', generatedMessage: false, actual: false, expected: true
});
isAssertion(caught(function () { assert(); }), {
  message: 'No value argument passed to `assert.ok()`', generatedMessage: true, actual: undefined
});
isAssertion(caught(function () { assert.ok(null); }), { actual: null });
isAssertion(caught(function () { assert.ok(''); }), { actual: '' });
isAssertion(caught(function () { assert.ok(NaN); }), { actual: NaN });
(function () {
  var own = new TypeError('my own error');
  same(caught(function () { assert.ok(false, own); }), own, 'an Error message is thrown as is');
})();

// ---- AssertionError
(function () {
  var e = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
  isAssertion(e, {
    actual: 1, expected: 2, operator: 'strictEqual', generatedMessage: true,
    message: 'Expected values to be strictly equal:\n\n1 !== 2\n'
  });
  same(String(e), 'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n1 !== 2\n');
  same(Object.prototype.toString.call(e), '[object Error]');
  var m = new assert.AssertionError({ message: 'hi' });
  isAssertion(m, { message: 'hi', generatedMessage: false });
  same(typeof m.stack, 'string');
  same(Object.keys(e).sort().join(), 'actual,code,expected,generatedMessage,operator');
  isAssertion(new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual', message: 'm' }), {
    message: 'm\n\n1 !== 2\n', generatedMessage: false
  });
})();

// ---- equal / notEqual (==)
noThrow(function () {
  assert.equal(1, 1);
  assert.equal(1, '1');
  assert.equal(null, undefined);
  assert.equal(NaN, NaN);
  assert.equal(0, -0);
  assert.equal(true, 1);
  assert.notEqual(1, 2);
  assert.notEqual(1, '2');
  assert.notEqual({}, {});
});
isAssertion(caught(function () { assert.equal(1, 2); }), {
  message: '1 == 2', operator: '==', actual: 1, expected: 2, generatedMessage: true
});
isAssertion(caught(function () { assert.equal('a', 'b'); }), { message: "'a' == 'b'" });
isAssertion(caught(function () { assert.equal(1, 2, 'custom'); }), { message: 'custom', generatedMessage: false });
isAssertion(caught(function () { assert.notEqual(1, '1'); }), { message: "1 != '1'", operator: '!=' });
isAssertion(caught(function () { assert.notEqual(NaN, NaN); }), { operator: '!=' });
same(caught(function () { assert.equal(1); }).code, 'ERR_MISSING_ARGS');

// ---- strictEqual / notStrictEqual (Object.is)
noThrow(function () {
  assert.strictEqual(1, 1);
  assert.strictEqual('a', 'a');
  assert.strictEqual(NaN, NaN);
  assert.strictEqual(null, null);
  var o = {};
  assert.strictEqual(o, o);
  assert.notStrictEqual(1, '1');
  assert.notStrictEqual(0, -0);
  assert.notStrictEqual({}, {});
  assert.notStrictEqual(null, undefined);
});
isAssertion(caught(function () { assert.strictEqual(1, 2); }), {
  message: 'Expected values to be strictly equal:\n\n1 !== 2\n',
  operator: 'strictEqual', actual: 1, expected: 2, generatedMessage: true
});
isAssertion(caught(function () { assert.strictEqual('a', 'b'); }), {
  message: "Expected values to be strictly equal:\n\n'a' !== 'b'\n"
});
isAssertion(caught(function () { assert.strictEqual(1, '1'); }), {
  message: "Expected values to be strictly equal:\n\n1 !== '1'\n"
});
isAssertion(caught(function () { assert.strictEqual(NaN, 0); }), {
  message: 'Expected values to be strictly equal:\n\nNaN !== 0\n'
});
isAssertion(caught(function () { assert.strictEqual(0, -0); }), {
  message: 'Expected values to be strictly equal:\n+ actual - expected\n\n+ 0\n- -0'
});
isAssertion(caught(function () { assert.strictEqual('hello world', 'goodbye world'); }), {
  message: "Expected values to be strictly equal:\n+ actual - expected\n\n+ 'hello world'\n- 'goodbye world'"
});
isAssertion(caught(function () { assert.strictEqual(123456789, 12345678); }), {
  message: 'Expected values to be strictly equal:\n+ actual - expected\n\n+ 123456789\n- 12345678\n          ^'
});
isAssertion(caught(function () { assert.strictEqual({ a: 1 }, { a: 1 }); }), {
  message: 'Values have same structure but are not reference-equal:\n\n{\n  a: 1\n}\n'
});
isAssertion(caught(function () { assert.strictEqual({ a: 1 }, { a: 2 }); }), {
  message: 'Expected "actual" to be reference-equal to "expected":\n+ actual - expected\n\n  {\n+   a: 1\n-   a: 2\n  }'
});
isAssertion(caught(function () { assert.strictEqual(1, 2, 'custom'); }), {
  message: 'custom\n\n1 !== 2\n', generatedMessage: false
});
isAssertion(caught(function () { assert.notStrictEqual(1, 1); }), {
  message: 'Expected "actual" to be strictly unequal to: 1', operator: 'notStrictEqual'
});
isAssertion(caught(function () { assert.notStrictEqual('long string', 'long string'); }), {
  message: "Expected \"actual\" to be strictly unequal to:\n\n'long string'"
});
(function () {
  var o = { a: 1 };
  isAssertion(caught(function () { assert.notStrictEqual(o, o); }), {
    message: 'Expected "actual" not to be reference-equal to "expected":\n\n{\n  a: 1\n}\n'
  });
})();
same(caught(function () { assert.strictEqual(); }).code, 'ERR_MISSING_ARGS');
(function () {
  var own = new RangeError('mine');
  same(caught(function () { assert.strictEqual(1, 2, own); }), own);
})();

// ---- deepEqual (loose) vs deepStrictEqual (strict)
function Foo(a) { this.a = a; }
var buf = Buffer.from('ab');
var cycA = { x: 1 }; cycA.self = cycA;
var cycB = { x: 1 }; cycB.self = cycB;
var cycC = { x: 2 }; cycC.self = cycC;
var cycD = { x: 1 }; cycD.self = { x: 1, self: cycD };
var symA = {}; symA[Symbol.for('k')] = 1;
var symB = {}; symB[Symbol.for('k')] = 2;
var sameFn = function () {};
// [actual, expected, loose result, strict result, label]
var table = [
  [1, 1, true, true, 'same number'],
  [1, '1', true, false, 'number vs string'],
  [null, undefined, true, false, 'null vs undefined'],
  [0, -0, true, false, '0 vs -0'],
  [NaN, NaN, true, true, 'NaN'],
  [true, 1, true, false, 'true vs 1'],
  [[1, 2, 3], [1, 2, 3], true, true, 'arrays'],
  [[1, 2, 3], ['1', '2', '3'], true, false, 'arrays of numbers vs strings'],
  [[1, 2, 3], [1, 2], false, false, 'different lengths'],
  [[0], [-0], true, false, '[0] vs [-0]'],
  [[NaN], [NaN], true, true, '[NaN]'],
  [[1, , 3], [1, undefined, 3], false, false, 'hole vs undefined'],  // eslint-disable-line no-sparse-arrays
  [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true, true, 'key order ignored'],
  [{ a: 1 }, { a: '1' }, true, false, 'property number vs string'],
  [{ a: undefined }, {}, false, false, 'undefined-valued key vs missing key'],
  [{ a: 1 }, { a: 1, b: 2 }, false, false, 'extra key'],
  [new Foo(1), { a: 1 }, true, false, 'prototype differs'],
  [Object.create(null), {}, true, false, 'null prototype'],
  [[1, 2], { 0: 1, 1: 2 }, false, false, 'array vs array-like object'],
  [new Date(1000), new Date(1000), true, true, 'same dates'],
  [new Date(1000), new Date(2000), false, false, 'different dates'],
  [new Date(0), {}, false, false, 'date vs object'],
  [/a/g, /a/g, true, true, 'same regexps'],
  [/a/g, /a/i, false, false, 'regexp flags'],
  [/a/, /b/, false, false, 'regexp source'],
  [new Error('x'), new Error('x'), true, true, 'same errors'],
  [new Error('x'), new Error('y'), false, false, 'error messages'],
  [new Error('x'), new TypeError('x'), false, false, 'error classes'],
  [new Number(1), new Number(1), true, true, 'boxed equal'],        // eslint-disable-line no-new-wrappers
  [new Number(1), new Number(2), false, false, 'boxed different'],  // eslint-disable-line no-new-wrappers
  [new String('a'), new String('b'), false, false, 'boxed strings'], // eslint-disable-line no-new-wrappers
  [buf, Buffer.from('ab'), true, true, 'equal buffers'],
  [buf, Buffer.from('ac'), false, false, 'buffers with different bytes'],
  [buf, Buffer.from('abc'), false, false, 'buffers of different lengths'],
  [buf, new Uint8Array([97, 98]), true, false, 'Buffer vs Uint8Array'],
  [new Uint8Array([1, 2]), new Uint8Array([1, 2]), true, true, 'equal Uint8Arrays'],
  [new Uint8Array([1, 2]), new Int8Array([1, 2]), false, false, 'different typed array classes'],
  [new Float64Array([0]), new Float64Array([-0]), true, false, 'Float64Array 0 vs -0'],
  [cycA, cycB, true, true, 'equal cycles'],
  [cycA, cycC, false, false, 'unequal cycles'],
  [cycA, cycD, true, true, 'cycle vs unrolled cycle'],
  [symA, symB, true, false, 'symbol keys count only when strict'],
  [sameFn, sameFn, true, true, 'same function'],
  [function () {}, function () {}, false, false, 'different functions'],
  [{ f: sameFn }, { f: sameFn }, true, true, 'same function as a value'],
  [[[1, [2, [3]]]], [[1, [2, [3]]]], true, true, 'deep nesting'],
  [[[1, [2, [3]]]], [[1, [2, [4]]]], false, false, 'deep nesting difference']
];
table.forEach(function (row) {
  var label = row[4];
  var loose = !caughtOrNull(function () { assert.deepEqual(row[0], row[1]); });
  var strict = !caughtOrNull(function () { assert.deepStrictEqual(row[0], row[1]); });
  same(loose, row[2], 'deepEqual: ' + label);
  same(strict, row[3], 'deepStrictEqual: ' + label);
  same(!caughtOrNull(function () { assert.notDeepEqual(row[0], row[1]); }), !row[2], 'notDeepEqual: ' + label);
  same(!caughtOrNull(function () { assert.notDeepStrictEqual(row[0], row[1]); }), !row[3], 'notDeepStrictEqual: ' + label);
  // The failures are AssertionErrors with the operator named after the function.
  // (Two errors are kept as copies without stacks, so compare those by message.)
  var bothErrors = row[0] instanceof Error && row[1] instanceof Error;
  var e = caughtOrNull(function () { assert.deepStrictEqual(row[0], row[1]); });
  if (e) {
    isAssertion(e, { operator: 'deepStrictEqual', generatedMessage: true });
    if (bothErrors) same(e.actual.message + e.expected.message, row[0].message + row[1].message, label);
    else isAssertion(e, { actual: row[0], expected: row[1] });
  }
  var l = caughtOrNull(function () { assert.deepEqual(row[0], row[1]); });
  if (l) {
    isAssertion(l, { operator: 'deepEqual' });
    if (!bothErrors) isAssertion(l, { actual: row[0], expected: row[1] });
  }
});
function caughtOrNull(fn) {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof assert.AssertionError)) throw e;
    return e;
  }
  return null;
}

// Messages
isAssertion(caught(function () { assert.deepStrictEqual({ a: 1 }, { a: '1' }); }), {
  message: "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n+   a: 1\n-   a: '1'\n  }"
});
isAssertion(caught(function () { assert.deepStrictEqual(1, 2); }), {
  message: 'Expected values to be strictly deep-equal:\n\n1 !== 2\n'
});
isAssertion(caught(function () { assert.deepStrictEqual([1, 2, 3], [1, 2]); }), {
  message: 'Expected values to be strictly deep-equal:\n+ actual - expected\n\n  [\n    1,\n    2,\n+   3\n  ]'
});
isAssertion(caught(function () { assert.deepStrictEqual(new Foo(1), { a: 1 }); }), {
  message: 'Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ Foo {\n- {\n    a: 1\n  }'
});
isAssertion(caught(function () { assert.deepStrictEqual({ a: [1, 2, { b: 3 }] }, { a: [1, 2, { b: 4 }] }); }), {
  message: 'Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n    a: [\n      1,\n      2,\n' +
    '      {\n+       b: 3\n-       b: 4\n      }\n    ]\n  }'
});
isAssertion(caught(function () {
  assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]);
}), {
  message: 'Expected values to be strictly deep-equal:\n+ actual - expected ... Lines skipped\n\n  [\n    1,\n...\n' +
    '    10,\n    11,\n+   12\n-   13\n  ]'
});
isAssertion(caught(function () { assert.deepStrictEqual(new Error('x'), new Error('y')); }), {
  message: 'Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ [Error: x]\n- [Error: y]\n          ^'
});
isAssertion(caught(function () { assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'custom'); }), {
  message: 'custom\n+ actual - expected\n\n  {\n+   a: 1\n-   a: 2\n  }', generatedMessage: false
});
isAssertion(caught(function () { assert.deepEqual({ a: 1 }, { a: 2 }); }), {
  message: 'Expected values to be loosely deep-equal:\n\n{\n  a: 1\n}\n\nshould loosely deep-equal\n\n{\n  a: 2\n}'
});
isAssertion(caught(function () { assert.deepEqual(1, 2); }), {
  message: 'Expected values to be loosely deep-equal:\n\n1\n\nshould loosely deep-equal\n\n2'
});
isAssertion(caught(function () { assert.notDeepStrictEqual({ a: 1 }, { a: 1 }); }), {
  message: 'Expected "actual" not to be strictly deep-equal to:\n\n{\n  a: 1\n}\n', operator: 'notDeepStrictEqual'
});
isAssertion(caught(function () { assert.notDeepStrictEqual(1, 1); }), {
  message: 'Expected "actual" not to be strictly deep-equal to: 1'
});
isAssertion(caught(function () { assert.notDeepEqual({ a: 1 }, { a: 1 }); }), {
  message: 'Expected "actual" not to be loosely deep-equal to:\n\n{\n  a: 1\n}', operator: 'notDeepEqual'
});
isAssertion(caught(function () { assert.notDeepEqual({ a: 1 }, { a: '1' }); }), {
  message: "Expected values not to be loosely deep-equal:\n\n{\n  a: 1\n}\n\nshould not loosely deep-equal\n\n{\n  a: '1'\n}"
});

// ---- throws
// No `expected`: anything thrown passes.
noThrow(function () {
  assert.throws(function () { throw new Error('x'); });
  assert.throws(function () { throw 'a string'; });  // eslint-disable-line no-throw-literal
  assert.throws(function () { throw undefined; });
});
// Nothing thrown
isAssertion(caught(function () { assert.throws(function () {}); }), {
  message: 'Missing expected exception.', operator: 'throws', actual: undefined
});
isAssertion(caught(function () { assert.throws(function () {}, TypeError); }), {
  message: 'Missing expected exception (TypeError).', expected: TypeError
});
isAssertion(caught(function () { assert.throws(function () {}, 'what was wanted'); }), {
  message: 'Missing expected exception: what was wanted'
});
isAssertion(caught(function () { assert.throws(function () {}, TypeError, 'what was wanted'); }), {
  message: 'Missing expected exception (TypeError): what was wanted'
});

// A constructor
noThrow(function () {
  assert.throws(function () { throw new TypeError('t'); }, TypeError);
  assert.throws(function () { throw new TypeError('t'); }, Error);
  assert.throws(function () { throw new Foo(1); }, Foo);
});
(function () {
  var thrown = new TypeError('t');
  var e = isAssertion(caught(function () { assert.throws(function () { throw thrown; }, RangeError); }), {
    message: 'The error is expected to be an instance of "RangeError". Received "TypeError"\n\nError message:\n\nt',
    operator: 'throws', actual: thrown, expected: RangeError, generatedMessage: true
  });
  same(e.actual, thrown);
  isAssertion(caught(function () { assert.throws(function () { throw thrown; }, RangeError, 'custom'); }), {
    message: 'custom', generatedMessage: false
  });
})();

// A RegExp, matched against String(error)
noThrow(function () {
  assert.throws(function () { throw new TypeError('bad thing'); }, /bad/);
  assert.throws(function () { throw new TypeError('bad thing'); }, /^TypeError: bad thing$/);
  assert.throws(function () { throw 'plain'; }, /^plain$/);  // eslint-disable-line no-throw-literal
});
isAssertion(caught(function () { assert.throws(function () { throw new Error('hello'); }, /bye/); }), {
  message: "The input did not match the regular expression /bye/. Input:\n\n'Error: hello'\n", operator: 'throws'
});

// A validation function: must return exactly true
noThrow(function () {
  assert.throws(function () { throw new Error('hello'); }, function (err) {
    return err instanceof Error && err.message === 'hello';
  });
});
isAssertion(caught(function () {
  assert.throws(function () { throw new Error('hello'); }, function validate() { return 1; });
}), {
  message: 'The "validate" validation function is expected to return "true". Received 1\n\nCaught error:\n\nError: hello'
});
isAssertion(caught(function () {
  assert.throws(function () { throw new Error('hello'); }, function () { return false; });
}), {
  message: 'The validation function is expected to return "true". Received false\n\nCaught error:\n\nError: hello'
});
(function () {
  // An error thrown by the validation function itself propagates.
  var inner = new Error('from the validator');
  same(caught(function () {
    assert.throws(function () { throw new Error('x'); }, function () { throw inner; });
  }), inner);
})();

// An object: every property must deep-strict-equal the error's (RegExps test strings)
noThrow(function () {
  assert.throws(function () {
    var e = new TypeError('The value is bad');
    e.code = 'ERR_X';
    e.info = { n: [1, 2] };
    throw e;
  }, { code: 'ERR_X', name: 'TypeError', message: /value/, info: { n: [1, 2] } });
  assert.throws(function () { throw new TypeError('x'); }, new TypeError('x'));
  assert.throws(function () { throw { a: 1, b: 2 }; }, { a: 1 });  // eslint-disable-line no-throw-literal
});
(function () {
  var thrown = new TypeError('x');
  thrown.code = 'ERR_X';
  var want = { code: 'ERR_Y' };
  isAssertion(caught(function () { assert.throws(function () { throw thrown; }, want); }), {
    message: "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Comparison {\n+   code: 'ERR_X'\n" +
      "-   code: 'ERR_Y'\n  }",
    operator: 'throws', actual: thrown, expected: want, generatedMessage: true
  });
  isAssertion(caught(function () { assert.throws(function () { throw thrown; }, { code: 'ERR_X', name: 'RangeError' }); }), {
    message: "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Comparison {\n    code: 'ERR_X',\n" +
      "+   name: 'TypeError'\n-   name: 'RangeError'\n  }"
  });
  isAssertion(caught(function () { assert.throws(function () { throw thrown; }, { nope: undefined }); }), {
    message: 'Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ Comparison {}\n- Comparison {\n' +
      '-   nope: undefined\n- }'
  });
  isAssertion(caught(function () { assert.throws(function () { throw thrown; }, { message: /y/ }); }), {
    operator: 'throws'
  });
  isAssertion(caught(function () { assert.throws(function () { throw thrown; }, new TypeError('y')); }), {
    message: "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Comparison {\n+   message: 'x',\n" +
      "-   message: 'y',\n    name: 'TypeError'\n  }"
  });
  isAssertion(caught(function () { assert.throws(function () { throw thrown; }, { code: 'ERR_Y' }, 'custom'); }), {
    message: 'custom', generatedMessage: false
  });
  // A thrown primitive compared with an object
  isAssertion(caught(function () { assert.throws(function () { throw null; }, { code: 'x' }); }), {  // eslint-disable-line no-throw-literal
    message: "Expected values to be strictly deep-equal:\n+ actual - expected\n\n+ null\n- {\n-   code: 'x'\n- }",
    operator: 'throws', actual: null
  });
})();

// Bad arguments
same(caught(function () { assert.throws('not a function'); }).code, 'ERR_INVALID_ARG_TYPE');
same(caught(function () { assert.throws(function () { throw new Error('x'); }, 5); }).code, 'ERR_INVALID_ARG_TYPE');
same(caught(function () { assert.throws(function () { throw new Error('x'); }, {}); }).code, 'ERR_INVALID_ARG_VALUE');
(function () {
  var e = caught(function () { assert.throws(function () { throw new Error('same text'); }, 'same text'); });
  same(e.code, 'ERR_AMBIGUOUS_ARGUMENT');
  same(e.name, 'TypeError');
  same(e.message, 'The "error/message" argument is ambiguous. The error message "same text" is identical to the message.');
})();

// ---- doesNotThrow
noThrow(function () {
  assert.doesNotThrow(function () {});
  assert.doesNotThrow(function () {}, 'message');
  assert.doesNotThrow(function () {}, TypeError);
});
(function () {
  var oops = new Error('oops');
  isAssertion(caught(function () { assert.doesNotThrow(function () { throw oops; }); }), {
    message: 'Got unwanted exception.\nActual message: "oops"', operator: 'doesNotThrow', actual: oops,
    generatedMessage: false
  });
  isAssertion(caught(function () { assert.doesNotThrow(function () { throw oops; }, 'while testing'); }), {
    message: 'Got unwanted exception: while testing\nActual message: "oops"'
  });
  isAssertion(caught(function () { assert.doesNotThrow(function () { throw oops; }, Error); }), {
    expected: Error
  });
  isAssertion(caught(function () { assert.doesNotThrow(function () { throw oops; }, /oops/); }), {
    operator: 'doesNotThrow'
  });
  // An error of another kind than `expected` is rethrown unchanged.
  same(caught(function () { assert.doesNotThrow(function () { throw oops; }, TypeError); }), oops);
  same(caught(function () { assert.doesNotThrow(function () { throw oops; }, /zzz/); }), oops);
})();

// ---- fail
isAssertion(caught(function () { assert.fail(); }), { message: 'Failed', operator: 'fail', generatedMessage: true });
isAssertion(caught(function () { assert.fail('boom'); }), { message: 'boom', operator: 'fail', generatedMessage: false });
(function () {
  var own = new TypeError('thrown as is');
  same(caught(function () { assert.fail(own); }), own);
})();

// ---- ifError
noThrow(function () { assert.ifError(null); assert.ifError(undefined); });
(function () {
  var err = new Error('bad');
  isAssertion(caught(function () { assert.ifError(err); }), {
    message: 'ifError got unwanted exception: bad', operator: 'ifError', actual: err, expected: null,
    generatedMessage: false
  });
  isAssertion(caught(function () { assert.ifError('str'); }), { message: "ifError got unwanted exception: 'str'" });
  isAssertion(caught(function () { assert.ifError(0); }), { message: 'ifError got unwanted exception: 0' });
  isAssertion(caught(function () { assert.ifError(new TypeError('')); }), {
    message: 'ifError got unwanted exception: TypeError'
  });
})();

// ---- match / doesNotMatch
noThrow(function () {
  assert.match('abc', /b/);
  assert.doesNotMatch('abc', /x/);
});
isAssertion(caught(function () { assert.match('abc', /x/); }), {
  message: "The input did not match the regular expression /x/. Input:\n\n'abc'\n", operator: 'match',
  actual: 'abc', generatedMessage: true
});
isAssertion(caught(function () { assert.doesNotMatch('abc', /b/); }), {
  message: "The input was expected to not match the regular expression /b/. Input:\n\n'abc'\n",
  operator: 'doesNotMatch'
});
isAssertion(caught(function () { assert.match('abc', /x/, 'custom'); }), { message: 'custom', generatedMessage: false });
isAssertion(caught(function () { assert.match(123, /x/); }), {
  message: 'The "string" argument must be of type string. Received type number (123)'
});
same(caught(function () { assert.match('abc', 'b'); }).code, 'ERR_INVALID_ARG_TYPE');

// ---- assert.strict
(function () {
  var strict = assert.strict;
  same(typeof strict, 'function');
  same(strict.strict, strict);
  same(strict.equal, assert.strictEqual);
  same(strict.notEqual, assert.notStrictEqual);
  same(strict.deepEqual, assert.deepStrictEqual);
  same(strict.notDeepEqual, assert.notDeepStrictEqual);
  same(strict.AssertionError, assert.AssertionError);
  same(strict.throws, assert.throws);
  noThrow(function () { strict(true); strict.equal(1, 1); strict.deepEqual({ a: [1] }, { a: [1] }); });
  isAssertion(caught(function () { strict(0); }), { actual: 0 });
  isAssertion(caught(function () { strict.equal(1, '1'); }), { operator: 'strictEqual' });
  isAssertion(caught(function () { strict.deepEqual({ a: 1 }, { a: '1' }); }), { operator: 'deepStrictEqual' });
  isAssertion(caught(function () { strict.notEqual(1, 1); }), { operator: 'notStrictEqual' });
  noThrow(function () { strict.notEqual(1, '1'); });
})();

console.log('assert ok');
