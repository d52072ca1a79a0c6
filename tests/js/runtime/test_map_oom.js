// Out of heap in Map, Set, WeakMap and WeakSet (runtime/mapset.c): each collection is
// filled until an allocation fails; the error is the coded one, and the collection is
// whole: every entry added before the failure is there, in order, with its value, and it
// works again once memory is back (the ballast, a little heap taken before the fill, is
// given back for the checks). Runs where the heap is bounded (a board, or
// PETREL_HEAP_LIMIT); elsewhere it only checks the rest on a few hundred entries.
'use strict';
var assert = require('assert');
var bounded = process.platform === 'none' || !!process.env.PETREL_HEAP_LIMIT;
var max = bounded ? 1e7 : 300;
function ballast() {
  var b = [];
  for (var i = 0; i < 32; i++) {
    var c = [];
    for (var j = 0; j < 16; j++) c.push([j]);
    b.push(c);
  }
  return b;
}
// The ballast goes (finally) before the catch runs: entering a catch clause allocates
// its binding's scope, which a heap filled to its last small block cannot give.
function fillUp(name, fn) {
  var b = ballast(), n = 0, err = null;
  try {
    try {
      for (; n < max; n++) fn(n);
    } finally {
      b = null;
    }
  } catch (e) {
    err = e;
  }
  if (bounded) assert.ok(err && /alloc failed|error in error handling/.test(String(err)), name + ': ' + String(err));
  else assert.strictEqual(err, null);
  return n;
}
// made before the heap is full
new Map([[1, 1]]).keys().next();
new Set([1]).values().next();
new WeakMap().set({}, 1);
new WeakSet().add({});

var m = new Map();
var n = fillUp('Map.set', function (i) { m.set('k' + i, i); });
assert.strictEqual(m.size, n);
var i = 0;
m.forEach(function (v, k) { assert.ok(k === 'k' + i && v === i, k + ' ' + v); i++; });
assert.strictEqual(i, n);
assert.strictEqual(m.has('k' + n), false);
for (i = 0; i < n; i += 2) m['delete']('k' + i);
assert.strictEqual(m.size, n - Math.ceil(n / 2));
assert.strictEqual(m.get('k1'), n > 1 ? 1 : undefined);
m.clear(); // the Map is most of the heap: growing it again may find no room
m.set('after', 1);
assert.strictEqual(m.get('after'), 1);
assert.strictEqual(m.size, 1);
m = null;

var s = new Set();
n = fillUp('Set.add', function (i) { s.add(i * 1.5); });
assert.strictEqual(s.size, n);
var it = s.values(), r;
for (i = 0; !(r = it.next()).done; i++) assert.strictEqual(r.value, i * 1.5);
assert.strictEqual(i, n);
s.clear();
assert.strictEqual(s.add('after').size, 1);
s = null;

var wm = new WeakMap(), keys = [];
n = fillUp('WeakMap.set', function (i) { var k = {}; keys.push(k); wm.set(k, i); });
for (i = 0; i < n; i++) assert.strictEqual(wm.get(keys[i]), i);
if (keys.length > n) assert.strictEqual(wm.has(keys[n]), false);
keys = null;
wm = null;

var ws = new WeakSet();
keys = [];
n = fillUp('WeakSet.add', function (i) { var k = [i]; keys.push(k); ws.add(k); });
for (i = 0; i < n; i++) assert.strictEqual(ws.has(keys[i]), true);
if (keys.length > n) assert.strictEqual(ws.has(keys[n]), false);
keys = null;
ws = null;

var made = [];
n = fillUp('new Map', function (i) { made.push(new Map([[i, i]])); });
assert.strictEqual(made.length, n);
for (i = 0; i < n; i++) assert.strictEqual(made[i].get(i), i);
made = null;

var three = new Map([['a', 1], ['b', 2], ['c', 3]]), its = [];
n = fillUp('iterator', function () { its.push(three.keys()); });
for (i = 0; i < its.length; i += 97) assert.deepStrictEqual([its[i].next().value, its[i].next().value, its[i].next().value], ['a', 'b', 'c']);
its = null;
for (i = 0; i < 1000; i++) { three.set(i, i); three['delete'](i); }
assert.strictEqual(three.size, 3);
console.log('ok', bounded ? 'bounded' : 'unbounded');
