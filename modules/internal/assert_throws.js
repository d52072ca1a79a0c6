// assert.throws/doesNotThrow's failures (the rest of internal/assert_error.js),
// compiled on the first one: what was thrown against the expected class,
// RegExp, validation function or object, and the messages saying how it differs.
'use strict';
var errors = require('internal/errors');
var inspect = require('internal/inspect').inspect;
var assertError = require('internal/assert_error');
var create = assertError.create, fail = assertError.failWith, isErrorLike = assertError.isErrorLike;

// ---- throws / doesNotThrow ------------------------------------------------------------
var NO_EXCEPTION = {};
// What the C check learnt (modules/assert_binding.c): the block was not a function,
// it threw `actual`, it threw nothing, or a validation function returned `res`.
var NOT_CALLED = 0, NONE = 2, CHECKED = 3; // 1: it threw `actual`

var EXPECTED_TYPES = 'function or an instance of Error, RegExp, or Object';

// A class named like Comparison so that diffs print "Comparison { ... }".
function Comparison(obj, keys, actual) {
  for (var i = 0; i < keys.length; i++) {
    var k = keys[i];
    if (k in obj) {
      if (actual !== undefined && typeof actual[k] === 'string' && obj[k] instanceof RegExp && RegExpPrototypeTest(obj[k], actual[k])) {
        this[k] = actual[k];
      } else {
        this[k] = obj[k];
      }
    }
  }
}

function compareProperties(actual, expected, keys, message, name) {
  var compare = process.binding('assert'); // deepEqual(a, b, strict): C
  for (var i = 0; i < keys.length; i++) {
    var k = keys[i];
    var ok = k in actual && (
      (typeof actual[k] === 'string' && expected[k] instanceof RegExp && RegExpPrototypeTest(expected[k], actual[k])) ||
      compare.deepEqual(actual[k], expected[k], true));
    if (!ok) {
      var a = new Comparison(actual, keys), e = new Comparison(expected, keys, actual);
      var err = create({ actual: a, expected: e, operator: 'deepStrictEqual' });
      err.actual = actual;
      err.expected = expected;
      err.operator = name;
      if (message !== undefined && message !== null) {
        err.message = String(message);
        err.generatedMessage = false;
      }
      throw err;
    }
  }
}

// Does the thrown value match `expected` (class, RegExp, validation function, object)?
// Throws the AssertionError describing the mismatch. `checked`: the validation
// function already returned `result`.
function expectedException(actual, expected, message, opName, checked, result) {
  var generated = false, text = message;
  if (typeof expected !== 'function') {
    if (expected instanceof RegExp) {
      var str = String(actual);
      if (RegExpPrototypeTest(expected, str)) return;
      if (text === undefined || text === null) {
        generated = true;
        text = 'The input did not match the regular expression ' + inspect(expected) +
          '. Input:\n\n' + inspect(str) + '\n';
      }
    } else if (typeof actual !== 'object' || actual === null) {
      var err0 = create({ actual: actual, expected: expected, message: message, operator: 'deepStrictEqual' });
      err0.operator = opName;
      throw err0;
    } else {
      var keys = ObjectKeys(expected);
      if (expected instanceof Error) keys.push('name', 'message');
      else if (keys.length === 0) throw errors.invalidArgValue('error', expected, 'may not be an empty object');
      compareProperties(actual, expected, keys, message, opName);
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Error.isPrototypeOf(expected) || expected === Error) {
    if (text === undefined || text === null) {
      generated = true;
      text = 'The error is expected to be an instance of "' + expected.name + '". Received ';
      if (isErrorLike(actual)) {
        var name = (actual.constructor && actual.constructor.name) || actual.name;
        text += expected.name === name ? 'an error with identical name but a different prototype.' : '"' + name + '"';
        if (actual.message) text += '\n\nError message:\n\n' + actual.message;
      } else {
        text += '"' + inspect(actual, { depth: -1 }) + '"';
      }
    }
  } else {
    var res = checked ? result : expected.call({}, actual);
    if (res === true) return;
    if (text === undefined || text === null) {
      generated = true;
      text = 'The ' + (expected.name ? '"' + expected.name + '" ' : '') +
        'validation function is expected to return "true". Received ' + inspect(res);
      if (isErrorLike(actual)) text += '\n\nCaught error:\n\n' + actual;
    }
  }
  if (text instanceof Error) throw text;
  var err = create({ actual: actual, expected: expected, message: text, operator: opName });
  err.generatedMessage = generated;
  throw err;
}

exports.throwsFailed = throwsFailed;
function throwsFailed(block, error, message, actual, how, res) {
  if (how === NOT_CALLED) throw errors.invalidArgType('fn', 'function', block);
  if (how === NONE) actual = NO_EXCEPTION;
  if (typeof error === 'string') {
    if (message !== undefined) throw errors.invalidArgType('error', EXPECTED_TYPES, error);
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw errors.codeError('ERR_AMBIGUOUS_ARGUMENT',
          'The "error/message" argument is ambiguous. The error message "' + actual.message +
          '" is identical to the message.', 'TypeError');
      }
    } else if (actual === error) {
      throw errors.codeError('ERR_AMBIGUOUS_ARGUMENT',
        'The "error/message" argument is ambiguous. The error "' + actual + '" is identical to the message.',
        'TypeError');
    }
    message = error;
    error = undefined;
  } else if (error !== undefined && error !== null && typeof error !== 'object' && typeof error !== 'function') {
    throw errors.invalidArgType('error', EXPECTED_TYPES, error);
  }
  if (actual === NO_EXCEPTION) {
    var details = '';
    if (error && error.name) details += ' (' + error.name + ')';
    details += message ? ': ' + message : '.';
    fail(undefined, error, 'Missing expected exception' + details, 'throws');
  }
  if (error) expectedException(actual, error, message, 'throws', how === CHECKED, res);
}

// block threw actual
exports.doesNotThrowFailed = doesNotThrowFailed;
function doesNotThrowFailed(block, error, message, actual, how) {
  if (how === NOT_CALLED) throw errors.invalidArgType('fn', 'function', block);
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (error === undefined || matchesQuietly(actual, error)) {
    var details = message ? ': ' + message : '.';
    var err = create({
      actual: actual, expected: error, operator: 'doesNotThrow',
      message: 'Got unwanted exception' + details + '\nActual message: "' + (actual && actual.message) + '"'
    });
    err.generatedMessage = false;
    throw err;
  }
  throw actual;
}

// For doesNotThrow: does the error match `expected`? (no message building)
function matchesQuietly(actual, expected) {
  if (expected instanceof RegExp) return RegExpPrototypeTest(expected, String(actual));
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && actual instanceof expected) return true;
    if (Error.isPrototypeOf(expected) || expected === Error) return false;
    return expected.call({}, actual) === true;
  }
  throw errors.invalidArgType('expected', 'function or an instance of RegExp', expected);
}
