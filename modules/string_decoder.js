// StringDecoder: turns Buffers into strings without splitting multi-byte characters.
'use strict';
var Buffer = require('buffer').Buffer;
var errors = require('internal/errors');

function normalize(enc) {
  var e = StringPrototypeToLowerCase(String(enc === undefined || enc === null ? 'utf8' : enc));
  switch (e) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'ascii': case 'hex': return e;
    default: throw errors.unknownEncoding(enc);
  }
}

function StringDecoder(encoding) {
  this.encoding = normalize(encoding);
  this.pending = null; // bytes of an incomplete character / group
}

// How many bytes at the end of buf belong to an unfinished unit of the encoding.
function incompleteTail(enc, buf) {
  var n = buf.length;
  if (enc === 'utf16le') return n % 2;
  if (enc === 'base64' || enc === 'base64url') return n % 3;
  if (enc !== 'utf8') return 0;
  for (var back = 1; back <= 3 && back <= n; back++) {
    var b = buf[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    var need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

StringDecoder.prototype.write = function (buf) {
  if (typeof buf === 'string') return buf;
  if (!(buf instanceof Uint8Array)) throw errors.invalidArgType('buf', 'an instance of Buffer or Uint8Array', buf);
  if (!(buf instanceof Buffer)) buf = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength); // not isBuffer: user code may replace it
  if (this.pending) {
    buf = Buffer.concat([this.pending, buf]);
    this.pending = null;
  }
  var keep = incompleteTail(this.encoding, buf);
  if (keep) {
    this.pending = Buffer.from(buf.slice(buf.length - keep));
    buf = buf.slice(0, buf.length - keep);
  }
  return buf.length ? buf.toString(this.encoding) : '';
};

StringDecoder.prototype.end = function (buf) {
  var s = buf !== undefined ? this.write(buf) : '';
  if (this.pending) {
    s += this.pending.toString(this.encoding);
    this.pending = null;
  }
  return s;
};

StringDecoder.prototype.text = function (buf, offset) { return this.write(buf.slice(offset)); };

module.exports = { StringDecoder: StringDecoder };
