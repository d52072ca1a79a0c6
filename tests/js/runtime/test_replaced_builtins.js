// User code replaces global built-ins the runtime's own JS uses (Object.keys,
// Math.min, Object.getPrototypeOf, JSON.stringify, the globals Object, Array, String,
// Math, and prototype methods such as String.prototype.slice, Array.prototype.join,
// RegExp.prototype.test, Object.prototype.toString) before the modules are loaded: the
// built-in modules keep working, as node's do (runtime/process.c: the copies taken at
// boot). Left out, as node's own code breaks on them too: Function.prototype.call,
// apply, bind and Array.prototype.push/pop/shift/slice/splice. With ROM built-ins
// (mps2-an385) the built-in objects are read-only, so their methods cannot be replaced
// there (a TypeError); the globals always can. Every expectation here holds in node v20
// too.
'use strict';
var assert = require('assert'); // loaded before: its own checks must not use the fakes
var G = (function () { return this; })() || global;
var TARGETS = [
  [Object, 'keys'], [Object, 'defineProperty'], [Object, 'create'], [Math, 'floor'], [Array, 'isArray'],
  [Math, 'min'], [Math, 'max'], [Math, 'abs'], [Math, 'round'], [Math, 'sqrt'], [Object, 'getPrototypeOf'],
  [Object, 'setPrototypeOf'], [Object, 'getOwnPropertyNames'], [Object, 'getOwnPropertyDescriptor'],
  [Object, 'getOwnPropertySymbols'], [Object, 'assign'], [Object, 'freeze'], [Object, 'is'],
  [Object, 'defineProperties'], [JSON, 'stringify'],
  [Array.prototype, 'indexOf'], [Array.prototype, 'join'], [Array.prototype, 'forEach'], [Array.prototype, 'sort'],
  [Array.prototype, 'unshift'], [Array.prototype, 'concat'], [Array.prototype, 'map'], [Array.prototype, 'filter'],
  [String.prototype, 'slice'], [String.prototype, 'indexOf'], [String.prototype, 'lastIndexOf'],
  [String.prototype, 'charCodeAt'], [String.prototype, 'charAt'], [String.prototype, 'split'],
  [String.prototype, 'replace'], [String.prototype, 'toLowerCase'], [String.prototype, 'toUpperCase'],
  [String.prototype, 'trim'], [RegExp.prototype, 'test'], [Object.prototype, 'hasOwnProperty'],
  [Object.prototype, 'toString'], [Object.prototype, 'propertyIsEnumerable'],
  [G, 'Object'], [G, 'Array'], [G, 'String'], [G, 'Math']
];
var GLOBALS = 4; // the last four: replaceable on every board
var saved = [];
for (var t = 0; t < TARGETS.length; t++) saved[t] = TARGETS[t][0][TARGETS[t][1]];
// What this script itself uses after the replacement (it must not call the fakes).
var join = Array.prototype.join, split = String.prototype.split, indexOf = String.prototype.indexOf;
var call = Function.prototype.call, assign = Object.assign;
function joined(a, sep) { return call.call(join, a, sep); }
function firstLine(s) { return call.call(split, s, '\n')[0]; }
function has(s, part) { return call.call(indexOf, s, part) >= 0; }
var calls = 0;
function thrower() { calls++; throw new RangeError('replaced by user code'); }
function restore() {
  for (var i = TARGETS.length - 1; i >= 0; i--) {
    try { TARGETS[i][0][TARGETS[i][1]] = saved[i]; } catch (e) { /* ROM: never replaced */ }
  }
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
for (t = 0; t < TARGETS.length; t++) replace(TARGETS[t][0], TARGETS[t][1]);

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
  r.events = joined(seen, ',') + ' ' + joined(e.eventNames(), ',') + ' ' + e.listenerCount('x');
  r.buffer = Buffer_.from('héllo').toString('hex') + ' ' + Buffer_.concat([Buffer_.from('a'), Buffer_.from('b')]).toString() +
    ' ' + Buffer_.from([1, 2, 3]).toJSON().data.length + ' ' + util.inspect(Buffer_.from('ab'));
  r.path = path.join('/a', 'b', '../c') + ' ' + path.parse('/x/y.js').name + ' ' + path.relative('/a/b/c', '/a/d') +
    ' ' + path.basename('/x/y.js', '.js') + ' ' + path.extname('a.b.txt') + ' ' + path.dirname('/x//y/');
  var d = new StringDecoder('utf8');
  r.decoder = d.write(Buffer_.from([0xe2, 0x82])) + d.write(Buffer_.from([0xac])) + d.end();
  var rs = new stream.Readable({ read: function () {} });
  rs.push('ab'); rs.push(null);
  r.stream = '' + rs.read();
  assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] });
  assert.throws(function () { assert.deepStrictEqual({ a: 1 }, { a: 2 }); }, { code: 'ERR_ASSERTION' });
  assert.throws(function () { assert.strictEqual('a\nb', 'a\nc'); }, /Expected values to be strictly equal/);
  assert.throws(function () { throw new TypeError('boom'); }, { name: 'TypeError', message: /bo+m/ });
  r.error = firstLine(util.inspect(new RangeError('bad')));
  r.table = util.format('%o|%O|%i', [1, 'a'], { x: { y: 1 } }, '42.5');
  r.deep = util.isDeepStrictEqual({ a: [1, 2], b: 'x' }, { b: 'x', a: [1, 2] });
  r.errText = has(util.inspect(assign(new Error('m'), { code: 'E_X' })), "code: 'E_X'");
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
  assert.ok(replaced === TARGETS.length || replaced === GLOBALS,
    'replaced ' + replaced + ' (' + TARGETS.length + ', or the ' + GLOBALS + ' globals with ROM built-ins)');
  assert.strictEqual(calls, 0, 'a built-in module called a replaced built-in');
  assert.strictEqual(r.inspect, "{ a: [ 1, 2, { b: 'c' } ], d: 'x' }");
  assert.strictEqual(r.format, 'n=42.7 {"k":[1]}');
  assert.deepStrictEqual(r.isArray, [true, false]);
  assert.strictEqual(r.events, '1,once 1,2 x 1');
  assert.strictEqual(r.buffer, '68c3a96c6c6f ab 3 <Buffer 61 62>');
  assert.strictEqual(r.path, '/a/c y ../../d y .txt /x/');
  assert.strictEqual(r.error, 'RangeError: bad');
  assert.strictEqual(r.table, "[ 1, 'a', [length]: 2 ]|{ x: { y: 1 } }|42");
  assert.strictEqual(r.deep, true);
  assert.strictEqual(r.errText, true);
  assert.strictEqual(r.decoder, '\u20ac');
  assert.strictEqual(r.stream, 'ab');
  assert.strictEqual(r.assert, 'ok');
  assert.strictEqual(r.isIP, '6 true');
  assert.strictEqual(r.net, 'hi');
  console.log('ok: the built-in modules ran with ' + replaced + ' built-ins replaced');
}
