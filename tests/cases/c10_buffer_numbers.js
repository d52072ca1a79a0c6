// Buffer's number methods (read/write of integers, floats, doubles; swap): values,
// return offsets and Node's exact errors for bad offsets, values and byte lengths.
'use strict';
var methods = [
  'readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE',
  'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE',
  'readFloatLE', 'readFloatBE', 'readDoubleLE', 'readDoubleBE'];
var bad = [undefined, 0, -0, 1, 3, 5, 7, 8, -1, 1.5, NaN, Infinity, '1', null, true, {}, 2e10];

function show(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === 0 && 1 / v < 0) return '-0';
  if (v !== null && typeof v === 'object') return '{}';
  return String(v);
}
function attempt(label, fn) {
  var out;
  try {
    out = show(fn());
  } catch (e) {
    out = e.name + ' ' + e.code + ': ' + e.message;
  }
  console.log(label + ' -> ' + out);
}

var src = Buffer.from([0x81, 0x02, 0xff, 0x7f, 0x00, 0x80, 0x3f, 0xc0, 0x11]);
methods.forEach(function (m) {
  bad.forEach(function (off) {
    attempt(m + '(' + show(off) + ')', function () { return src[m](off); });
  });
});
// An empty and a short buffer: no offset fits.
attempt('empty.readUInt8()', function () { return Buffer.alloc(0).readUInt8(); });
attempt('short.readInt32BE(0)', function () { return Buffer.alloc(3).readInt32BE(0); });
attempt('short.readDoubleLE(0)', function () { return Buffer.alloc(7).readDoubleLE(0); });

// Variable-width reads.
['readUIntLE', 'readUIntBE', 'readIntLE', 'readIntBE'].forEach(function (m) {
  [[0, 1], [0, 3], [1, 6], [3, 6], [0, 7], [0, 0], [0, 2.5], [0, '2'], [0, undefined],
   [undefined, 2], ['0', 2], [1.5, 2], [8, 2]].forEach(function (a) {
    attempt(m + '(' + show(a[0]) + ', ' + show(a[1]) + ')', function () { return src[m](a[0], a[1]); });
  });
});

// Fixed-width writes: the returned offset and the bytes written.
var writes = [
  ['writeUInt8', [255, 0, 256, -1, 1.7, NaN, '12', -0.5]],
  ['writeInt8', [127, -128, 128, -129, -1.5]],
  ['writeUInt16LE', [65535, 65536, 258, -1]],
  ['writeUInt16BE', [258, 0.9]],
  ['writeInt16LE', [-32768, 32767, 32768, -2]],
  ['writeInt16BE', [-2, -32769]],
  ['writeUInt32LE', [4294967295, 4294967296, 16909060, -1]],
  ['writeUInt32BE', [16909060, 1.5]],
  ['writeInt32LE', [-2147483648, 2147483647, 2147483648, -1]],
  ['writeInt32BE', [-2, -2147483649]],
  ['writeFloatLE', [1.5, -0, NaN, Infinity, 1e40, 3.4e38, 1e-46, 'x']],
  ['writeFloatBE', [Math.PI]],
  ['writeDoubleLE', [Math.PI, -0, NaN, 1e308]],
  ['writeDoubleBE', [-1.25e-300]]
];
writes.forEach(function (w) {
  w[1].forEach(function (v) {
    var b = Buffer.alloc(10);
    attempt(w[0] + '(' + show(v) + ', 1)', function () { return w[0] + ' ' + b[w[0]](v, 1) + ' ' + b.toString('hex'); });
  });
  [undefined, -1, 9, 1.5, '1', NaN].forEach(function (off) {
    var b = Buffer.alloc(10);
    attempt(w[0] + '(1, ' + show(off) + ')', function () { return w[0] + ' ' + b[w[0]](1, off) + ' ' + b.toString('hex'); });
  });
});

// Variable-width writes.
['writeUIntLE', 'writeUIntBE', 'writeIntLE', 'writeIntBE'].forEach(function (m) {
  [[1, 0, 1], [-1, 0, 1], [300, 0, 1], [0x123456, 1, 3], [-0x123456, 1, 3], [Math.pow(2, 47), 0, 6],
   [-Math.pow(2, 47), 0, 6], [Math.pow(2, 48) - 1, 0, 6], [Math.pow(2, 48), 0, 6], [1.5, 0, 5],
   [1, 0, 7], [1, 0, 0], [1, 0, '2'], [1, undefined, 2], [1, undefined, 1], [1, 9, 2], [1, 9, 1],
   [1e20, '0', 2], [-Math.pow(2, 40) - 0.5, 2, 6], [Math.pow(2, 40) + 0.5, 2, 6]].forEach(function (a) {
    var b = Buffer.alloc(10);
    attempt(m + '(' + a.map(show).join(', ') + ')', function () {
      return b[m](a[0], a[1], a[2]) + ' ' + b.toString('hex');
    });
  });
});

// Round trips and a value coerced through valueOf (once).
var r = Buffer.alloc(16), calls = 0;
r.writeInt32BE({ valueOf: function () { calls++; return -5; } }, 4);
console.log('valueOf calls', calls, r.readInt32BE(4), r.readUInt32LE(4));
r.writeDoubleLE(-1 / 3, 8);
console.log('double', r.readDoubleLE(8), r.readDoubleBE(8));
r.writeFloatBE(0.1, 0);
console.log('float', r.readFloatBE(0), r.readFloatLE(0));
console.log('aliases', r.readUint32LE === r.readUInt32LE, r.writeUintBE === r.writeUIntBE, typeof r.readUint8);
console.log('on a Uint8Array', Buffer.prototype.readUInt16BE.call(new Uint8Array([1, 2]), 0));
console.log('lengths', ['readUInt8', 'readUIntLE', 'writeUInt8', 'writeIntBE', 'writeDoubleLE'].map(function (m) {
  return r[m].length;
}).join(' '));

// Byte swaps.
[2, 4, 8].forEach(function (size) {
  [Buffer.from('0102030405060708', 'hex'), Buffer.from('010203', 'hex')].forEach(function (b) {
    attempt('swap' + size * 8 + ' ' + b.toString('hex'), function () {
      var back = b['swap' + size * 8]();
      return (back === b) + ' ' + b.toString('hex');
    });
  });
});
