// User code replaces global built-ins the runtime's own JS uses (Object.keys,
// Object.defineProperty, Object.create, Math.floor, Array.isArray and the globals
// Object, Array, String, Math) before the modules are loaded: the built-in modules
// keep working, as node's do (runtime/process.c: the copies taken at boot). With ROM
// built-ins (mps2-an385) Object, Math and Array themselves are read-only, so their
// methods cannot be replaced there (a TypeError); the globals always can. Every
// expectation here holds in node v20 too.
'use strict';
var assert = require('assert'); // loaded before: its own checks must not use the fakes
var G = (function () { return this; })() || global;
var saved = {
  keys: Object.keys, defineProperty: Object.defineProperty, create: Object.create,
  floor: Math.floor, isArray: Array.isArray,
  Object: G.Object, Array: G.Array, String: G.String, Math: G.Math
};
var calls = 0;
function thrower() { calls++; throw new RangeError('replaced by user code'); }
function restore() {
  G.Object = saved.Object; G.Array = saved.Array; G.String = saved.String; G.Math = saved.Math;
  if (saved.Object.keys === saved.keys) return; // ROM: never replaced
  saved.Object.keys = saved.keys;
  saved.Object.defineProperty = saved.defineProperty;
  saved.Object.create = saved.create;
  saved.Math.floor = saved.floor;
  saved.Array.isArray = saved.isArray;
}

var replaced = 0;
function replace(obj, key) {
  try {
    obj[key] = thrower;
  } catch (e) {
    if (!(e instanceof TypeError)) throw e; // a ROM object (mps2-an385)
    return;
  }
  if (obj[key] === thrower) replaced++;
}
replace(Object, 'keys');
replace(Object, 'defineProperty');
replace(Object, 'create');
replace(Math, 'floor');
replace(Array, 'isArray');
replace(G, 'Object'); replace(G, 'Array'); replace(G, 'String'); replace(G, 'Math');

var r = {};
try {
  var util = require('util');
  var events = require('events');
  var Buffer_ = require('buffer').Buffer;
  var path = require('path');
  var StringDecoder = require('string_decoder').StringDecoder;
  var stream = require('stream');
  var net = require('net');
  r.inspect = util.inspect({ a: [1, 2, { b: 'c' }], d: new Error('x').message });
  r.format = util.format('%s=%d %j', 'n', 42.7, { k: [1] });
  r.isArray = [util.isArray([]), util.isArray({})];
  var e = new events.EventEmitter(), seen = [];
  e.on('x', function (v) { seen.push(v); });
  e.once('x', function (v) { seen.push('once ' + v); });
  e.emit('x', 1); e.emit('x', 2);
  r.events = seen.join(',') + ' ' + e.eventNames().join(',') + ' ' + e.listenerCount('x');
  r.buffer = Buffer_.from('héllo').toString('hex') + ' ' + Buffer_.concat([Buffer_.from('a'), Buffer_.from('b')]).toString() +
    ' ' + Buffer_.from([1, 2, 3]).toJSON().data.length + ' ' + util.inspect(Buffer_.from('ab'));
  r.path = path.join('/a', 'b', '../c') + ' ' + path.parse('/x/y.js').name;
  var d = new StringDecoder('utf8');
  r.decoder = d.write(Buffer_.from([0xe2, 0x82])) + d.write(Buffer_.from([0xac])) + d.end();
  var rs = new stream.Readable({ read: function () {} });
  rs.push('ab'); rs.push(null);
  r.stream = '' + rs.read();
  assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] });
  assert.throws(function () { assert.deepStrictEqual({ a: 1 }, { a: 2 }); }, { code: 'ERR_ASSERTION' });
  r.assert = 'ok';
  r.isIP = net.isIP('::1') + ' ' + net.isIPv4('1.2.3.4');
  var srv = net.createServer();
  srv.listen(0, '127.0.0.1', function () {
    var port = srv.address().port;
    var c = net.connect(port, '127.0.0.1', function () { c.end('hi'); });
    srv.on('connection', function (s) {
      var got = '';
      s.setEncoding('utf8');
      s.on('data', function (x) { got += x; });
      s.on('end', function () { r.net = got; s.end(); srv.close(); });
    });
  });
  srv.on('close', finish);
} catch (err) {
  restore();
  throw err;
}

function finish() {
  restore();
  assert.ok(replaced === 9 || replaced === 4, 'replaced ' + replaced + ' (9, or the 4 globals with ROM built-ins)');
  assert.strictEqual(calls, 0, 'a built-in module called a replaced built-in');
  assert.strictEqual(r.inspect, "{ a: [ 1, 2, { b: 'c' } ], d: 'x' }");
  assert.strictEqual(r.format, 'n=42.7 {"k":[1]}');
  assert.deepStrictEqual(r.isArray, [true, false]);
  assert.strictEqual(r.events, '1,once 1,2 x 1');
  assert.strictEqual(r.buffer, '68c3a96c6c6f ab 3 <Buffer 61 62>');
  assert.strictEqual(r.path, '/a/c y');
  assert.strictEqual(r.decoder, '\u20ac');
  assert.strictEqual(r.stream, 'ab');
  assert.strictEqual(r.assert, 'ok');
  assert.strictEqual(r.isIP, '6 true');
  assert.strictEqual(r.net, 'hi');
  console.log('ok: the built-in modules ran with ' + replaced + ' built-ins replaced');
}
