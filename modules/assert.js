// assert: Node's assertion functions and AssertionError.
'use strict';
var util = require('util');
var compare = require('internal/compare');
var errors = require('internal/errors');

var messages = {
  strictEqual: 'Expected values to be strictly equal:',
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  deepEqual: 'Expected values to be loosely deep-equal:',
  equal: 'Expected values to be loosely equal:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notEqual: 'Expected "actual" to be loosely unequal to:'
};

function AssertionError(options) {
  options = options || {};
  var msg = options.message;
  var generated = msg === undefined || msg === null;
  if (generated) {
    var op = options.operator;
    var a = util.inspect(options.actual), e = util.inspect(options.expected);
    if (messages[op] && /^not/.test(op)) msg = messages[op] + '\n\n' + a + '\n';
    else if (messages[op]) msg = messages[op] + '\n\n' + a + ' !== ' + e + '\n';
    else msg = a + ' ' + op + ' ' + e;
  } else if (msg instanceof Error) {
    throw msg;
  }
  var err = new Error(String(msg));
  Object.setPrototypeOf(err, AssertionError.prototype);
  err.generatedMessage = generated;
  err.code = 'ERR_ASSERTION';
  err.actual = options.actual;
  err.expected = options.expected;
  err.operator = options.operator;
  return err;
}
AssertionError.prototype = Object.create(Error.prototype, {
  constructor: { value: AssertionError, writable: true, configurable: true },
  name: { value: 'AssertionError', writable: true, configurable: true }
});

// generated: the message was written here, not passed by the caller.
function fail(actual, expected, message, operator, generated) {
  var e = new AssertionError({ actual: actual, expected: expected, message: message, operator: operator });
  if (generated) e.generatedMessage = true;
  throw e;
}

function ok(value, message) {
  if (!value) {
    if (arguments.length === 0) message = 'No value argument passed to `assert.ok()`';
    else if (message === undefined) message = 'The expression evaluated to a falsy value:\n\n  assert.ok(' + util.inspect(value) + ')\n';
    var e = new AssertionError({ actual: value, expected: true, message: message, operator: '==' });
    e.generatedMessage = arguments.length < 2 || message === undefined;
    throw e;
  }
}

function assert(value, message) { ok.apply(null, arguments); }
assert.ok = function (value, message) { ok.apply(null, arguments); };
assert.AssertionError = AssertionError;
assert.fail = function (message) {
  if (message instanceof Error) throw message;
  var e = new AssertionError({ message: message === undefined ? 'Failed' : message, operator: 'fail' });
  e.generatedMessage = message === undefined;
  throw e;
};
assert.equal = function (a, b, m) { if (!(a == b || (a !== a && b !== b))) fail(a, b, m, '=='); }; // eslint-disable-line eqeqeq
assert.notEqual = function (a, b, m) { if (a == b || (a !== a && b !== b)) fail(a, b, m, '!='); }; // eslint-disable-line eqeqeq
assert.strictEqual = function (a, b, m) { if (!Object.is(a, b)) fail(a, b, m, 'strictEqual'); };
assert.notStrictEqual = function (a, b, m) { if (Object.is(a, b)) fail(a, b, m, 'notStrictEqual'); };
assert.deepEqual = function (a, b, m) { if (!compare.deepEqual(a, b, false)) fail(a, b, m, 'deepEqual'); };
assert.notDeepEqual = function (a, b, m) { if (compare.deepEqual(a, b, false)) fail(a, b, m, 'notDeepEqual'); };
assert.deepStrictEqual = function (a, b, m) { if (!compare.deepEqual(a, b, true)) fail(a, b, m, 'deepStrictEqual'); };
assert.notDeepStrictEqual = function (a, b, m) { if (compare.deepEqual(a, b, true)) fail(a, b, m, 'notDeepStrictEqual'); };
assert.ifError = function (err) {
  if (err !== null && err !== undefined) {
    var e = new AssertionError({ actual: err, expected: null, operator: 'ifError',
      message: 'ifError got unwanted exception: ' + (err && err.message !== undefined ? err.message : util.inspect(err)) });
    e.generatedMessage = false;
    throw e;
  }
};
assert.match = function (s, re, m) {
  if (typeof s !== 'string' || !re.test(s)) fail(s, re, m || 'The input did not match the regular expression ' + re + '. Input:\n\n' + util.inspect(s) + '\n', 'match');
};
assert.doesNotMatch = function (s, re, m) {
  if (typeof s === 'string' && re.test(s)) fail(s, re, m || 'The input was expected to not match the regular expression ' + re + '. Input:\n\n' + util.inspect(s) + '\n', 'doesNotMatch');
};

