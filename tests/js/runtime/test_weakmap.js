// WeakMap and WeakSet: object keys only, and a key that is collected takes its entry
// with it (Duktape.gc() and finalizers show it; node cannot, so this test has no
// .expected file and asserts itself).
var assert = require('assert');
var wm = new WeakMap(), ws = new WeakSet();
var k1 = {}, k2 = function () {}, k3 = [];
assert.strictEqual(wm.set(k1, 'one'), wm);
wm.set(k2, 'two').set(k3, undefined);
assert.strictEqual(wm.get(k1), 'one');
assert.strictEqual(wm.get(k2), 'two');
assert.strictEqual(wm.has(k3), true);
assert.strictEqual(wm.get(k3), undefined);
assert.strictEqual(wm.has({}), false);
assert.strictEqual(wm.get('k1'), undefined);
assert.strictEqual(wm.has(1), false);
assert.strictEqual(wm.delete(k1), true);
assert.strictEqual(wm.delete(k1), false);
assert.strictEqual(wm.has(k1), false);
assert.strictEqual(wm.delete(5), false);
assert.throws(function () { wm.set(1, 1); }, { name: 'TypeError', message: 'Invalid value used as weak map key' });
assert.throws(function () { wm.set('s', 1); }, TypeError);
assert.throws(function () { wm.set(Symbol.for('x'), 1); }, TypeError);
var sk = Symbol('local');
assert.strictEqual(wm.set(sk, 's').get(sk), 's');
assert.strictEqual(ws.add(Symbol.iterator).has(Symbol.iterator), true);
assert.throws(function () { ws.add(null); }, { name: 'TypeError', message: 'Invalid value used in weak set' });
assert.throws(function () { WeakMap(); }, { message: "Constructor WeakMap requires 'new'" });
assert.throws(function () { WeakMap.prototype.get.call(new Map(), k1); },
  { message: 'Method WeakMap.prototype.get called on incompatible receiver #<Map>' });
assert.throws(function () { WeakSet.prototype.has.call(wm, k1); }, TypeError);
assert.throws(function () { new WeakMap([[1, 2]]); }, TypeError);
assert.strictEqual(ws.add(k1), ws);
assert.strictEqual(ws.has(k1), true);
assert.strictEqual(ws.has(k2), false);
assert.strictEqual(ws.delete(k1), true);
assert.strictEqual(ws.has(k1), false);

// two collections with the same key keep apart
var wm2 = new WeakMap([[k2, 'other']]);
assert.strictEqual(wm.get(k2), 'two');
assert.strictEqual(wm2.get(k2), 'other');
var ws2 = new WeakSet([k2, k3]);
assert.strictEqual(ws2.has(k3) && !ws.has(k3), true);

// frozen, sealed and non-extensible keys, built-ins, a key's own properties untouched
var frozen = Object.freeze({ a: 1 });
wm.set(frozen, 'f');
assert.strictEqual(wm.get(frozen), 'f');
assert.strictEqual(Object.isFrozen(frozen), true);
assert.deepStrictEqual(Object.getOwnPropertyNames(frozen), ['a']);
assert.strictEqual(JSON.stringify(frozen), '{"a":1}');
var sealed = Object.seal({}), noext = Object.preventExtensions({});
ws.add(sealed).add(noext);
assert.strictEqual(ws.has(sealed) && ws.has(noext) && Object.isSealed(sealed) && !Object.isExtensible(noext), true);
wm.set(Math, 'math').set(Object.prototype, 'op').set(JSON.stringify, 'fn');
assert.strictEqual(wm.get(Math), 'math');
assert.strictEqual(wm.get(Object.prototype), 'op');
assert.strictEqual(wm.get(JSON.stringify), 'fn');
assert.strictEqual(wm.delete(Math), true);
assert.strictEqual(wm.has(Math), false);
var key = {};
wm.set(key, 1);
assert.deepStrictEqual(Object.keys(key), []);
assert.strictEqual(Object.getOwnPropertySymbols(key).length, 0);
for (var p in key) assert.fail('enumerable: ' + p);

assert.strictEqual(Object.prototype.toString.call(wm), '[object WeakMap]');
assert.strictEqual(Object.prototype.toString.call(ws), '[object WeakSet]');
assert.deepStrictEqual(Object.getOwnPropertyNames(WeakMap.prototype), ['constructor', 'delete', 'get', 'set', 'has']);
assert.deepStrictEqual(Object.getOwnPropertyNames(WeakSet.prototype), ['constructor', 'delete', 'has', 'add']);
assert.strictEqual(WeakMap.prototype.set.name + WeakSet.prototype.add.length, 'set1');

// Collected keys: the value held only through the WeakMap is collected with its key.
if (typeof Duktape === 'object') {
  var finalized = [];
  function tracked(name) {
    var v = { name: name };
    Duktape.fin(v, function (o) { finalized.push(o.name); });
    return v;
  }
  var live = {};
  (function () {
    var dead = {};
    wm.set(dead, tracked('value of a dropped key'));
    var cyc = {};
    cyc.self = cyc;
    wm.set(cyc, tracked('value of a dropped cycle'));
    var back = {};
    wm.set(back, { owner: back, t: tracked('value that refers to its key') });
    ws.add({ big: tracked('weak set member') });
  })();
  wm.set(live, tracked('value of a live key'));
  Duktape.gc();
  Duktape.gc();
  finalized.sort();
  assert.deepStrictEqual(finalized, ['value of a dropped cycle', 'value of a dropped key', 'value that refers to its key',
    'weak set member']);
  assert.strictEqual(wm.get(live).name, 'value of a live key');
  // Many short-lived keys: none is kept.
  var alive = 0;
  for (i = 0; i < 500; i++) {
    var o = {};
    Duktape.fin(o, function () { alive--; });
    alive++;
    wm.set(o, i);
  }
  o = null;
  Duktape.gc();
  Duktape.gc();
  assert.strictEqual(alive, 0);
  console.log('collected', finalized.length, 'keys and', 500, 'more');
}
console.log('ok');
