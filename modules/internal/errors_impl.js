// Node-compatible error objects (internal/errors_impl, loaded through the stubs of
// internal/errors on the first): one place builds every coded error so that
// messages, classes and fields match Node v20 (see docs/errors.md).
'use strict';

function describe(v) {
  if (v === null) return 'Received null';
  if (v === undefined) return 'Received undefined';
  if (typeof v === 'function') return 'Received function ' + (v.name || '<anonymous>');
  if (typeof v === 'object') {
    if (v.constructor && v.constructor.name) return 'Received an instance of ' + v.constructor.name;
    return 'Received ' + typeof v;
  }
  var s = String(v);
  if (typeof v === 'string') s = "'" + (s.length > 25 ? StringPrototypeSlice(s, 0, 25) + '...' : s) + "'";
  return 'Received type ' + typeof v + ' (' + s + ')';
}

// The engine's own Error classes (core.newError), not the globals: user code may have
// replaced those.
var newError = process.binding('core').newError;
function coded(kind, code, message) {
  var e = newError(kind, message);
  e.code = code;
  return e;
}

// Classes of arguments, e.g. invalidArgType('chunk', 'string or an instance of Buffer or Uint8Array', value)
exports.invalidArgType = function (name, expected, actual) {
  var what = StringPrototypeIndexOf(name, '.') >= 0 ? 'The "' + name + '" property' : 'The "' + name + '" argument';
  return coded('TypeError', 'ERR_INVALID_ARG_TYPE',
    what + ' must be ' + (RegExpPrototypeTest(/^(an? |one of|of type )/, expected) ? '' : 'of type ') + expected + '. ' + describe(actual));
};
exports.invalidArgValue = function (name, value, reason) {
  return coded('TypeError', 'ERR_INVALID_ARG_VALUE',
    'The ' + (StringPrototypeIndexOf(name, '.') >= 0 ? 'property' : 'argument') + " '" + name + "' " +
    (reason || 'is invalid') + '. Received ' + safeString(value));
};
exports.invalidIPAddress = function (ip) {
  return coded('TypeError', 'ERR_INVALID_IP_ADDRESS', 'Invalid IP address: ' + ip);
};
exports.outOfRange = function (name, range, value) {
  return coded('RangeError', 'ERR_OUT_OF_RANGE',
    'The value of "' + name + '" is out of range. It must be ' + range + '. Received ' + safeString(value));
};
exports.missingArgs = function (names) {
  return coded('TypeError', 'ERR_MISSING_ARGS', 'The ' + names + ' argument must be specified');
};
exports.badPort = function (name, port) {
  return coded('RangeError', 'ERR_SOCKET_BAD_PORT',
    name + ' should be >= 0 and < 65536. Received ' + StringPrototypeReplace(describe(port), /^Received /, '') + '.');
};
exports.unknownEncoding = function (enc) {
  return coded('TypeError', 'ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + enc);
};
// Plain coded error: codeError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed')
exports.codeError = function (code, message, Base) {
  return coded(typeof Base === 'string' ? Base : Base ? Base.name : 'Error', code, message);
};

function safeString(v) {
  try {
    if (typeof v === 'string') return "'" + v + "'";
    if (typeof v === 'object' && v !== null) return require('internal/inspect').inspect(v); // loaded on first use
    return String(v);
  } catch (e) {
    if (e && e.code === 'ERR_MEMORY_ALLOCATION_FAILED') throw e; // out of memory stays the coded error it is
    return '[value]';
  }
}
// systemError (every system error, as libuv reports it to Node) is C: modules/errors_system.c.
