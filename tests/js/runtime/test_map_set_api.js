// Map and Set: SameValueZero keys, size, get/set/add/has/delete/clear, forEach with thisArg,
// constructors from iterables, errors, names and tags; the .expected file is node v20's output.
var out = [];
function L() { out.push(Array.prototype.slice.call(arguments).join(' ')); }
function err(f) { try { f(); return 'no error'; } catch (e) { return e.name + ': ' + e.message; } }
function list(it) { var a = [], r; while (!(r = it.next()).done) a.push(JSON.stringify(r.value)); return a.join(' '); }

var m = new Map([['a', 1], ['b', 2]]);
L('basic', m.size, m.get('a'), m.get('b'), m.get('c'), m.has('a'), m.has('c'));
L('set returns this', m.set('c', 3) === m, m.size);
L('update keeps order', m.set('a', 10).get('a'), list(m.keys()));
m.set(NaN, 'nan').set(-0, 'minus zero');
L('NaN', m.get(NaN), m.has(0 / 0), 'zero', m.get(0), m.get(+0), m.get(-0));
var zeroKey; m.forEach(function (v, k) { if (k === 0) zeroKey = 1 / k; });
L('-0 stored as +0', zeroKey);
var o = {}, f = function () {}, sym = Symbol('s');
m.set(o, 'obj').set(f, 'fn').set(sym, 'sym').set(null, 'null').set(undefined, 'undef').set(true, 'true').set('1', 'str1').set(1, 'num1');
L('types', m.get(o), m.get({}), m.get(f), m.get(sym), m.get(Symbol('s')), m.get(null), m.get(undefined), m.get(true), m.get(false), m.get('1'), m.get(1));
L('strings by value', m.get('a' + ''), m.get(['a'].join('')), m.get(String.fromCharCode(97)));
L('delete', m.delete('b'), m.delete('b'), m.has('b'), m.size);
L('keys', list(m.keys()).replace(/"/g, "'"));
L('values', list(m.values()));
var self = { tag: 'T' };
var seen = [];
m.forEach(function (v, k, map) { seen.push(this.tag + (map === m)); }, self);
L('forEach thisArg', seen.length, seen[0]);
L('forEach not a function', err(function () { m.forEach(5); }), err(function () { m.forEach(); }));
m.clear();
L('clear', m.size, m.get('a'), list(m.entries()) === '');

var s = new Set([1, 2, 2, '2', NaN, NaN, 0, -0]);
L('set', s.size, s.has(2), s.has('2'), s.has(NaN), s.has(-0), list(s.values()));
L('add returns this', s.add(3) === s, s.add(3).size);
L('set entries', list(s.entries()));
L('set keys is values', Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values);
L('map iterator is entries', Map.prototype[Symbol.iterator] === Map.prototype.entries);
var fe = [];
s.forEach(function (v, k, set) { fe.push(v === k && set === s); });
L('set forEach', fe.join());
L('set delete', s.delete(NaN), s.delete(NaN), s.size);

L('from string', list(new Set('hello').values()));
L('from Map', list(new Map(m.set('x', 1).set('y', 2)).entries()), list(new Map(new Map([[1, 'one']]).entries()).keys()));
L('from Set', list(new Set(new Set([3, 1, 3])).values()));
var custom = {};
custom[Symbol.iterator] = function () {
  var i = 0;
  return { next: function () { i++; return i > 3 ? { done: true } : { value: [i, i * i], done: false }; } };
};
L('from custom iterable', list(new Map(custom).entries()));
L('null and undefined', new Map(null).size, new Set(undefined).size, new Map().size);
L('array-like is not iterable', err(function () { return new Set({ length: 2, 0: 'a', 1: 'b' }); }));

L('without new', err(function () { Map(); }), err(function () { Set([1]); }));
L('not iterable', err(function () { return new Map(5); }), err(function () { return new Set(true); }));
L('symbol is not iterable', err(function () { return new Set(Symbol('x')); }), err(function () { return new WeakMap(Symbol.iterator); }));
L('not an entry', err(function () { return new Map([1]); }), err(function () { return new Map(['ab']); }));
L('entries can be any object', new Map([{ 0: 'k', 1: 'v' }]).get('k'), new Map(['ab'.split('')]).get('a'));
L('receiver', err(function () { Map.prototype.get.call({}, 1); }), err(function () { Set.prototype.add.call(new Map(), 1); }));
L('receiver 2', err(function () { Map.prototype.has.call(new Set(), 1); }), err(function () { return Map.prototype.size; }));
L('receiver 3', err(function () { Map.prototype.keys.call([]); }));

// The constructor calls the adder, as the spec says (observable when replaced)
var calls = [];
var saved = Map.prototype.set;
Map.prototype.set = function (k, v) { calls.push(k); return saved.call(this, k, v); };
new Map([['p', 1], ['q', 2]]);
Map.prototype.set = saved;
L('adder called', calls.join());
var closed = 0;
var bad = {};
bad[Symbol.iterator] = function () {
  return { next: function () { return { value: 5, done: false }; }, 'return': function () { closed++; return {}; } };
};
L('iterator closed on error', err(function () { return new Map(bad); }), closed);

L('names', Map.name, Set.name, Map.length, Set.length, Map.prototype.set.length, Set.prototype.add.length,
  Map.prototype.forEach.length, Map.prototype.get.name, Set.prototype.values.name, Map.prototype[Symbol.iterator].name);
L('size getter', Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.name, typeof Object.getOwnPropertyDescriptor(Set.prototype, 'size').set);
L('own names', Object.getOwnPropertyNames(Map.prototype).join(), '|', Object.getOwnPropertyNames(Set.prototype).join());
L('tags', Object.prototype.toString.call(new Map()), Object.prototype.toString.call(new Set()),
  Object.prototype.toString.call(new Map().keys()), Object.prototype.toString.call(new Set().values()), String(new Map()));
L('prototype chain', Object.getPrototypeOf(new Map()) === Map.prototype, new Set() instanceof Set, Map.prototype.constructor === Map);
var desc = Object.getOwnPropertyDescriptor(global, 'Map');
L('global', typeof Map, typeof Set, typeof WeakMap, typeof WeakSet, desc.enumerable, desc.writable, desc.configurable, Object.keys(global).indexOf('Map'));
var iterProto = Object.getPrototypeOf(Object.getPrototypeOf(new Map().keys()));
L('iterator prototype', typeof iterProto[Symbol.iterator], iterProto[Symbol.iterator].call(m) === m,
  iterProto === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
var it = new Set([1]).values();
L('iterator is iterable', it[Symbol.iterator]() === it, JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()));
L('next on wrong iterator', err(function () { new Map().keys().next.call(new Set().values()); }), err(function () { new Map().keys().next.call({}); }));

// many entries: growth, deletes, re-adds (the table is compacted), order kept
var big = new Map();
for (var i = 0; i < 600; i++) big.set('k' + i, i);
for (i = 0; i < 600; i += 2) big.delete('k' + i);
for (i = 0; i < 100; i++) big.set('k' + i, -i);
var sum = 0, first = null, count = 0;
big.forEach(function (v, k) { if (first === null) first = k; sum += v; count++; });
L('big', big.size, count, first, sum, big.get('k599'), big.get('k598'), big.get('k98'), big.get('k99'));
big = null; // a board's heap holds one of these tables at a time
var nums = new Set();
for (i = 0; i < 1500; i++) nums.add(i * 0.5);
for (i = 0; i < 1500; i++) if (i % 3) nums.delete(i * 0.5);
L('numbers', nums.size, nums.has(1.5), nums.has(0.5), nums.has(3), list(nums.values()).slice(0, 20));
// a queue: add at the end, delete from the front, many times over
var q = new Set();
for (i = 0; i < 20000; i++) { q.add(i); if (q.size > 10) q.delete(i - 10); }
L('queue', q.size, list(q.values()));

console.log(out.join('\n'));
