// Argument checks with Node v20's codes and messages (its lib/internal/validators.js
// semantics), shared by the built-in modules; the errors themselves are made by
// internal/errors.js. Each returns nothing and throws on a bad value.
'use strict';
var errors = require('internal/errors');

function range(min, max) {
  return (min != null ? '>= ' + min : '') + (min != null && max != null ? ' && ' : '') +
    (max != null ? '<= ' + max : '');
}

exports.validateString = function (value, name) {
  if (typeof value !== 'string') throw errors.invalidArgType(name, 'string', value);
};

exports.validateBoolean = function (value, name) {
  if (typeof value !== 'boolean') throw errors.invalidArgType(name, 'boolean', value);
};

exports.validateFunction = function (value, name) {
  if (typeof value !== 'function') throw errors.invalidArgType(name, 'function', value);
};

exports.validateNumber = function (value, name, min, max) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) ||
      ((min != null || max != null) && value !== value)) {
    throw errors.outOfRange(name, range(min, max), value);
  }
};

exports.validateInt32 = function (value, name, min, max) {
  if (min === undefined) min = -2147483648;
  if (max === undefined) max = 2147483647;
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (value % 1 !== 0 || !isFinite(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw errors.outOfRange(name, range(min, max), value);
};

// An AbortSignal, or anything shaped like one (Petrel has no AbortController of its own).
exports.validateAbortSignal = function (signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw errors.invalidArgType(name, 'an instance of AbortSignal', signal);
  }
};

// A port: a number or numeric string in 0..65535 (ERR_SOCKET_BAD_PORT); returns it as a number.
exports.validatePort = function (port, name) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) || +port > 0xffff) {
    throw errors.badPort(name || 'Port', port);
  }
  return +port | 0;
};
