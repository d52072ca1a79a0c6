// Buffer: Node v20's API on Uint8Array, with the codecs in C
// (process.binding('buffer'): modules/buffer_binding.c + buffer_codec.c).
//
// A Buffer is a Uint8Array whose prototype is Buffer.prototype, itself
// inheriting from Uint8Array.prototype, so `buf instanceof Uint8Array`,
// `buf instanceof Buffer` and Buffer.isBuffer(buf) all hold. Duktape 2.7 has no
// typed-array subclassing (class syntax, Reflect.construct with a newTarget:
// "unsupported"), so each instance gets its prototype after it is made.
// Measured on linux (-O2, FASTINT), best of 5 x 300k:
//   new Uint8Array(16)                              0.26 us
//   new Uint8Array(16) + Object.setPrototypeOf      0.41 us  (__proto__ = : 0.40)
//   binding.alloc(16): made in C, prototype set     0.25 us  (0.30 when C looked
//     Buffer.prototype up in the stash on each call; it now keeps a heap pointer)
//   u8.subarray(2, 8) + Object.setPrototypeOf       0.36 us
//   new Uint8Array(ab, 2, 8) + Object.setPrototypeOf 0.49 us
// So every Buffer with new memory (alloc, from(string), concat, copies) is made
// by C with its prototype already set, and views (slice, subarray) use
// Uint8Array's native subarray plus one setPrototypeOf.
'use strict';
var errors = require('internal/errors');
var binding = process.binding('buffer');

// Encoding numbers shared with the C side (PB_* in modules/buffer_codec.h).
var ENC_UTF8 = 0, ENC_UCS2 = 1, ENC_LATIN1 = 2, ENC_ASCII = 3, ENC_BASE64 = 4, ENC_BASE64URL = 5, ENC_HEX = 6;

var kMaxLength = binding.kMaxLength;
var kStringMaxLength = binding.kStringMaxLength;
var setProto = Object.setPrototypeOf;
var trunc = Math.trunc;
var floor = Math.floor;

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw errors.invalidArgType('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

var proto = Buffer.prototype = Object.create(Uint8Array.prototype, {
  constructor: { value: Buffer, writable: true, configurable: true }
});
// util.inspect prints anything marked this way as <Buffer xx xx>.
Object.defineProperty(proto, '_isBuffer', { value: true });
binding.setPrototype(proto);
// C code that makes Buffers (socket data) gives them this prototype.
process.binding('core').setBufferPrototype(proto);

// A Uint8Array made in JS becomes a Buffer (no copy).
function wrap(u8) {
  setProto(u8, proto);
  return u8;
}

// ---- encodings ----------------------------------------------------------------
function exactEncoding(enc) {
  switch (enc) {
    case 'utf8': case 'utf-8': return ENC_UTF8;
    case 'hex': return ENC_HEX;
    case 'base64': return ENC_BASE64;
    case 'latin1': case 'binary': return ENC_LATIN1;
    case 'ascii': return ENC_ASCII;
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return ENC_UCS2;
    case 'base64url': return ENC_BASE64URL;
  }
  return -1;
}

// Node's getEncodingOps: any value as a case-insensitive name; -1 if unknown.
function encodingOf(enc) {
  var e = exactEncoding(enc);
  return e >= 0 ? e : exactEncoding(('' + enc).toLowerCase());
}

// Node's normalizeEncoding: undefined, null and '' mean utf8; -1 if unknown
// (callers tell a non-string from an unknown name).
function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === '') return ENC_UTF8;
  if (typeof enc !== 'string') return -1;
  return encodingOf(enc);
}

