// assert's failures: AssertionError and its messages, compiled on the first
// failure (the checks are C: modules/assert_binding.c, which calls `fail` with
// what it found; a check is never made again here). Messages follow Node v20:
// short "a !== b" forms for small primitives, a "+ actual - expected" line diff
// of the inspected values for strict comparisons, and "should loosely
// deep-equal" blocks for loose ones.
'use strict';
var errors = require('internal/errors');
var inspect = require('internal/inspect').inspect;
var newError = process.binding('core').newError;
var AssertionError = process.binding('assert').AssertionError; // C: its prototype, toString

var headers = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values identical but not reference-equal:',
  sameStructure: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:'
};

var MAX_SHORT = 12;      // both values this short (in total): "a !== b" on one line
var MAX_LINES = 50;      // longer diffs are cut

function isObjectLike(v) {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

function isErrorLike(v) {
  return v instanceof Error || ObjectPrototypeToString(v) === '[object Error]';
}

// Errors compared with each other print as [Name: message]: a copy without the stack.
function withoutStack(err) {
  var copy = ObjectCreate(ObjectGetPrototypeOf(err));
  var keys = ObjectKeys(err);
  for (var i = 0; i < keys.length; i++) copy[keys[i]] = err[keys[i]];
  ObjectDefineProperty(copy, 'message', { value: err.message, writable: true, configurable: true });
  ObjectDefineProperty(copy, 'stack', { value: undefined, writable: true, configurable: true });
  return copy;
}

function inspectValue(v) {
  return inspect(v, {
    compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity,
    showHidden: false, sorted: true, getters: true, breakLength: Infinity
  });
}

function spaces(n) {
  return ArrayPrototypeJoin(new Array(n + 1), ' ');
}

function cutLines(lines) {
  if (lines.length > MAX_LINES) {
    lines = lines.slice(0, 46);
    lines.push('...');
  }
  return lines;
}

// Lines equal except that one of them ends with a comma count as the same.
function sameLine(a, e) {
  return a === e || (StringPrototypeSlice(a, -1) === ',' && StringPrototypeSlice(a, 0, -1) === e) ||
    (StringPrototypeSlice(e, -1) === ',' && StringPrototypeSlice(e, 0, -1) === a);
}

// The message of strictEqual / deepStrictEqual failures, as { header, body }.
// A caller's message replaces the header unless `fixed` is set.
function diffMessage(actual, expected, operator) {
  if (operator === 'strictEqual' && isObjectLike(actual) && isObjectLike(expected) &&
      typeof actual === typeof expected) {
    operator = 'strictEqualObject';
  }
  var header = headers[operator];
  var aText = inspectValue(actual), eText = inspectValue(expected);
  var aLines = StringPrototypeSplit(aText, '\n'), eLines = StringPrototypeSplit(eText, '\n');
  var caret = '';

  if (aLines.length === 1 && eLines.length === 1 && aText !== eText) {
    var total = aText.length + eText.length;
    if (total <= MAX_SHORT) {
      if (!isObjectLike(actual) && !isObjectLike(expected) && (actual !== 0 || expected !== 0)) {
        return { header: header, body: '\n\n' + aText + ' !== ' + eText + '\n' };
      }
    } else if (operator !== 'strictEqualObject' && total < 80) {
      var at = 0;
      while (at < aText.length && StringPrototypeCharAt(aText, at) === StringPrototypeCharAt(eText, at)) at++;
      if (at > 2) caret = '\n  ' + spaces(at) + '^';
    }
  }

  // Identical lines at the end are printed once, shortened when there are many.
  var tail = [];
  while (aLines.length > 0 && eLines.length > 0 && aLines[aLines.length - 1] === eLines[eLines.length - 1]) {
    ArrayPrototypeUnshift(tail, aLines.pop());
    eLines.pop();
  }
  if (aLines.length === 0 && eLines.length === 0) {
    var same = cutLines(StringPrototypeSplit(aText, '\n'));
    return {
      header: operator === 'strictEqualObject' ? headers.sameStructure : headers.notIdentical,
      body: '\n\n' + ArrayPrototypeJoin(same, '\n') + '\n',
      fixed: true
    };
  }

  var out = [], skipped = false;
  var pendingSame = [];   // identical lines not printed yet
  var plus = [], minus = [];
  var sinceChange = 0;    // identical lines in a row since the last change

  function flushChanges() {
    for (var i = 0; i < plus.length; i++) out.push('+ ' + plus[i]);
    for (var j = 0; j < minus.length; j++) out.push('- ' + minus[j]);
    plus = [];
    minus = [];
  }
  function flushSame() {
    // At most 2 lines of context before a change; the lines in between become '...'.
    if (pendingSame.length > 3) {
      out.push('...');
      skipped = true;
      pendingSame = pendingSame.slice(-2);
    }
    for (var i = 0; i < pendingSame.length; i++) out.push('  ' + pendingSame[i]);
    pendingSame = [];
  }

  var rows = MathMax(aLines.length, eLines.length);
  var printed = 0;
  for (var r = 0; r < rows; r++) {
    var a = r < aLines.length ? aLines[r] : undefined;
    var e = r < eLines.length ? eLines[r] : undefined;
    if (a !== undefined && e !== undefined && sameLine(a, e)) {
      flushChanges();
      if (StringPrototypeSlice(e, -1) === ',' && StringPrototypeSlice(a, -1) !== ',') a += ',';
      sinceChange++;
      if (sinceChange <= 2) {
        out.push('  ' + a);
        printed++;
      } else {
        pendingSame.push(a);
      }
    } else {
      printed += MathMin(pendingSame.length, 2);
      flushSame();
      sinceChange = 0;
      if (a !== undefined) { plus.push(a); printed++; }
      if (e !== undefined) { minus.push(e); printed++; }
    }
    if (printed > MAX_LINES && r < rows - 2) {
      // Too long: what was found so far, the pending expected lines, and dots.
      for (var p = 0; p < plus.length; p++) out.push('+ ' + plus[p]);
      out.push('...');
      for (var m = 0; m < minus.length; m++) out.push('- ' + minus[m]);
      out.push('...');
      return { header: header, body: '\n+ actual - expected ... Lines skipped\n\n' + ArrayPrototypeJoin(out, '\n') };
    }
  }
  flushChanges();
  // Identical lines left after the last change are not repeated (the tail follows).

  if (tail.length >= 5) {
    out.push('  ' + tail[0], '...');
    skipped = true;
    tail = tail.slice(-3);
  }
  for (var t = 0; t < tail.length; t++) out.push('  ' + tail[t]);

  return {
    header: header,
    body: '\n+ actual - expected' + (skipped ? ' ... Lines skipped' : '') + '\n\n' + ArrayPrototypeJoin(out, '\n') + caret
  };
}

function generatedMessage(actual, expected, operator) {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    var d = diffMessage(actual, expected, operator);
    return d.header + d.body;
  }
  var res, other;
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    var header = headers[operator];
    if (operator === 'notStrictEqual' && isObjectLike(actual)) header = headers.notStrictEqualObject;
    var lines = cutLines(StringPrototypeSplit(inspectValue(actual), '\n'));
    if (lines.length === 1) return header + (lines[0].length > 5 ? '\n\n' : ' ') + lines[0];
    return header + '\n\n' + ArrayPrototypeJoin(lines, '\n') + '\n';
  }
  res = inspectValue(actual);
  other = inspectValue(expected);
  if (operator === 'notDeepEqual' && res === other) {
    res = headers.notDeepEqual + '\n\n' + res;
    return res.length > 1024 ? StringPrototypeSlice(res, 0, 1021) + '...' : res;
  }
  if (res.length > 512) res = StringPrototypeSlice(res, 0, 509) + '...';
  if (other.length > 512) other = StringPrototypeSlice(other, 0, 509) + '...';
  if (operator === 'deepEqual') return headers.deepEqual + '\n\n' + res + '\n\nshould loosely deep-equal\n\n' + other;
  if (operator === 'notDeepEqual') {
    return headers.notDeepEqualUnequal + '\n\n' + res + '\n\nshould not loosely deep-equal\n\n' + other;
  }
  return res + ' ' + operator + ' ' + other;
}

