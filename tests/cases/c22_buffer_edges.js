// Buffer's edge cases against Node v20 (#17: Buffer's methods moved to C): offsets
// that are negative, NaN, fractional, strings or out of range; every encoding
// name (case-folded, unknown, non-string); hex with odd length, base64 with
// whitespace and url characters, latin1/ascii/ucs2; indexOf with byte offsets
// beyond the length, negative, a number value, an empty needle. Errors print
// their class, code and message (kMaxLength differs by platform: masked).
'use strict';
var B = require('buffer');
function show(v) {
  if (v instanceof Uint8Array) return (Buffer.isBuffer(v) ? 'Buffer' : 'U8') + '[' + Array.prototype.join.call(v, ',') + ']';
  if (typeof v === 'string') return quote(v);
  if (Array.isArray(v)) return '[' + v.map(show).join(',') + ']';
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
function quote(s) {
  return '"' + s.replace(/[^\x20-\x7e]|["\\]/g, function (c) {
    var h = c.charCodeAt(0).toString(16);
    return '\\u' + '0000'.slice(h.length) + h;
  }) + '"';
}
var n = 0;
function t(label, fn) {
  var r;
  try { r = show(fn()); } catch (e) { r = 'THROW ' + e.name + (e.code ? ' ' + e.code + ' ' + e.message.replace(/<= (4294967296|2147483646)\b/, '<= kMaxLength') : ''); }
  console.log((n++) + ' ' + label + ' => ' + r);
}
var b = Buffer.from('hello world');
var encs = ['utf8', 'UTF8', 'utf-8', 'hex', 'HEX', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'UTF-16LE', 'nope', '', null, undefined, 5, {}];
// from
t('from str', function () { return Buffer.from('héllo'); });
encs.forEach(function (e) { t('from abc ' + show(e), function () { return Buffer.from('abcd', e); }); });
t('from hex odd', function () { return Buffer.from('abc', 'hex'); });
t('from hex bad', function () { return Buffer.from('zz12', 'hex'); });
t('from hex mid bad', function () { return Buffer.from('12zz34', 'hex'); });
t('from b64 ws', function () { return Buffer.from(' aGVs\nbG8= ', 'base64'); });
t('from b64 url chars', function () { return Buffer.from('_-8', 'base64'); });
t('from b64url', function () { return Buffer.from('aGk_-w==', 'base64url'); });
t('from b64 pad mid', function () { return Buffer.from('aG=k', 'base64'); });
t('from latin1', function () { return Buffer.from('\u00ff\u0100\u4e00', 'latin1'); });
t('from ascii', function () { return Buffer.from('\u00ff\u0100', 'ascii'); });
t('from ucs2', function () { return Buffer.from('ab\u4e00', 'ucs2'); });
t('from surrogate', function () { return Buffer.from('a\ud800b'); });
t('from array', function () { return Buffer.from([1, 2, 300, -1, 1.7, 'x', '7', null]); });
t('from arraylike', function () { return Buffer.from({ length: 3, 0: 5, 1: 6 }); });
t('from arraylike str len', function () { return Buffer.from({ length: '3', 0: 5 }); });
t('from arraylike neg', function () { return Buffer.from({ length: -1 }); });
t('from arraylike frac', function () { return Buffer.from({ length: 2.7, 0: 1, 1: 2, 2: 3 }); });
t('from json', function () { return Buffer.from({ type: 'Buffer', data: [1, 2, 3] }); });
t('from json bad', function () { return Buffer.from({ type: 'Buffer', data: 'x' }); });
t('from u8', function () { return Buffer.from(new Uint8Array([1, 2])); });
t('from u16', function () { return Buffer.from(new Uint16Array([1, 258])); });
t('from buf copy', function () { var x = Buffer.from([1]); var y = Buffer.from(x); y[0] = 9; return x; });
var ab = new ArrayBuffer(8); new Uint8Array(ab).set([1, 2, 3, 4, 5, 6, 7, 8]);
[[undefined, undefined], [2, undefined], [2, 3], ['2', '3'], [NaN, NaN], [9, undefined], [8, undefined], [-1, undefined], [2, 7], [2, -1], [2.7, 2.2], [0, 0], [null, null]].forEach(function (a) {
  t('from ab ' + show(a[0]) + ',' + show(a[1]), function () { return Buffer.from(ab, a[0], a[1]); });
});
t('from ab shares', function () { var x = Buffer.from(ab, 1, 2); x[0] = 42; return new Uint8Array(ab)[1]; });
[123, null, undefined, true, function named() {}, Symbol('s')].forEach(function (v) {
  t('from bad ' + typeof v, function () { return Buffer.from(v); });
});
t('from {}', function () { return Buffer.from({}); });
t('from String obj', function () { return Buffer.from(new String('abc')); });
t('from valueOf str', function () { return Buffer.from({ valueOf: function () { return 'xyz'; } }); });
t('from valueOf arr', function () { return Buffer.from({ valueOf: function () { return [1, 2]; } }); });
t('from toPrimitive', function () { var o = {}; o[Symbol.toPrimitive] = function (h) { return 'p' + h; }; return Buffer.from(o); });
t('from toPrimitive hex', function () { var o = {}; o[Symbol.toPrimitive] = function (h) { return 'ab'; }; return Buffer.from(o, 'hex'); });
t('from of', function () { return Buffer.of(1, 256, 'x'); });
// alloc
[-1, 0, 3, 2.5, NaN, '3', null, Infinity].forEach(function (v) {
  t('alloc ' + show(v), function () { return Buffer.alloc(v); });
  t('allocUnsafe ' + show(v), function () { return Buffer.allocUnsafe(v).length; });
});
t('alloc fill str', function () { return Buffer.alloc(5, 'ab'); });
t('alloc fill hex', function () { return Buffer.alloc(5, 'abc', 'hex'); });
t('alloc fill hex bad', function () { return Buffer.alloc(5, 'zz', 'hex'); });
t('alloc fill num', function () { return Buffer.alloc(3, 257); });
t('alloc fill buf', function () { return Buffer.alloc(5, Buffer.from([1, 2])); });
t('alloc fill empty buf', function () { return Buffer.alloc(5, Buffer.alloc(0)); });
t('alloc fill empty u8', function () { return Buffer.alloc(5, new Uint8Array(0)); });
t('alloc fill bad enc', function () { return Buffer.alloc(5, 'a', 'nope'); });
t('alloc fill enc num', function () { return Buffer.alloc(5, 'a', 5); });
t('alloc fill true', function () { return Buffer.alloc(3, true); });
t('alloc fill ucs2', function () { return Buffer.alloc(5, '\u4e00', 'ucs2'); });
t('alloc fill latin1 single', function () { return Buffer.alloc(3, '\u00e9', 'latin1'); });
t('alloc fill utf8 single', function () { return Buffer.alloc(3, '\u00e9'); });
// byteLength
['', 'abc', 'h\u00e9', '\ud800', 'aGVsbG8=', 'aGVsbG8', 'abc'].forEach(function (s) {
  encs.forEach(function (e) { t('byteLength ' + show(s) + ' ' + show(e), function () { return Buffer.byteLength(s, e); }); });
});
t('byteLength buf', function () { return Buffer.byteLength(Buffer.alloc(3)); });
t('byteLength ab', function () { return Buffer.byteLength(new ArrayBuffer(5)); });
t('byteLength dv', function () { return Buffer.byteLength(new DataView(new ArrayBuffer(6))); });
t('byteLength u16', function () { return Buffer.byteLength(new Uint16Array(3)); });
t('byteLength num', function () { return Buffer.byteLength(5); });
// isEncoding, isBuffer
encs.concat(['UTF-8', 'Binary', 'utf 8']).forEach(function (e) { t('isEncoding ' + show(e), function () { return Buffer.isEncoding(e); }); });
[b, new Uint8Array(1), {}, null, Object.create(Buffer.prototype)].forEach(function (v, i) { t('isBuffer ' + i, function () { return Buffer.isBuffer(v); }); });
// concat
t('concat', function () { return Buffer.concat([Buffer.from('ab'), new Uint8Array([1]), Buffer.alloc(0)]); });
t('concat len', function () { return Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3); });
t('concat len more', function () { return Buffer.concat([Buffer.from('ab')], 5); });
t('concat len bad', function () { return Buffer.concat([Buffer.from('ab')], -1); });
t('concat len str', function () { return Buffer.concat([Buffer.from('ab')], '1'); });
t('concat len frac', function () { return Buffer.concat([Buffer.from('ab')], 1.5); });
t('concat empty', function () { return Buffer.concat([]); });
t('concat empty len bad', function () { return Buffer.concat([], 'x'); });
t('concat bad', function () { return Buffer.concat([Buffer.from('a'), 'b']); });
t('concat bad2', function () { return Buffer.concat([Buffer.from('a'), [1]]); });
t('concat notarr', function () { return Buffer.concat(Buffer.from('a')); });
t('concat null elem', function () { return Buffer.concat([null]); });
// compare
t('compare', function () { return Buffer.compare(Buffer.from('a'), Buffer.from('b')); });
t('compare eq', function () { return Buffer.compare(b, b); });
t('compare bad', function () { return Buffer.compare(b, 'x'); });
t('compare bad1', function () { return Buffer.compare('x', b); });
// toString
[[], ['utf8'], ['hex', 1, 3], ['hex', -1, 100], ['utf8', 3], ['utf8', 20], ['utf8', 3, 2], ['utf8', 1.7, 4.2], ['utf8', '1', '3'], ['utf8', NaN, NaN],
 ['utf8', null, null], ['utf8', 0, undefined], ['nope'], ['nope', 5, 3], [null], [undefined, 2], ['base64'], ['base64url'], ['ucs2'], ['ucs2', 0, 3], ['latin1'], ['ascii'], ['UCS-2'], [5]].forEach(function (a) {
  t('toString ' + show(a), function () { return b.toString.apply(b, a); });
});
t('toString ascii high', function () { return Buffer.from([0xe9, 0x41, 0xff]).toString('ascii'); });
t('toString latin1 high', function () { return Buffer.from([0xe9, 0x41, 0xff]).toString('latin1'); });
t('toString utf8 bad', function () { return Buffer.from([0xe9, 0x41, 0xff, 0xf0, 0x9f]).toString(); });
t('toString ucs2 odd', function () { return Buffer.from([0x41, 0, 0x42]).toString('ucs2'); });
t('toLocaleString', function () { return b.toLocaleString('hex'); });
// write
[['xy'], ['xy', 2], ['xy', 2, 1], ['xy', 'hex'], ['abcd', 'hex'], ['xy', 2, 'latin1'], ['xy', 11], ['xy', 12], ['xy', -1], ['xy', 1.5], ['xy', '1'], ['xy', 0, 20],
 ['xy', 0, -1], ['xy', 0, 1, 'nope'], ['xy', 'nope'], [5], [5, 0], [null], ['\u4e00\u4e00', 8], ['\u4e00', 10], ['abc', 9, 'ucs2'], ['zz', 'hex'], ['a', 0, 1, null], ['xy', undefined, 1], ['xy', 0, undefined, 'hex']].forEach(function (a) {
  t('write ' + show(a), function () { var x = Buffer.alloc(11); var r = x.write.apply(x, a); return r + ' ' + show(x); });
});
// codec methods
['utf8', 'ucs2', 'latin1', 'ascii', 'base64', 'base64url', 'hex'].forEach(function (e) {
  [[], [1, 3], [3, 1], [-1], [0, 12], ['1', '2'], [NaN, 5], [1.9, 4.9], [undefined, 4]].forEach(function (a) {
    t(e + 'Slice ' + show(a), function () { return b[e + 'Slice'].apply(b, a); });
  });
  [['ab'], ['ab', 3], ['ab', 3, 1], ['ab', 11], ['ab', 12], ['ab', -1], ['ab', 0, -1], [5], ['ab', NaN, NaN], ['abcdef', 8, 100]].forEach(function (a) {
    t(e + 'Write ' + show(a), function () { var x = Buffer.alloc(11); var r = x[e + 'Write'].apply(x, a); return r + ' ' + show(x); });
  });
});
// toJSON
t('toJSON', function () { return JSON.stringify(Buffer.from([1, 2, 3])); });
t('toJSON empty', function () { return Buffer.alloc(0).toJSON(); });
// equals
t('equals', function () { return b.equals(Buffer.from('hello world')); });
t('equals u8', function () { return Buffer.from([1]).equals(new Uint8Array([1])); });
t('equals diff', function () { return b.equals(Buffer.from('hello')); });
t('equals bad', function () { return b.equals('hello world'); });
// compare method
var c = Buffer.from('abcdef'), d = Buffer.from('cdx');
[[d], [d, 0], [d, 0, 2, 2, 4], [d, 1, 3, 3, 5], [d, 4], [d, -1], [d, 1.5], [d, '1'], [d, 0, 4], [d, 0, 3, 0, 7], [d, 0, 0, 0, 0], [d, 0, 1, 3, 3], [d, 2, 1], [d, undefined, undefined, 2], [d, 100]].forEach(function (a, i) {
  t('compare m ' + i, function () { return c.compare.apply(c, a); });
});
t('compare m bad', function () { return c.compare('x'); });
// copy
[[0], [2], [0, 2], [0, 2, 4], [-1], [0, -1], [0, 7], [0, 6], [0, 0, -1], [1.5, 0.5, 2.5], [NaN, NaN, NaN], ['1', '1', '3'], [100], [0, 3, 1], [0, 0, 100], [2147483648], [0, 0, 1e20], [-0.5], [Infinity]].forEach(function (a) {
  t('copy ' + show(a), function () { var x = Buffer.alloc(4); var args = [x].concat(a); var r = c.copy.apply(c, args); return r + ' ' + show(x); });
});
t('copy bad', function () { return c.copy('x'); });
t('copy overlap', function () { var x = Buffer.from('abcdef'); x.copy(x, 1, 0, 4); return x.toString(); });
// slice
[[], [1], [1, 3], [-2], [-100, 100], [3, 1], ['1', '3'], [NaN, 2], [1.5, 3.5], [undefined, -1]].forEach(function (a) {
  t('slice ' + show(a), function () { return b.slice.apply(b, a); });
  t('subarray ' + show(a), function () { return b.subarray.apply(b, a); });
});
t('slice shares', function () { var x = Buffer.from('abc'); x.slice(1)[0] = 0x5a; return x.toString(); });
t('parent', function () { return b.parent === b.buffer && b.offset === b.byteOffset; });
t('parent u8', function () { return Object.getOwnPropertyDescriptor(Buffer.prototype, 'parent').get.call(new Uint8Array(1)); });
// fill
[[1], [257], [-1], ['a'], ['ab'], ['ab', 1], ['ab', 1, 4], ['ab', 'hex'], ['abc', 'hex'], ['zz', 'hex'], ['', 0], ['a', 1, 'latin1'], ['a', 'nope'], ['a', 0, 'nope'], ['a', 0, 3, 'nope'],
 ['a', 0, 3, 5], [1, -1], [1, 0, 20], [1, 2, 1], [1, 1.5], [1, '1'], [true], [{}], [null], [undefined], [NaN], [Buffer.from([7, 8])], [Buffer.alloc(0)], [new Uint8Array(0)], ['\u4e00'], ['\u4e00', 'ucs2'], ['\u00e9', 'latin1'], ['\u00e9'], [1, 3, undefined], [1, undefined, 3], ['a', undefined, 3]].forEach(function (a) {
  t('fill ' + show(a), function () { var x = Buffer.alloc(6); var r = x.fill.apply(x, a); return (r === x) + ' ' + show(x); });
});
// indexOf family
var h = Buffer.from('abcabc\u00e9\u00e9');
[['b'], ['b', 2], ['b', -2], ['b', -100], ['b', 100], ['b', 1.5], ['b', '1'], ['b', 'latin1'], ['b', null], ['b', {}], ['b', []], ['b', NaN], ['b', undefined, 'nope'], [98], [98 + 256], [-158], [98.7], ['', 0], ['', 3], ['', 100], ['', -1],
 [Buffer.from('ca')], [Buffer.alloc(0)], [Buffer.alloc(0), 100], [new Uint8Array([99])], ['6263', 'hex'], ['6263', 0, 'hex'], ['YmM=', 'base64'], ['\u00e9'], ['\u00e9', 'latin1'], ['b\u0000', 'ucs2'], [{}], [null], [true], ['c', 2147483648], ['c', -2147483649], ['c', 4294967297], ['c', Infinity], ['c', -Infinity], ['x'],
 [Buffer.from('c'), 0, 'nope'], ['\ud800']].forEach(function (a) {
  t('indexOf ' + show(a), function () { return h.indexOf.apply(h, a); });
  t('lastIndexOf ' + show(a), function () { return h.lastIndexOf.apply(h, a); });
  t('includes ' + show(a), function () { return h.includes.apply(h, a); });
});
var u = Buffer.from('abab', 'ucs2');
t('ucs2 indexOf', function () { return u.indexOf('b', 0, 'ucs2') + ' ' + u.lastIndexOf('a', undefined, 'ucs2') + ' ' + u.indexOf(Buffer.from([0x62, 0]), 1, 'ucs2'); });
// swap and numbers still fine
t('swap16', function () { return Buffer.from([1, 2, 3, 4]).swap16(); });
t('swap32 bad', function () { return Buffer.from([1, 2, 3]).swap32(); });
t('readUInt8 bad', function () { return b.readUInt8(20); });
t('readUInt32LE bad', function () { return Buffer.alloc(2).readUInt32LE(0); });
t('writeUIntLE big', function () { return Buffer.alloc(6).writeUIntLE(2e15, 0, 6); });
// module
t('isUtf8', function () { return B.isUtf8(Buffer.from([0xe9])) + ' ' + B.isUtf8(new ArrayBuffer(0)) + ' ' + B.isAscii(Buffer.from('a')); });
t('isUtf8 bad', function () { return B.isUtf8('x'); });
t('isAscii bad', function () { return B.isAscii(null); });
t('SlowBuffer', function () { return B.SlowBuffer(3); });
t('SlowBuffer bad', function () { return B.SlowBuffer(-3); });
t('Buffer()', function () { return Buffer(3); });
t('Buffer(str)', function () { return Buffer('ab', 'hex'); });
t('Buffer num enc', function () { return Buffer(3, 'hex'); });
t('lengths', function () { return [Buffer.from.length, Buffer.alloc.length, Buffer.allocUnsafe.length, Buffer.concat.length, Buffer.byteLength.length, Buffer.compare.length, b.toString.length, b.write.length, b.slice.length, b.fill.length, b.indexOf.length, b.copy.length, b.compare.length, b.equals.length].join(','); });
t('inst', function () { return (b instanceof Buffer) + ' ' + (b instanceof Uint8Array) + ' ' + (b.constructor === Buffer) + ' ' + (Buffer.from('a').slice(0) instanceof Buffer) + ' ' + (Buffer.concat([b]) instanceof Buffer); });
t('from ArrayBuffer-like', function () { return Buffer.from(Object.create(ArrayBuffer.prototype)); });
t('from .buffer ArrayBuffer-like', function () { return Buffer.from({ buffer: Object.create(ArrayBuffer.prototype) }); });
t('empty slices', function () { var e = Buffer.alloc(0); return e.utf8Slice(-1) + e.hexSlice(5, 1) + e.latin1Slice(); });
t('copy big end', function () { var x = Buffer.alloc(3); return Buffer.from('abcd').copy(x, 0, 0, 1e20) + ' ' + show(x); });