// ---- argument checks (Node's messages) ---------------------------------------------
function numberText(v) {
  // Node writes integers beyond 2 ** 32 with _ separators: 4_294_967_296
  var s = '' + v;
  if (isFinite(v) && v === floor(v) && Math.abs(v) > 4294967296 && s.indexOf('e') < 0) {
    var sign = v < 0 ? '-' : '', digits = sign ? s.slice(1) : s, parts = [];
    while (digits.length > 3) {
      parts.unshift(digits.slice(-3));
      digits = digits.slice(0, -3);
    }
    parts.unshift(digits);
    return sign + parts.join('_');
  }
  if (v === 0 && 1 / v < 0) return '-0';
  return s;
}

function outOfRange(name, range, value) {
  if (typeof value === 'number') {
    return errors.codeError('ERR_OUT_OF_RANGE',
      'The value of "' + name + '" is out of range. It must be ' + range + '. Received ' + numberText(value), RangeError);
  }
  return errors.outOfRange(name, range, value);
}

function outOfBounds(name) {
  return errors.codeError('ERR_BUFFER_OUT_OF_BOUNDS',
    name ? '"' + name + '" is outside of buffer bounds' : 'Attempt to access memory outside buffer bounds', RangeError);
}

// An integer in [min, max] (Node's validateOffset).
function validateOffset(value, name, min, max) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (value !== floor(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, '>= ' + min + ' && <= ' + max, value);
}

function validateSize(size) {
  if (typeof size !== 'number') throw errors.invalidArgType('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw outOfRange('size', '>= 0 && <= ' + kMaxLength, size);
}

function isUint8Array(v) {
  return v instanceof Uint8Array;
}

var BUF_OR_U8 = 'an instance of Buffer or Uint8Array';

// ---- making Buffers ------------------------------------------------------------------
Buffer.poolSize = 8192;

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  var buf = binding.alloc(size);
  if (fill !== undefined && fill !== 0 && buf.length > 0) fillImpl(buf, fill, 0, buf.length, encoding);
  return buf;
};

// Memory is always zeroed: Petrel has no pool of recycled bytes to hand out.
Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return binding.alloc(size);
};
Buffer.allocUnsafeSlow = Buffer.allocUnsafe;

function SlowBuffer(size) {
  validateSize(size);
  return binding.alloc(size);
}
SlowBuffer.prototype = proto;

function fromString(string, encoding) {
  var enc = ENC_UTF8;
  if (typeof encoding === 'string' && encoding.length !== 0) {
    enc = encodingOf(encoding);
    if (enc < 0) throw errors.unknownEncoding(encoding);
  }
  return binding.fromString(string, enc);
}

function copyOf(u8) {
  var n = u8.length, buf = binding.alloc(n);
  if (n) binding.copy(u8, buf, 0, 0, n);
  return buf;
}

function fromArrayLike(obj) {
  if (isUint8Array(obj)) return copyOf(obj);
  var n = +obj.length;
  if (!(n > 0)) return binding.alloc(0);
  n = floor(n);
  if (n > kMaxLength) throw new RangeError('Invalid typed array length: ' + n);
  if (ArrayBuffer.isView(obj)) return wrap(new Uint8Array(obj)); // typed arrays convert natively
  var buf = binding.alloc(n);
  for (var i = 0; i < n; i++) buf[i] = obj[i];
  return buf;
}

function fromArrayBuffer(ab, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (byteOffset !== byteOffset) byteOffset = 0;
  }
  var maxLength = ab.byteLength - byteOffset;
  if (maxLength < 0) throw outOfBounds('offset');
  if (byteOffset < 0) throw new RangeError('Start offset ' + byteOffset + ' is outside the bounds of the buffer');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw outOfBounds('length');
    } else {
      length = 0;
    }
  }
  return wrap(new Uint8Array(ab, floor(byteOffset), floor(length)));
}

