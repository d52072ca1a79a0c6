// Node-compatible error objects: one place builds every coded error so that
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
  if (typeof v === 'string') s = "'" + (s.length > 25 ? s.slice(0, 25) + '...' : s) + "'";
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
  var what = name.indexOf('.') >= 0 ? 'The "' + name + '" property' : 'The "' + name + '" argument';
  return coded('TypeError', 'ERR_INVALID_ARG_TYPE',
    what + ' must be ' + (/^(an? |one of|of type )/.test(expected) ? '' : 'of type ') + expected + '. ' + describe(actual));
};
exports.invalidArgValue = function (name, value, reason) {
  return coded('TypeError', 'ERR_INVALID_ARG_VALUE',
    'The ' + (name.indexOf('.') >= 0 ? 'property' : 'argument') + " '" + name + "' " +
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
    name + ' should be >= 0 and < 65536. Received ' + describe(port).replace(/^Received /, '') + '.');
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
  } catch (e) { return '[value]'; }
}

// Every system error is made here, as libuv reports it to Node: errno is the platform's
// number (Linux's on every board), code and description come from the one table
// (platform/platform_errors.h, through the core binding's errorName/errorText). extra: address/port (and a
// local end) for sockets, hostname for lookups; codeFirst gives the key order of Node's
// UVExceptionWithHostPort (listen) instead of exceptionWithHostPort's (connect).
exports.systemError = function (errno, syscall, extra) {
  var core = process.binding('core'), code = core.errorName(errno);
  var msg = syscall + ' ' + code;
  if (extra && extra.hostname !== undefined) {
    msg += ' ' + extra.hostname;
  } else if (extra && extra.address !== undefined) {
    msg += (syscall === 'listen' || syscall === 'bind' ? ': ' + core.errorText(errno) + ' ' : ' ') +
      extra.address + (extra.port !== undefined && extra.port !== -1 ? ':' + extra.port : '');
    if (extra.local) msg += ' - Local (' + extra.local + ')';
  }
  var e = new Error(msg);
  if (extra && extra.codeFirst) e.code = code;
  e.errno = errno;
  e.code = code;
  e.syscall = syscall;
  if (extra) {
    if (extra.hostname !== undefined) e.hostname = extra.hostname;
    if (extra.address !== undefined) e.address = extra.address;
    if (extra.port !== undefined) e.port = extra.port;
  }
  return e;
};
