// The wording of Buffer's errors (Node v20's), loaded with the first one: the C
// side (modules/buffer_binding.c, buffer_methods.c, buffer_numbers.c) calls
// buffer.js's fail(kind, name, value, a, b), which calls this; kinds are
// BF_* in modules/buffer_binding.h.
'use strict';
var errors = require('internal/errors');

function numberText(v) {
  // Node writes integers beyond 2 ** 32 with _ separators: 4_294_967_296
  var s = '' + v;
  if (isFinite(v) && v === MathFloor(v) && MathAbs(v) > 4294967296 && StringPrototypeIndexOf(s, 'e') < 0) {
    var sign = v < 0 ? '-' : '', digits = sign ? StringPrototypeSlice(s, 1) : s, parts = [];
    while (digits.length > 3) {
      ArrayPrototypeUnshift(parts, StringPrototypeSlice(digits, -3));
      digits = StringPrototypeSlice(digits, 0, -3);
    }
    ArrayPrototypeUnshift(parts, digits);
    return sign + ArrayPrototypeJoin(parts, '_');
  }
  if (v === 0 && 1 / v < 0) return '-0';
  return s;
}

function outOfRange(name, range, value) {
  if (typeof value === 'number') {
    return errors.codeError('ERR_OUT_OF_RANGE',
      'The value of "' + name + '" is out of range. It must be ' + range + '. Received ' + numberText(value), 'RangeError');
  }
  return errors.outOfRange(name, range, value);
}

function outOfBounds(name) {
  return errors.codeError('ERR_BUFFER_OUT_OF_BOUNDS',
    name ? '"' + name + '" is outside of buffer bounds' : 'Attempt to access memory outside buffer bounds', 'RangeError');
}

var newError = process.binding('core').newError; // the engine's class (see errors.js)
module.exports = function bufferError(kind, name, value, a, b) {
  switch (kind) {
    case 0: return errors.invalidArgType(name, a || 'number', value);
    case 1: return outOfRange(name, 'an integer', value);
    case 2: return outOfRange(name, '>= ' + a + ' and <= ' + b, value);
    case 3: return outOfBounds();
    case 4: return outOfRange(name, '>= -(2 ** ' + a + ') and < 2 ** ' + a, value);
    case 5: return outOfRange(name, '>= 0 and < 2 ** ' + a, value);
    case 6: return errors.codeError('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of ' + a + '-bits', 'RangeError');
    case 7: return outOfRange(name, '>= ' + a + ' && <= ' + b, value);
    case 8: return outOfRange(name, '>= ' + a, value);
    case 9: return outOfBounds(name);
    case 10: return errors.unknownEncoding(value);
    case 11: return errors.codeError('ERR_INVALID_ARG_TYPE', 'argument must be a string', 'TypeError');
    case 12:
      if (value instanceof Uint8Array) {
        return errors.codeError('ERR_INVALID_ARG_VALUE', "The argument 'value' is invalid. Received " +
          (Buffer.isBuffer(value) ? '<Buffer >' : 'Uint8Array(0) []'), 'TypeError');
      }
      return errors.invalidArgValue('value', value);
    case 13: return newError('RangeError', 'Invalid typed array length: ' + value);
    case 14: return newError('RangeError', 'Start offset ' + value + ' is outside the bounds of the buffer');
    case 15: return errors.codeError('ERR_OUT_OF_RANGE', 'Index out of range', 'RangeError');
  }
  var e = errors.invalidArgType('first argument',
    'string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object', value);
  e.message = StringPrototypeReplace(e.message, 'The "first argument" argument', 'The first argument');
  return e;
};
