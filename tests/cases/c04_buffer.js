// Buffer encodings and helpers.
var b = Buffer.from('héllo wörld €𝄞', 'utf8');
console.log(b.length, b.toString('hex'));
console.log(b.toString('base64'), Buffer.from(b.toString('base64'), 'base64').toString());
console.log(Buffer.from('68656c6c6f', 'hex').toString(), Buffer.from('aGk', 'base64').toString());
console.log(Buffer.from('héllo', 'latin1').toString('latin1'), Buffer.from([0xff, 0x80, 0x41]).toString('ascii'));
console.log(Buffer.from([0xe2, 0x82]).toString(), Buffer.from([0xf0, 0x9d, 0x84, 0x9e]).toString());
console.log(Buffer.byteLength('€'), Buffer.byteLength('aGk=', 'base64'), Buffer.byteLength('abcd', 'hex'));
var c = Buffer.concat([Buffer.from('ab'), Buffer.from('cd')]);
console.log(c.toString(), c.equals(Buffer.from('abcd')), Buffer.compare(c, Buffer.from('abce')));
console.log(c.slice(1, 3).toString(), c.subarray(-2).toString(), c.indexOf('cd'), c.indexOf(0x64), c.includes('x'));
var w = Buffer.alloc(12);
w.writeUInt32BE(0xdeadbeef, 0); w.writeInt16LE(-2, 4); w.writeUInt8(255, 6); w.writeInt32LE(-123456, 8);
console.log(w.toString('hex'), w.readUInt32BE(0).toString(16), w.readInt16LE(4), w.readUInt8(6), w.readInt32LE(8));
console.log(Buffer.alloc(5, 'ab').toString(), Buffer.alloc(3).fill(7)[2], JSON.stringify(Buffer.from('AB')));
var cp = Buffer.alloc(6, '-'); Buffer.from('xyz').copy(cp, 2); console.log(cp.toString());
try { Buffer.alloc(2).readUInt32LE(0); } catch (e) { console.log(e.name, e.code); }
try { Buffer.from({}); } catch (e) { console.log(e.name, e.code); }
console.log(Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(1)), b instanceof Uint8Array, Buffer.isEncoding('UTF-8'));