// Does err satisfy `expected` (a class, RegExp, validation function or object of properties)?
function matches(err, expected, message) {
  if (expected === undefined) return;
  if (expected instanceof RegExp) {
    if (!expected.test(String(err))) {
      fail(err, expected, message || 'The input did not match the regular expression ' + expected + '. Input:\n\n' + util.inspect(String(err)) + '\n', 'throws', !message);
    }
    return;
  }
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && err instanceof expected) return;
    if (Error.isPrototypeOf(expected) || expected === Error) {
      fail(err, expected, message || 'The error is expected to be an instance of "' + expected.name + '". Received "' + (err && err.name) + '"', 'throws', !message);
    }
    if (expected.call({}, err) !== true) {
      fail(err, expected, message || 'The ' + (expected.name ? '"' + expected.name + '" ' : '') + 'validation function is expected to return "true". Received ' + util.inspect(expected.call({}, err)), 'throws', !message);
    }
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    var keys = Object.keys(expected);
    if (expected instanceof Error) keys.push('name', 'message');
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i];
      var want = expected[k], got = err === null || err === undefined ? undefined : err[k];
      var okay = want instanceof RegExp && typeof got === 'string' ? want.test(got) : compare.deepEqual(got, want, true);
      if (!okay) {
        fail(err, expected, message || 'Expected values to be strictly deep-equal:\n+ actual - expected\n\n  ' + k + ': ' + util.inspect(got) + ' !== ' + util.inspect(want) + '\n', 'throws', !message);
      }
    }
    return;
  }
  throw errors.invalidArgType('expected', 'of type function or an instance of Error, RegExp, or Object', expected);
}

function getThrown(fn) {
  if (typeof fn !== 'function') throw errors.invalidArgType('fn', 'function', fn);
  try { fn(); } catch (e) { return { error: e }; }
  return null;
}

assert.throws = function (fn, expected, message) {
  if (typeof expected === 'string') { message = expected; expected = undefined; }
  var r = getThrown(fn);
  if (!r) {
    var name = expected && expected.name ? ' (' + expected.name + ')' : '';
    fail(undefined, expected, 'Missing expected exception' + name + (message ? ': ' + message : '.'), 'throws');
  }
  matches(r.error, expected, message);
};
assert.doesNotThrow = function (fn, expected, message) {
  if (typeof expected === 'string') { message = expected; expected = undefined; }
  var r = getThrown(fn);
  if (r) {
    if (expected !== undefined && typeof expected === 'function' && expected.prototype !== undefined && !(r.error instanceof expected)) throw r.error;
    fail(r.error, expected, 'Got unwanted exception' + (message ? ': ' + message : '.') + '\nActual message: "' + (r.error && r.error.message) + '"', 'doesNotThrow');
  }
};

assert.strict = function strict(value, message) { ok.apply(null, arguments); };
Object.keys(assert).forEach(function (k) { assert.strict[k] = assert[k]; });
assert.strict.equal = assert.strictEqual;
assert.strict.notEqual = assert.notStrictEqual;
assert.strict.deepEqual = assert.deepStrictEqual;
assert.strict.notDeepEqual = assert.notDeepStrictEqual;
assert.strict.strict = assert.strict;

module.exports = assert;