// new AssertionError({ message, actual, expected, operator, stackStartFn })
function create(options) {
  if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'object', options);
  var message = options.message, operator = options.operator, text;
  var actual = options.actual, expected = options.expected;
  if (isErrorLike(actual) && isErrorLike(expected)) {
    // Two errors are shown (and kept) as copies without their stacks, as Node does.
    actual = withoutStack(actual);
    expected = withoutStack(expected);
  }
  if (message === undefined || message === null) {
    text = generatedMessage(actual, expected, operator);
  } else if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    // Node keeps the diff under a caller's message.
    if (message) {
      var d = diffMessage(actual, expected, operator);
      text = (d.fixed ? d.header : String(message)) + d.body;
    } else {
      text = generatedMessage(actual, expected, operator);
    }
  } else {
    text = String(message);
  }
  var err = newError('Error', text); // the engine's Error, whatever user code did to the global
  ObjectSetPrototypeOf(err, AssertionError.prototype);
  ObjectDefineProperty(err, 'name', { value: 'AssertionError', writable: true, configurable: true }); // own, as in Node
  if (typeof Error.captureStackTrace === 'function') {
    Error.captureStackTrace(err, options.stackStartFn || options.stackStartFunction || AssertionError);
  }
  err.generatedMessage = !message;
  err.code = 'ERR_ASSERTION';
  err.actual = actual;
  err.expected = expected;
  err.operator = operator;
  return err;
}
exports.create = create;
exports.isErrorLike = isErrorLike;

