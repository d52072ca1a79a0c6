// Map, Set, WeakMap and WeakSet as a Node 20 user writes with them: for-of with
// destructuring, spread, iterators, subclasses; built by petrel-tool build, output compared with node's.
'use strict';
const scores = new Map([['ann', 3], ['bob', 5]]);
scores.set('cy', 4);
for (const [name, score] of scores) console.log(`${name}: ${score}`);
console.log([...scores.keys()], [...scores.values()], [...scores].length);
const seen = new Set([...'mississippi']);
console.log([...seen].join(''), seen.size, seen.has('s'));

// deleting and adding while iterating: deleted entries are skipped, added ones visited
const m = new Map([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
const visited = [];
for (const [k] of m) {
  visited.push(k);
  if (k === 1) { m.delete(2); m.set(5, 'e'); }
  if (k === 3) m.delete(1);
}
console.log(visited, [...m.keys()]);
const s = new Set([1, 2, 3]);
const order = [];
let readded = false;
s.forEach((v) => { order.push(v); if (v === 1 && !readded) { readded = true; s.delete(1); s.add(1); } });
console.log(order, [...s]);
// clear during iteration: the iterator sees what is added after
const c = new Map([['x', 1], ['y', 2]]);
const it = c.entries();
console.log(it.next().value);
c.clear();
c.set('z', 3);
console.log(it.next(), it.next());

// a class that extends Map
class Counter extends Map {
  add(key) { this.set(key, (this.get(key) || 0) + 1); return this; }
  top() { return [...this].sort((a, b) => b[1] - a[1])[0]; }
}
const words = new Counter();
'the cat and the hat and the bat'.split(' ').forEach((w) => words.add(w));
console.log(words.top(), words.size, words instanceof Map, words instanceof Counter);

// WeakMap for private data, WeakSet for marks
const priv = new WeakMap();
class Account {
  constructor(owner) { priv.set(this, { owner, balance: 0 }); }
  deposit(n) { priv.get(this).balance += n; return this; }
  get balance() { return priv.get(this).balance; }
}
const acct = new Account('ann').deposit(10).deposit(5);
console.log(acct.balance, priv.has(acct), priv.has({}), Object.keys(acct));
const marked = new WeakSet();
const objs = [{}, {}, {}];
marked.add(objs[1]);
console.log(objs.map((o) => marked.has(o)));

// iterables everywhere: arrays, strings (by code point), arguments, generators
function args() { const out = []; for (const a of arguments) out.push(a); return [out, [...arguments]]; }
console.log(args(1, 'two', 3));
console.log([...'h\u00e9\u{1F600}!'].length, Array.prototype.slice.call('h\u{1F600}').length);
for (const [i, ch] of [...'ab'].entries()) console.log(i, ch);
function* gen() { yield ['g1', 1]; yield ['g2', 2]; }
console.log(new Map(gen()).get('g2'), new Set(new Map(gen()).keys()).has('g1'));
const { a, ...rest } = Object.fromEntries ? { a: 1, b: 2 } : { a: 1, b: 2 };
console.log(a, rest, Math.max(...new Set([3, 9, 4])));
console.log(String(scores), Object.prototype.toString.call(scores.keys()), typeof scores[Symbol.iterator]);
