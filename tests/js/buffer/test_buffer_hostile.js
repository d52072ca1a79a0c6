// Buffer: wrong types and out-of-range values throw coded errors; nothing crashes
// or touches memory outside the buffer.
var assert = require('assert');
var b = Buffer.alloc(8);
function throwsCode(fn, code, Cls) {
  assert.throws(fn, function (e) { return e.code === code && (!Cls || e instanceof Cls); }, code);
}
throwsCode(function () { Buffer.alloc(-1); }, 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(function () { Buffer.alloc('10'); }, 'ERR_INVALID_ARG_TYPE', TypeError);
throwsCode(function () { Buffer.alloc(NaN); }, 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(function () { Buffer.from(123); }, 'ERR_INVALID_ARG_TYPE', TypeError);
throwsCode(function () { Buffer.from(null); }, 'ERR_INVALID_ARG_TYPE', TypeError);
throwsCode(function () { Buffer.from('x', 'nope'); }, 'ERR_UNKNOWN_ENCODING', TypeError);
throwsCode(function () { b.toString('nope'); }, 'ERR_UNKNOWN_ENCODING', TypeError);
throwsCode(function () { b.readUInt32LE(5); }, 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(function () { b.readUInt8(-1); }, 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(function () { b.readUInt8(1.5); }, 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(function () { Buffer.alloc(2).readUInt32LE(0); }, 'ERR_BUFFER_OUT_OF_BOUNDS', RangeError);
throwsCode(function () { b.writeUInt8(256, 0); }, 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(function () { b.writeInt16LE(40000, 0); }, 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(function () { b.writeUInt32BE(1, 6); }, 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(function () { b.readUIntLE(0, 7); }, 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(function () { b.fill(1, -1); }, 'ERR_OUT_OF_RANGE', RangeError);
throwsCode(function () { b.write(5); }, 'ERR_INVALID_ARG_TYPE', TypeError);
throwsCode(function () { Buffer.concat('x'); }, 'ERR_INVALID_ARG_TYPE', TypeError);
throwsCode(function () { Buffer.concat([1]); }, 'ERR_INVALID_ARG_TYPE', TypeError);
throwsCode(function () { b.equals('x'); }, 'ERR_INVALID_ARG_TYPE', TypeError);
throwsCode(function () { b.copy('x'); }, 'ERR_INVALID_ARG_TYPE', TypeError);
// clamping, never out of bounds
assert.strictEqual(b.slice(-100, 100).length, 8);
assert.strictEqual(b.slice(5, 2).length, 0);
assert.strictEqual(b.toString('hex', -5, 1e9), '0000000000000000');
assert.strictEqual(b.toString('utf8', 6, 2), '');
assert.strictEqual(Buffer.from('abc').copy(b, 7), 1);
assert.strictEqual(b[7], 0x61);
assert.strictEqual(b.write('xyz', 6), 2);
assert.strictEqual(b.write('€', 7), 0, 'never half a character');
assert.strictEqual(Buffer.from('zz41', 'hex').length, 0, 'hex stops at the first bad pair');
assert.strictEqual(Buffer.from('41z', 'hex').toString(), 'A');
assert.strictEqual(Buffer.from('  aGk=\n', 'base64').toString(), 'hi');
assert.strictEqual(Buffer.from('aGk', 'base64').toString(), 'hi');
assert.strictEqual(Buffer.from('a-_z', 'base64url').toString('base64url'), 'a-_z');
assert.strictEqual(Buffer.from([0xc3, 0x28]).toString(), '\ufffd(');
assert.strictEqual(Buffer.from([0xed, 0xa0, 0x80]).toString(), '\ufffd\ufffd\ufffd');
assert.strictEqual(Buffer.from('\ud800').toString('hex'), 'efbfbd');
assert.strictEqual(Buffer.from('\ud83d\ude00').toString('hex'), 'f09f9880');
assert.strictEqual(Buffer.from([1, 2, 300, -1]).toString('hex'), '01022cff');
// overlapping copy inside one buffer
var o = Buffer.from('abcdef');
o.copy(o, 2, 0, 4);
assert.strictEqual(o.toString(), 'ababcd');
// indexOf edge cases
var h = Buffer.from('hello hello');
assert.strictEqual(h.indexOf('hello', 1), 6);
assert.strictEqual(h.lastIndexOf('hello'), 6);
assert.strictEqual(h.indexOf('hello', -5), 6);
assert.strictEqual(h.indexOf(''), 0);
assert.strictEqual(h.indexOf('zz'), -1);
assert.strictEqual(h.indexOf(Buffer.from('lo')), 3);
// numbers round-trip
var n = Buffer.alloc(16);
n.writeDoubleBE(Math.PI, 0);
n.writeFloatLE(1.5, 8);
n.writeIntBE(-123456, 12, 3);
assert.strictEqual(n.readDoubleBE(0), Math.PI);
assert.strictEqual(n.readFloatLE(8), 1.5);
assert.strictEqual(n.readIntBE(12, 3), -123456);
assert.strictEqual(Buffer.from([1, 2, 3, 4]).swap16().toString('hex'), '02010403');
assert.deepStrictEqual(Buffer.from('hi').toJSON(), { type: 'Buffer', data: [104, 105] });
assert.ok(Buffer.from('x') instanceof Uint8Array);
assert.strictEqual(Buffer.byteLength(Buffer.alloc(5)), 5);