// Throws an AssertionError; a message that is an Error is thrown instead.
function fail(actual, expected, message, operator) {
  if (message instanceof Error) throw message;
  throw create({ actual: actual, expected: expected, message: message, operator: operator });
}
exports.failWith = fail;

// value is falsy (or missing)
function innerOk(argCount, value, message) {
  var generated = false;
  if (argCount === 0) {
    message = 'No value argument passed to `assert.ok()`';
    generated = true;
  } else if (message === undefined || message === null) {
    // Node quotes the source of the call here; the value is all we have.
    message = inspect(value) + ' == true';
    generated = true;
  } else if (message instanceof Error) {
    throw message;
  }
  var err = create({ actual: value, expected: true, message: message, operator: '==' });
  err.generatedMessage = generated;
  throw err;
}

function failFn(argc, actual, expected, message, operator) {
  if (argc === 0) message = 'Failed';
  else if (argc === 1) { message = actual; actual = undefined; }
  else {
    if (argc === 2) operator = '!=';
    if (!warnedLegacyFail) {
      warnedLegacyFail = true;
      warn('assert.fail() with more than one argument is deprecated. Please use assert.strictEqual() instead or only pass a message.', 'DEP0094');
    }
  }
  if (message instanceof Error) throw message;
  var err = create({
    actual: actual, expected: expected, operator: operator === undefined ? 'fail' : operator, message: message
  });
  if (argc === 0) err.generatedMessage = true;
  throw err;
}
var warnedLegacyFail = false;
function warn(msg, code) {
  if (typeof process === 'undefined' || typeof process.emitWarning !== 'function') return;
  var w = newError('Error', msg);
  w.name = 'DeprecationWarning';
  w.code = code;
  process.emitWarning(w);
}

function missingArgs() {
  return errors.codeError('ERR_MISSING_ARGS', 'The "actual" and "expected" arguments must be specified', 'TypeError');
}

// err is neither null nor undefined
function ifError(err) {
  var message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    if (err.message.length === 0 && err.constructor) message += err.constructor.name;
    else message += err.message;
  } else {
    message += inspect(err);
  }
  var e = create({ actual: err, expected: null, operator: 'ifError', message: message });
  e.generatedMessage = false;
  throw e;
}

// regexp did not test as wanted on string, or one of them is not what it should be
function matchFailed(name, string, regexp, message, wanted) {
  if (!(regexp instanceof RegExp)) throw errors.invalidArgType('regexp', 'an instance of RegExp', regexp);
  if (message instanceof Error) throw message;
  var generated = message === undefined || message === null;
  if (generated) {
    if (typeof string !== 'string') {
      message = errors.invalidArgType('string', 'string', string).message;
    } else {
      message = (wanted ? 'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
        inspect(regexp) + '. Input:\n\n' + inspect(string) + '\n';
    }
  }
  var err = create({ actual: string, expected: regexp, message: message, operator: name });
  err.generatedMessage = generated;
  throw err;
}

// The C check of assertion `op` failed (or its arguments are wrong): the first
// four arguments, argc, and for throws/doesNotThrow what the call of the block gave.
// The ops in modules/assert_binding.c's order:
var OPS = ['ok', 'equal', 'notEqual', 'strictEqual', 'notStrictEqual', 'deepEqual', 'notDeepEqual',
  'deepStrictEqual', 'notDeepStrictEqual', 'throws', 'doesNotThrow', 'ifError', 'fail', 'match', 'doesNotMatch'];

exports.fail = function (op, argc, a, b, c, d, actual, how, res) {
  var name = OPS[op];
  switch (name) {
    case 'ok': return innerOk(argc, a, b);
    case 'throws': return require('internal/assert_throws').throwsFailed(a, b, c, actual, how, res);
    case 'doesNotThrow': return require('internal/assert_throws').doesNotThrowFailed(a, b, c, actual, how);
    case 'ifError': return ifError(a);
    case 'fail': return failFn(argc, a, b, c, d);
    case 'match': return matchFailed(name, a, b, c, true);
    case 'doesNotMatch': return matchFailed(name, a, b, c, false);
  }
  if (argc < 2) throw missingArgs();
  fail(a, b, c, name === 'equal' ? '==' : name === 'notEqual' ? '!=' : name);
};
