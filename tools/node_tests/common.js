// Petrel's stand-in for Node's test/common/index.js, used by tools/node_tests/run.sh
// to run Node's own test/parallel/test-net-*.js under node and under Petrel alike.
// Our own code (ES5, loaded unlowered): only what those tests use. mustCall and
// friends check their call counts when the process exits, as Node's do.
'use strict';
var assert = require('assert');
var path = require('path');
var util = require('util');

var isWindows = process.platform === 'win32';
var checks = [];

function noop() {}

function callSite() {
  var s = String(new Error().stack || '').split('\n');
  // [0] "Error", [1] callSite, [2] mustCall/..., [3] the test's line
  for (var i = 1; i < s.length; i++) {
    if (/common[\\\/]index\.js/.test(s[i])) continue;
    if (/^\s*at /.test(s[i])) return s[i].replace(/^\s*at /, '');
  }
  return '(unknown)';
}

function inspect(v) {
  try { return util.inspect(v); } catch (e) { return String(v); }
}

function addCheck(fn, n, kind) {
  if (typeof fn === 'number') { n = fn; fn = noop; }
  else if (fn === undefined) fn = noop;
  if (n === undefined) n = 1;
  if (typeof n !== 'number' || typeof fn !== 'function')
    throw new TypeError('mustCall: bad arguments');
  var ctx = { kind: kind, expected: n, actual: 0, site: callSite(), name: fn.name || '<anonymous>' };
  checks.push(ctx);
  var wrapped = function () {
    ctx.actual++;
    return fn.apply(this, arguments);
  };
  try { Object.defineProperty(wrapped, 'length', { value: fn.length }); } catch (e) { /* ES5 */ }
  try { Object.defineProperty(wrapped, 'name', { value: fn.name }); } catch (e) { /* ES5 */ }
  return wrapped;
}

function mustCall(fn, exact) { return addCheck(fn, exact, 'exactly'); }
function mustCallAtLeast(fn, min) { return addCheck(fn, min, 'at least'); }

function mustSucceed(fn, exact) {
  return mustCall(function (err) {
    assert.ifError(err);
    if (typeof fn === 'function') return fn.apply(this, Array.prototype.slice.call(arguments, 1));
  }, exact);
}

function mustNotCall(msg) {
  var site = callSite();
  return function mustNotCall() {
    var args = Array.prototype.slice.call(arguments);
    var info = args.length ? '\ncalled with arguments: ' + args.map(inspect).join(', ') : '';
    assert.fail((msg || 'function should not have been called') + ' at ' + site + info);
  };
}

function expectsError(validator, exact) {
  return mustCall(function () {
    if (arguments.length !== 1) assert.fail('Expected one argument, got ' + inspect(Array.prototype.slice.call(arguments)));
    var error = arguments[0];
    // As node's: the error message should be non-enumerable.
    assert.strictEqual(Object.prototype.propertyIsEnumerable.call(error, 'message'), false);
    assert.throws(function () { throw error; }, validator);
    return true;
  }, exact);
}

var warningChecks;
function makeWarningCheck(name, expected, code) {
  if (typeof expected === 'string') expected = [[expected, code]];
  else if (!Array.isArray(expected)) expected = Object.keys(expected).map(function (k) { return [expected[k], k]; });
  else if (!Array.isArray(expected[0])) expected = [[expected[0], expected[1]]];
  if (name === 'DeprecationWarning') expected.forEach(function (e) { assert(e[1], 'deprecation code'); });
  return mustCall(function (warning) {
    var e = expected.shift();
    if (!e) assert.fail('Unexpected extra warning received: ' + warning);
    assert.strictEqual(warning.name, name);
    if (typeof e[0] === 'string') assert.strictEqual(warning.message, e[0]);
    else assert.match(warning.message, e[0]);
    assert.strictEqual(warning.code, e[1]);
  }, expected.length);
}
// expectWarning(name, message, code) or expectWarning({ name: ... }), as node's.
function expectWarning(nameOrMap, expected, code) {
  if (warningChecks === undefined) {
    warningChecks = {};
    process.on('warning', function (warning) {
      if (!warningChecks[warning.name])
        throw new TypeError('"' + warning.name + '" was triggered without being expected.\n' + inspect(warning));
      warningChecks[warning.name](warning);
    });
  }
  if (typeof nameOrMap === 'string') warningChecks[nameOrMap] = makeWarningCheck(nameOrMap, expected, code);
  else Object.keys(nameOrMap).forEach(function (n) { warningChecks[n] = makeWarningCheck(n, nameOrMap[n]); });
}