function fromObject(obj) {
  if (obj.length !== undefined || obj.buffer instanceof ArrayBuffer) {
    if (typeof obj.length !== 'number') return binding.alloc(0);
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (value instanceof ArrayBuffer) return fromArrayBuffer(value, encodingOrOffset, length);
    var valueOf = value.valueOf && value.valueOf();
    if (valueOf !== null && valueOf !== undefined && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    var b = fromObject(value);
    if (b) return b;
    if (typeof Symbol === 'function' && typeof value[Symbol.toPrimitive] === 'function') {
      var primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  var e = errors.invalidArgType('first argument',
    'string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object', value);
  e.message = e.message.replace('The "first argument" argument', 'The first argument');
  throw e;
};

Buffer.of = function of() {
  var buf = binding.alloc(arguments.length);
  for (var i = 0; i < arguments.length; i++) buf[i] = arguments[i];
  return buf;
};

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.isEncoding = function isEncoding(enc) {
  return typeof enc === 'string' && enc.length !== 0 && encodingOf(enc) >= 0;
};

function base64ByteLength(str) {
  var n = str.length;
  if (n > 0 && str.charCodeAt(n - 1) === 0x3d) n--;
  if (n > 1 && str.charCodeAt(n - 1) === 0x3d) n--;
  return (n * 3) >>> 2;
}

// Node's figures: exact for utf8, latin1, ascii and utf16le, an upper bound
// (from the length alone) for hex and base64.
Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || string instanceof ArrayBuffer) return string.byteLength;
    throw errors.invalidArgType('string', 'string or an instance of Buffer or ArrayBuffer', string);
  }
  var n = string.length;
  if (n === 0) return 0;
  var enc = encoding ? encodingOf(encoding) : ENC_UTF8;
  switch (enc) {
    case ENC_LATIN1: case ENC_ASCII: return n;
    case ENC_UCS2: return n * 2;
    case ENC_HEX: return n >>> 1;
    case ENC_BASE64: case ENC_BASE64URL: return base64ByteLength(string);
  }
  return binding.byteLength(string, ENC_UTF8);
};

Buffer.concat = function concat(list, length) {
  var i;
  if (!Array.isArray(list)) throw errors.invalidArgType('list', 'an instance of Array', list);
  if (list.length === 0) return binding.alloc(0);
  if (length === undefined) {
    length = 0;
    for (i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length', 0, kMaxLength);
  }
  var buf = binding.alloc(length), pos = 0;
  for (i = 0; i < list.length; i++) {
    var b = list[i];
    if (!isUint8Array(b)) throw errors.invalidArgType('list[' + i + ']', BUF_OR_U8, b);
    pos += binding.copy(b, buf, pos, 0, b.length);
  }
  return buf; // zero-filled past pos
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw errors.invalidArgType('buf1', BUF_OR_U8, buf1);
  if (!isUint8Array(buf2)) throw errors.invalidArgType('buf2', BUF_OR_U8, buf2);
  return buf1 === buf2 ? 0 : binding.compare(buf1, buf2);
};

// ---- strings ---------------------------------------------------------------------------
proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return binding.toString(this, ENC_UTF8);
  var len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = trunc(end) || 0;
  if (end <= start) return '';
  if (encoding === undefined) return binding.toString(this, ENC_UTF8, start, end);
  var enc = encodingOf(encoding);
  if (enc < 0) throw errors.unknownEncoding(encoding);
  return binding.toString(this, enc, start, end);
};
proto.toLocaleString = proto.toString;

proto.write = function write(string, offset, length, encoding) {
  var len = this.length, enc;
  if (offset === undefined) {
    // write(string): everything, whatever length says
    offset = 0;
    length = len;
  } else if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    offset = 0;
    length = len;
  } else {
    validateOffset(offset, 'offset', 0, len);
    var remaining = len - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, len);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding) {
    enc = ENC_UTF8;
  } else {
    enc = encodingOf(encoding);
    if (enc < 0) throw errors.unknownEncoding(encoding);
  }
  if (typeof string !== 'string') throw errors.codeError('ERR_INVALID_ARG_TYPE', 'argument must be a string', TypeError);
  return binding.write(this, string, offset, length, enc);
};

proto.toJSON = function toJSON() {
  var n = this.length, data = new Array(n);
  for (var i = 0; i < n; i++) data[i] = this[i];
  return { type: 'Buffer', data: data };
};

