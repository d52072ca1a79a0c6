// Buffer: Node's API on Uint8Array. A Buffer is a Uint8Array whose prototype is
// Buffer.prototype (C code makes them the same way: petrel_push_buffer_object).
// UTF-8 goes through Duktape's native TextEncoder/TextDecoder (WHATWG
// replacement rules, surrogate pairs), hex and base64 through Duktape.enc/dec.
'use strict';
var errors = require('internal/errors');

var kMaxLength = 0x7fffffff;
var encoder = new TextEncoder();
var decoder = new TextDecoder();
var nativeCodec = typeof Duktape === 'object' ? Duktape : null;

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw errors.invalidArgType('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Buffer.prototype = Object.create(Uint8Array.prototype, {
  constructor: { value: Buffer, writable: true, configurable: true }
});
Buffer.prototype._isBuffer = true;
Object.defineProperty(Buffer.prototype, 'parent', { get: function () { return this.buffer; } });

// Wraps bytes as a Buffer without copying.
function wrap(u8) {
  Object.setPrototypeOf(u8, Buffer.prototype);
  return u8;
}
function make(size) { return wrap(new Uint8Array(size)); }

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === '') return 'utf8';
  switch (String(enc).toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'hex': return 'hex';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'ascii': return 'ascii';
    case 'latin1': case 'binary': return 'latin1';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    default: return null;
  }
}
function checkEncoding(enc) {
  var e = normalizeEncoding(enc);
  if (e === null) throw errors.unknownEncoding(enc);
  return e;
}

// ---- codecs ----------------------------------------------------------------
function cleanBase64(s) {
  // Node's decoder is lenient: url-safe letters, whitespace and junk are ignored,
  // padding is optional and decoding stops at the first '='.
  var eq = s.indexOf('=');
  if (eq >= 0) s = s.slice(0, eq);
  s = s.replace(/-/g, '+').replace(/_/g, '/').replace(/[^A-Za-z0-9+\/]/g, '');
  if (s.length % 4 === 1) s = s.slice(0, -1);
  while (s.length % 4) s += '=';
  return s;
}

function hexPrefixLength(s) {
  var n = 0;
  while (n + 1 < s.length && /[0-9a-fA-F]/.test(s.charAt(n)) && /[0-9a-fA-F]/.test(s.charAt(n + 1))) n += 2;
  return n;
}

function encodeString(str, enc) {
  var i, u8, n;
  switch (enc) {
    case 'utf8':
      return encoder.encode(str);
    case 'hex':
      n = hexPrefixLength(str);
      if (!n) return new Uint8Array(0);
      return new Uint8Array(nativeCodec.dec('hex', str.slice(0, n)));
    case 'base64':
    case 'base64url':
      var clean = cleanBase64(str);
      return clean ? new Uint8Array(nativeCodec.dec('base64', clean)) : new Uint8Array(0);
    case 'latin1':
    case 'ascii':
      u8 = new Uint8Array(str.length);
      for (i = 0; i < str.length; i++) u8[i] = str.charCodeAt(i) & 0xff;
      return u8;
    case 'utf16le':
      u8 = new Uint8Array(str.length * 2);
      for (i = 0; i < str.length; i++) {
        var c = str.charCodeAt(i);
        u8[2 * i] = c & 0xff;
        u8[2 * i + 1] = c >> 8;
      }
      return u8;
  }
  throw errors.unknownEncoding(enc);
}

function chunkedFromCharCode(u8, start, end, mask) {
  var parts = [];
  for (var i = start; i < end; i += 4096) {
    var stop = Math.min(end, i + 4096);
    var codes = new Array(stop - i);
    for (var j = i; j < stop; j++) codes[j - i] = u8[j] & mask;
    parts.push(String.fromCharCode.apply(null, codes));
  }
  return parts.join('');
}