process.on('exit', function () {
  var bad = checks.filter(function (c) {
    return c.kind === 'exactly' ? c.actual !== c.expected : c.actual < c.expected;
  });
  if (!bad.length) return;
  bad.forEach(function (c) {
    console.error('Mismatched ' + c.name + ' function calls. Expected ' + c.kind + ' ' +
      c.expected + ', actual ' + c.actual + '. (' + c.site + ')');
  });
  process.exitCode = 1;
});

function skip(msg) {
  console.log('1..0 # Skipped: ' + msg);
  process.exit(0);
}

function platformTimeout(ms) { return ms; }

function invalidArgTypeHelper(input) {
  if (input == null) return ' Received ' + input;
  if (typeof input === 'function' && input.name) return ' Received function ' + input.name;
  if (typeof input === 'object') {
    if (input.constructor && input.constructor.name) return ' Received an instance of ' + input.constructor.name;
    return ' Received ' + util.inspect(input, { depth: -1 });
  }
  var s = util.inspect(input, { colors: false });
  if (s.length > 28) s = s.slice(0, 25) + '...';
  return ' Received type ' + typeof input + ' (' + s + ')';
}

var hasIPv6;
if (process.env.NODE_TEST_HAS_IPV6 !== undefined) {
  hasIPv6 = process.env.NODE_TEST_HAS_IPV6 === '1';
} else {
  try {
    var ifs = require('os').networkInterfaces();
    hasIPv6 = Object.keys(ifs).some(function (n) {
      return /lo/.test(n) && ifs[n].some(function (a) { return a.family === 'IPv6'; });
    });
  } catch (e) { hasIPv6 = false; }
}

var defaultAutoSelectFamilyAttemptTimeout = platformTimeout(2500);
var net = require('net');
if (typeof net.setDefaultAutoSelectFamilyAttemptTimeout === 'function')
  net.setDefaultAutoSelectFamilyAttemptTimeout(defaultAutoSelectFamilyAttemptTimeout);

var tmpdir = require('./tmpdir');

module.exports = {
  mustCall: mustCall,
  mustCallAtLeast: mustCallAtLeast,
  mustSucceed: mustSucceed,
  mustNotCall: mustNotCall,
  expectsError: expectsError,
  expectWarning: expectWarning,
  invalidArgTypeHelper: invalidArgTypeHelper,
  platformTimeout: platformTimeout,
  skip: skip,
  defaultAutoSelectFamilyAttemptTimeout: defaultAutoSelectFamilyAttemptTimeout,
  PORT: +process.env.NODE_COMMON_PORT || 12346,
  PIPE: path.join(tmpdir.path, 'node-test.' + (process.pid || 0) + '.sock'),
  localhostIPv4: '127.0.0.1',
  hasIPv6: hasIPv6,
  hasCrypto: Boolean(process.versions && process.versions.openssl) && !process.env.NODE_SKIP_CRYPTO,
  isWindows: isWindows,
  isSunOS: process.platform === 'sunos',
  isAIX: process.platform === 'aix',
  isIBMi: process.platform === 'os400',
  isLinux: process.platform === 'linux',
  isOSX: process.platform === 'darwin',
  isFreeBSD: process.platform === 'freebsd',
  inFreeBSDJail: false,
  isMainThread: true
};