// latin1Slice(start, end), hexWrite(string, offset, length) ...: Node's
// per-encoding methods, which some modules call directly.
function sliceRange(buf, start, end) {
  var len = buf.length;
  start = start === undefined ? 0 : trunc(+start) || 0;
  end = end === undefined ? len : trunc(+end) || 0;
  if (start < 0 || end < 0 || start > len || end > len) {
    throw errors.codeError('ERR_OUT_OF_RANGE', 'Index out of range', RangeError);
  }
  return end < start ? start : end;
}
function defineCodecMethods(name, enc) {
  proto[name + 'Slice'] = function (start, end) {
    var s = start === undefined ? 0 : trunc(+start) || 0;
    var e = sliceRange(this, start, end);
    return binding.toString(this, enc, s, e);
  };
  proto[name + 'Write'] = function (string, offset, length) {
    if (typeof string !== 'string') throw errors.codeError('ERR_INVALID_ARG_TYPE', 'argument must be a string', TypeError);
    var len = this.length;
    offset = offset === undefined ? 0 : trunc(+offset) || 0;
    if (offset < 0 || offset > len) throw outOfBounds('offset');
    length = length === undefined ? len - offset : trunc(+length) || 0;
    if (length < 0) throw outOfBounds('length');
    return binding.write(this, string, offset, Math.min(length, len - offset), enc);
  };
}
defineCodecMethods('utf8', ENC_UTF8);
defineCodecMethods('ucs2', ENC_UCS2);
defineCodecMethods('latin1', ENC_LATIN1);
defineCodecMethods('ascii', ENC_ASCII);
defineCodecMethods('base64', ENC_BASE64);
defineCodecMethods('base64url', ENC_BASE64URL);
defineCodecMethods('hex', ENC_HEX);

// ---- comparing, copying, views --------------------------------------------------------------
proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) throw errors.invalidArgType('otherBuffer', BUF_OR_U8, otherBuffer);
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return this.byteLength === 0 || binding.compare(this, otherBuffer) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw errors.invalidArgType('target', BUF_OR_U8, target);
  if (arguments.length === 1) return binding.compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart', 0, kMaxLength);
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart', 0, kMaxLength);
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  return binding.compare(this, target, sourceStart, sourceEnd, targetStart, targetEnd);
};