function decodeBytes(u8, enc, start, end) {
  var view = start === 0 && end === u8.length ? u8 : u8.subarray(start, end);
  switch (enc) {
    case 'utf8':
      return decoder.decode(view);
    case 'hex':
      return view.length ? nativeCodec.enc('hex', view) : '';
    case 'base64':
      return view.length ? nativeCodec.enc('base64', view) : '';
    case 'base64url':
      return view.length ? nativeCodec.enc('base64', view).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : '';
    case 'latin1':
      return chunkedFromCharCode(u8, start, end, 0xff);
    case 'ascii':
      return chunkedFromCharCode(u8, start, end, 0x7f);
    case 'utf16le':
      var parts = [];
      for (var i = start; i + 1 < end; i += 2) parts.push(String.fromCharCode(u8[i] | (u8[i + 1] << 8)));
      return parts.join('');
  }
  throw errors.unknownEncoding(enc);
}

function byteLengthOf(str, enc) {
  switch (enc) {
    case 'utf8': return encoder.encode(str).length;
    case 'hex': return str.length >>> 1;
    case 'base64':
    case 'base64url':
      var n = str.length;
      while (n > 0 && str.charCodeAt(n - 1) === 0x3d) n--;
      return (n * 3) >>> 2;
    case 'latin1': case 'ascii': return str.length;
    case 'utf16le': return str.length * 2;
  }
  return encodeString(str, enc).length;
}