// Node's toInteger for copy(): NaN and values beyond 2 ** 53 give the default.
function toInteger(n, dflt) {
  n = +n;
  if (n === n && n >= -9007199254740991 && n <= 9007199254740991) return n % 1 === 0 ? n : floor(n);
  return dflt;
}

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw errors.invalidArgType('target', BUF_OR_U8, target);
  var len = this.length;
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw outOfRange('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > len) throw outOfRange('sourceStart', '>= 0 && <= ' + len, sourceStart);
  }
  if (sourceEnd === undefined) {
    sourceEnd = len;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw outOfRange('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  return binding.copy(this, target, targetStart, sourceStart, sourceEnd);
};

// slice and subarray share memory; negative indices count from the end.
var nativeSubarray = Uint8Array.prototype.subarray;
proto.slice = function slice(start, end) {
  return wrap(nativeSubarray.call(this, start, end));
};
proto.subarray = proto.slice;

Object.defineProperty(proto, 'parent', {
  get: function () { return this instanceof Buffer ? this.buffer : undefined; }, configurable: true
});
Object.defineProperty(proto, 'offset', {
  get: function () { return this instanceof Buffer ? this.byteOffset : undefined; }, configurable: true
});

// ---- fill ------------------------------------------------------------------------------------
function invalidFillValue(value) {
  if (isUint8Array(value)) {
    return errors.codeError('ERR_INVALID_ARG_VALUE', "The argument 'value' is invalid. Received " +
      (value instanceof Buffer ? '<Buffer >' : 'Uint8Array(0) []'), TypeError);
  }
  return errors.invalidArgValue('value', value);
}

function fillImpl(buf, value, offset, end, encoding) {
  var enc = ENC_UTF8;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    enc = normalizeEncoding(encoding);
    if (enc < 0) {
      if (typeof encoding !== 'string') throw errors.invalidArgType('encoding', 'string', encoding);
      throw errors.unknownEncoding(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      var code = value.charCodeAt(0);
      if ((enc === ENC_UTF8 && code < 128) || enc === ENC_LATIN1) value = code;
    }
  } else if (!ArrayBuffer.isView(value) && typeof value !== 'number') {
    value = +value; // true -> 1, {} -> 0 (Node's Uint32Value)
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset', 0, kMaxLength);
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (binding.fill(buf, value, offset, end, enc) < 0) throw invalidFillValue(value);
  return buf;
}

proto.fill = function fill(value, offset, end, encoding) {
  return fillImpl(this, value, offset, end, encoding);
};

// ---- search ----------------------------------------------------------------------------------
function indexOfImpl(buf, val, byteOffset, encoding, forward) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset; // null, [] -> 0; undefined, {} -> NaN: the whole buffer
  if (byteOffset !== byteOffset) byteOffset = forward ? 0 : buf.length;
  if (typeof val === 'number') return binding.indexOf(buf, val >>> 0, byteOffset, forward, ENC_UTF8);
  var enc = encoding === undefined ? ENC_UTF8 : encodingOf(encoding);
  if (typeof val === 'string') {
    if (enc < 0) throw errors.unknownEncoding(encoding);
    return binding.indexOf(buf, val, byteOffset, forward, enc);
  }
  if (isUint8Array(val)) return binding.indexOf(buf, val, byteOffset, forward, enc < 0 ? ENC_UTF8 : enc);
  throw errors.invalidArgType('value', 'one of type number or string or an instance of Buffer or Uint8Array', val);
}

proto.indexOf = function indexOf(value, byteOffset, encoding) {
  return indexOfImpl(this, value, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) {
  return indexOfImpl(this, value, byteOffset, encoding, false);
};
proto.includes = function includes(value, byteOffset, encoding) {
  return indexOfImpl(this, value, byteOffset, encoding, true) !== -1;
};

// ---- numbers and byte order ------------------------------------------------------------------
// readUInt8 ... writeDoubleBE, their readUint*/writeUint* aliases and swap16/32/64
// are light functions in C (modules/buffer_numbers.c: ~60 JS functions cost ~30 KB
// of heap on a board). They check in Node's order; this makes Node's errors.
binding.numberMethods(proto, function numberError(kind, name, value, a, b) {
  switch (kind) {
    case 0: return errors.invalidArgType(name, 'number', value);
    case 1: return outOfRange(name, 'an integer', value);
    case 2: return outOfRange(name, '>= ' + a + ' and <= ' + b, value);
    case 3: return outOfBounds();
    case 4: return outOfRange(name, '>= -(2 ** ' + a + ') and < 2 ** ' + a, value);
    case 5: return outOfRange(name, '>= 0 and < 2 ** ' + a, value);
  }
  return errors.codeError('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of ' + a + '-bits', RangeError);
});

// ---- module functions ----------------------------------------------------------------------------
function checkBytesInput(input) {
  if (!(ArrayBuffer.isView(input) || input instanceof ArrayBuffer)) {
    throw errors.invalidArgType('input', 'an instance of ArrayBuffer, Buffer, or TypedArray', input);
  }
}
function isUtf8(input) {
  checkBytesInput(input);
  return binding.isUtf8(input);
}
function isAscii(input) {
  checkBytesInput(input);
  return binding.isAscii(input);
}

module.exports = {
  Buffer: Buffer,
  SlowBuffer: SlowBuffer,
  isUtf8: isUtf8,
  isAscii: isAscii,
  kMaxLength: kMaxLength,
  kStringMaxLength: kStringMaxLength,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  INSPECT_MAX_BYTES: 50
};