// ---- static API ------------------------------------------------------------
function checkSize(size) {
  if (typeof size !== 'number') throw errors.invalidArgType('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw errors.outOfRange('size', '>= 0 && <= ' + kMaxLength, size);
}

Buffer.alloc = function (size, fill, encoding) {
  checkSize(size);
  var b = make(size);
  if (fill !== undefined && fill !== 0 && size > 0) b.fill(fill, 0, size, encoding);
  return b;
};
Buffer.allocUnsafe = function (size) { checkSize(size); return make(size); };
Buffer.allocUnsafeSlow = Buffer.allocUnsafe;

Buffer.from = function (value, encodingOrOffset, length) {
  if (typeof value === 'string') return wrap(encodeString(value, checkEncoding(encodingOrOffset)));
  if (value instanceof ArrayBuffer) {
    var off = encodingOrOffset === undefined ? 0 : +encodingOrOffset || 0;
    if (off > value.byteLength) throw errors.codeError('ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds', RangeError);
    var len = length === undefined ? value.byteLength - off : +length || 0;
    if (off + len > value.byteLength) throw errors.codeError('ERR_BUFFER_OUT_OF_BOUNDS', '"length" is outside of buffer bounds', RangeError);
    return wrap(new Uint8Array(value, off, len));
  }
  if (value instanceof Uint8Array || (value && ArrayBuffer.isView && ArrayBuffer.isView(value))) {
    var src = value instanceof Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    var copy = make(src.length);
    copy.set(src);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    if (Array.isArray(value) || typeof value.length === 'number') {
      var n = value.length >>> 0, a = make(n);
      for (var i = 0; i < n; i++) a[i] = value[i] & 255;
      return a;
    }
    if (value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data);
    if (typeof value.valueOf === 'function') {
      var prim = value.valueOf();
      if (prim !== value && prim !== null && prim !== undefined) return Buffer.from(prim, encodingOrOffset, length);
    }
  }
  throw errors.invalidArgType('first argument',
    'one of type string, Buffer, ArrayBuffer, Array, or Array-like Object', value);
};

Buffer.isBuffer = function (b) { return b instanceof Buffer; };
Buffer.isEncoding = function (enc) { return typeof enc === 'string' && enc !== '' && normalizeEncoding(enc) !== null; };
Buffer.byteLength = function (value, encoding) {
  if (typeof value !== 'string') {
    if (value instanceof ArrayBuffer || (value && typeof value.byteLength === 'number')) return value.byteLength;
    throw errors.invalidArgType('string', 'of type string or an instance of Buffer or ArrayBuffer', value);
  }
  return byteLengthOf(value, normalizeEncoding(encoding) || 'utf8');
};
Buffer.concat = function (list, totalLength) {
  if (!Array.isArray(list)) throw errors.invalidArgType('list', 'an instance of Array', list);
  var i, sum = 0;
  for (i = 0; i < list.length; i++) {
    if (!(list[i] instanceof Uint8Array)) throw errors.invalidArgType('list[' + i + ']', 'an instance of Buffer or Uint8Array', list[i]);
    sum += list[i].length;
  }
  if (totalLength === undefined) totalLength = sum;
  var out = make(totalLength), pos = 0;
  for (i = 0; i < list.length && pos < totalLength; i++) {
    var b = list[i];
    if (pos + b.length > totalLength) b = b.subarray(0, totalLength - pos);
    out.set(b, pos);
    pos += b.length;
  }
  return out;
};
function compareBytes(a, b) {
  var n = Math.min(a.length, b.length);
  for (var i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
Buffer.compare = function (a, b) {
  if (!(a instanceof Uint8Array)) throw errors.invalidArgType('buf1', 'an instance of Buffer or Uint8Array', a);
  if (!(b instanceof Uint8Array)) throw errors.invalidArgType('buf2', 'an instance of Buffer or Uint8Array', b);
  return compareBytes(a, b);
};
Buffer.poolSize = 8192;

// ---- instance API ----------------------------------------------------------
function clampIndex(v, len, dflt) {
  if (v === undefined) return dflt;
  v = +v || 0;
  if (v < 0) v = 0;
  return v > len ? len : Math.floor(v);
}

Buffer.prototype.toString = function (encoding, start, end) {
  if (arguments.length === 0) return decoder.decode(this);
  var enc = checkEncoding(encoding);
  start = clampIndex(start, this.length, 0);
  end = clampIndex(end, this.length, this.length);
  if (end <= start) return '';
  return decodeBytes(this, enc, start, end);
};
Buffer.prototype.toLocaleString = Buffer.prototype.toString;
Buffer.prototype.toJSON = function () {
  return { type: 'Buffer', data: Array.prototype.slice.call(this) };
};
Buffer.prototype.equals = function (other) {
  if (!(other instanceof Uint8Array)) throw errors.invalidArgType('otherBuffer', 'an instance of Buffer or Uint8Array', other);
  return this === other || compareBytes(this, other) === 0;
};
Buffer.prototype.compare = function (target, tStart, tEnd, sStart, sEnd) {
  if (!(target instanceof Uint8Array)) throw errors.invalidArgType('target', 'an instance of Buffer or Uint8Array', target);
  var t = target.subarray(tStart || 0, tEnd === undefined ? target.length : tEnd);
  var s = this.subarray(sStart || 0, sEnd === undefined ? this.length : sEnd);
  return compareBytes(s, t);
};
Buffer.prototype.slice = function (start, end) {
  var len = this.length;
  start = start === undefined ? 0 : Math.floor(+start || 0);
  end = end === undefined ? len : Math.floor(+end || 0);
  if (start < 0) start = Math.max(len + start, 0); else if (start > len) start = len;
  if (end < 0) end = Math.max(len + end, 0); else if (end > len) end = len;
  if (end < start) end = start;
  return wrap(new Uint8Array(this.buffer, this.byteOffset + start, end - start));
};
Buffer.prototype.subarray = Buffer.prototype.slice;
Buffer.prototype.copy = function (target, targetStart, sourceStart, sourceEnd) {
  if (!(target instanceof Uint8Array)) throw errors.invalidArgType('target', 'an instance of Buffer or Uint8Array', target);
  targetStart = clampIndex(targetStart, target.length, 0);
  sourceStart = clampIndex(sourceStart, this.length, 0);
  sourceEnd = clampIndex(sourceEnd, this.length, this.length);
  var n = Math.min(sourceEnd - sourceStart, target.length - targetStart);
  if (n <= 0) return 0;
  // subarray + set handles overlapping ranges of the same memory correctly
  target.set(this.subarray(sourceStart, sourceStart + n), targetStart);
  return n;
};
Buffer.prototype.fill = function (value, offset, end, encoding) {
  if (typeof offset === 'string') { encoding = offset; offset = 0; end = this.length; }
  else if (typeof end === 'string') { encoding = end; end = this.length; }
  offset = offset === undefined ? 0 : offset;
  end = end === undefined ? this.length : end;
  if (typeof offset !== 'number' || offset < 0 || offset > this.length) throw errors.outOfRange('offset', '>= 0 && <= ' + this.length, offset);
  if (typeof end !== 'number' || end < 0 || end > this.length) throw errors.outOfRange('end', '>= 0 && <= ' + this.length, end);
  if (end <= offset) return this;
  var i;
  if (typeof value === 'number') {
    var v = value & 255;
    for (i = offset; i < end; i++) this[i] = v;
    return this;
  }
  var bytes = typeof value === 'string' ? encodeString(value, checkEncoding(encoding)) :
    value instanceof Uint8Array ? value : encodeString(String(value), 'utf8');
  if (typeof value === 'boolean') bytes = [value ? 1 : 0];
  if (bytes.length === 0) {
    if (typeof value === 'string' && value.length === 0) { for (i = offset; i < end; i++) this[i] = 0; return this; }
    throw errors.codeError('ERR_INVALID_ARG_VALUE', 'The argument \'value\' is invalid.', TypeError);
  }
  for (i = offset; i < end; i++) this[i] = bytes[(i - offset) % bytes.length];
  return this;
};

function searchBytes(hay, needle, from, backwards) {
  var n = needle.length, last = hay.length - n;
  if (n === 0) return from <= hay.length ? Math.min(from, hay.length) : hay.length;
  var first = needle[0];
  if (!backwards) {
    for (var i = from < 0 ? 0 : from; i <= last; i++) {
      if (hay[i] !== first) continue;
      var j = 1;
      while (j < n && hay[i + j] === needle[j]) j++;
      if (j === n) return i;
    }
  } else {
    for (var k = Math.min(from, last); k >= 0; k--) {
      if (hay[k] !== first) continue;
      var m = 1;
      while (m < n && hay[k + m] === needle[m]) m++;
      if (m === n) return k;
    }
  }
  return -1;
}
function indexOfImpl(buf, value, byteOffset, encoding, backwards) {
  if (typeof byteOffset === 'string') { encoding = byteOffset; byteOffset = undefined; }
  var len = buf.length;
  var from = byteOffset === undefined ? (backwards ? len : 0) : +byteOffset;
  if (from !== from) from = backwards ? len : 0;
  if (from < 0) from = len + from;
  if (from < 0) { if (backwards) return -1; from = 0; }
  var needle;
  if (typeof value === 'number') needle = [value & 255];
  else if (typeof value === 'string') needle = encodeString(value, checkEncoding(encoding));
  else if (value instanceof Uint8Array) needle = value;
  else throw errors.invalidArgType('value', 'one of type number or string or an instance of Buffer or Uint8Array', value);
  if (!backwards && from >= len) return needle.length === 0 ? len : -1;
  return searchBytes(buf, needle, Math.floor(from), backwards);
}
Buffer.prototype.indexOf = function (value, byteOffset, encoding) { return indexOfImpl(this, value, byteOffset, encoding, false); };
Buffer.prototype.lastIndexOf = function (value, byteOffset, encoding) { return indexOfImpl(this, value, byteOffset, encoding, true); };
Buffer.prototype.includes = function (value, byteOffset, encoding) { return this.indexOf(value, byteOffset, encoding) !== -1; };

Buffer.prototype.write = function (string, offset, length, encoding) {
  if (typeof string !== 'string') throw errors.invalidArgType('argument', 'string', string);
  if (typeof offset === 'string') { encoding = offset; offset = 0; length = this.length; }
  else if (typeof length === 'string') { encoding = length; length = undefined; }
  offset = offset === undefined ? 0 : offset >>> 0;
  if (offset > this.length) throw errors.outOfRange('offset', '>= 0 && <= ' + this.length, offset);
  var max = this.length - offset;
  if (length === undefined || length > max) length = max;
  var enc = checkEncoding(encoding);
  var bytes = encodeString(string, enc);
  var n = Math.min(bytes.length, length);
  if (enc === 'utf8' && n < bytes.length) {
    while (n > 0 && (bytes[n] & 0xc0) === 0x80) n--; // never write half a character
  }
  this.set(bytes.subarray(0, n), offset);
  return n;
};

Buffer.prototype.swap16 = function () { return swap(this, 2); };
Buffer.prototype.swap32 = function () { return swap(this, 4); };
Buffer.prototype.swap64 = function () { return swap(this, 8); };
function swap(b, size) {
  if (b.length % size !== 0) {
    throw errors.codeError('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of ' + (size * 8) + '-bits', RangeError);
  }
  for (var i = 0; i < b.length; i += size) {
    for (var j = 0; j < size / 2; j++) {
      var t = b[i + j];
      b[i + j] = b[i + size - 1 - j];
      b[i + size - 1 - j] = t;
    }
  }
  return b;
}

// ---- numbers ---------------------------------------------------------------
function checkOffset(buf, offset, size) {
  if (offset === undefined) offset = 0;
  if (typeof offset !== 'number') throw errors.invalidArgType('offset', 'number', offset);
  if (offset !== Math.floor(offset)) throw errors.outOfRange('offset', 'an integer', offset);
  if (offset < 0 || offset + size > buf.length) {
    if (buf.length - size < 0) {
      throw errors.codeError('ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds', RangeError);
    }
    throw errors.outOfRange('offset', '>= 0 and <= ' + (buf.length - size), offset);
  }
  return offset;
}
function checkValue(value, min, max) {
  if (typeof value !== 'number') throw errors.invalidArgType('value', 'number', value);
  if (value > max || value < min || value !== value) {
    throw errors.outOfRange('value', '>= ' + min + ' and <= ' + max, value);
  }
}
function dv(buf) { return new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }

function defineInt(name, size, signed, getter, setter) {
  var min = signed ? -Math.pow(2, size * 8 - 1) : 0;
  var max = signed ? Math.pow(2, size * 8 - 1) - 1 : Math.pow(2, size * 8) - 1;
  ['LE', 'BE'].forEach(function (end) {
    if (size === 1 && end === 'BE') return;
    var suffix = size === 1 ? '' : end;
    var little = end === 'LE';
    Buffer.prototype['read' + name + suffix] = function (offset) {
      offset = checkOffset(this, offset, size);
      return dv(this)[getter](offset, little);
    };
    Buffer.prototype['write' + name + suffix] = function (value, offset) {
      offset = checkOffset(this, offset, size);
      checkValue(value, min, max);
      dv(this)[setter](offset, value, little);
      return offset + size;
    };
  });
}
defineInt('UInt8', 1, false, 'getUint8', 'setUint8');
defineInt('Int8', 1, true, 'getInt8', 'setInt8');
defineInt('UInt16', 2, false, 'getUint16', 'setUint16');
defineInt('Int16', 2, true, 'getInt16', 'setInt16');
defineInt('UInt32', 4, false, 'getUint32', 'setUint32');
defineInt('Int32', 4, true, 'getInt32', 'setInt32');
['readUInt8', 'writeUInt8', 'readUInt16LE', 'readUInt16BE', 'writeUInt16LE', 'writeUInt16BE',
 'readUInt32LE', 'readUInt32BE', 'writeUInt32LE', 'writeUInt32BE'].forEach(function (m) {
  Buffer.prototype[m.replace('UInt', 'Uint')] = Buffer.prototype[m];
});
['Float', 'Double'].forEach(function (kind) {
  var size = kind === 'Float' ? 4 : 8;
  ['LE', 'BE'].forEach(function (end) {
    Buffer.prototype['read' + kind + end] = function (offset) {
      offset = checkOffset(this, offset, size);
      return dv(this)['get' + (size === 4 ? 'Float32' : 'Float64')](offset, end === 'LE');
    };
    Buffer.prototype['write' + kind + end] = function (value, offset) {
      offset = checkOffset(this, offset, size);
      if (typeof value !== 'number') throw errors.invalidArgType('value', 'number', value);
      dv(this)['set' + (size === 4 ? 'Float32' : 'Float64')](offset, value, end === 'LE');
      return offset + size;
    };
  });
});
function checkByteLength(byteLength) {
  if (typeof byteLength !== 'number' || byteLength < 1 || byteLength > 6 || byteLength !== Math.floor(byteLength)) {
    throw errors.outOfRange('byteLength', '>= 1 and <= 6', byteLength);
  }
}
Buffer.prototype.readUIntLE = function (offset, byteLength) {
  checkByteLength(byteLength);
  offset = checkOffset(this, offset, byteLength);
  var v = 0, mul = 1;
  for (var i = 0; i < byteLength; i++, mul *= 256) v += this[offset + i] * mul;
  return v;
};
Buffer.prototype.readUIntBE = function (offset, byteLength) {
  checkByteLength(byteLength);
  offset = checkOffset(this, offset, byteLength);
  var v = 0;
  for (var i = 0; i < byteLength; i++) v = v * 256 + this[offset + i];
  return v;
};
Buffer.prototype.readIntLE = function (offset, byteLength) {
  var v = this.readUIntLE(offset, byteLength), lim = Math.pow(2, 8 * byteLength - 1);
  return v >= lim ? v - 2 * lim : v;
};
Buffer.prototype.readIntBE = function (offset, byteLength) {
  var v = this.readUIntBE(offset, byteLength), lim = Math.pow(2, 8 * byteLength - 1);
  return v >= lim ? v - 2 * lim : v;
};
Buffer.prototype.writeUIntLE = function (value, offset, byteLength) {
  checkByteLength(byteLength);
  offset = checkOffset(this, offset, byteLength);
  checkValue(value, 0, Math.pow(2, 8 * byteLength) - 1);
  for (var i = 0; i < byteLength; i++) { this[offset + i] = value % 256; value = Math.floor(value / 256); }
  return offset + byteLength;
};
Buffer.prototype.writeUIntBE = function (value, offset, byteLength) {
  checkByteLength(byteLength);
  offset = checkOffset(this, offset, byteLength);
  checkValue(value, 0, Math.pow(2, 8 * byteLength) - 1);
  for (var i = byteLength - 1; i >= 0; i--) { this[offset + i] = value % 256; value = Math.floor(value / 256); }
  return offset + byteLength;
};

function writeSigned(buf, value, offset, byteLength, little) {
  checkByteLength(byteLength);
  var lim = Math.pow(2, 8 * byteLength - 1);
  checkValue(value, -lim, lim - 1);
  if (value < 0) value += 2 * lim;
  return little ? buf.writeUIntLE(value, offset, byteLength) : buf.writeUIntBE(value, offset, byteLength);
}
Buffer.prototype.writeIntLE = function (value, offset, byteLength) { return writeSigned(this, value, offset, byteLength, true); };
Buffer.prototype.writeIntBE = function (value, offset, byteLength) { return writeSigned(this, value, offset, byteLength, false); };

module.exports = {
  Buffer: Buffer,
  SlowBuffer: Buffer,
  kMaxLength: kMaxLength,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 0x3fffffff },
  INSPECT_MAX_BYTES: 50
};
