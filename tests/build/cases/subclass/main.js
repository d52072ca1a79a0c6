// Subclasses of built-ins as a Node 20 user writes them, lowered by petrel-tool build
// (Babel's wrapNativeSuper: the built-in constructs, the subclass's prototype is set
// after): Map, Set, Promise (then/catch/finally and the statics keep the subclass
// through Symbol.species), Error, EventEmitter, Array (map, filter, slice, splice,
// concat, flat, flatMap, from, of keep the subclass). Output compared with node's.
'use strict';
const { EventEmitter } = require('events');

class Registry extends Map {
  register(name, value) { return this.set(name, value); }
  get names() { return [...this.keys()].sort(); }
}
const reg = new Registry([['b', 2]]);
reg.register('a', 1).register('c', 3);
console.log(reg.names, reg.size, reg.get('a'), reg instanceof Registry, reg instanceof Map,
  Object.prototype.toString.call(reg), reg.constructor.name);

class Tags extends Set {
  addAll(...xs) { xs.forEach((x) => this.add(x)); return this; }
}
const tags = new Tags(['x']).addAll('y', 'z', 'x');
console.log([...tags], tags.size, tags instanceof Set, tags.has('y'));

class TimedOut extends Error {
  constructor(ms, options) {
    super(`timed out after ${ms} ms`, options);
    this.name = 'TimedOut';
    this.ms = ms;
  }
}
const err = new TimedOut(50, { cause: 'slow' });
console.log(err instanceof TimedOut, err instanceof Error, err.name, err.message, err.ms, String(err),
  Object.prototype.toString.call(err), typeof err.stack);
try { throw new TimedOut(10); } catch (e) { console.log('caught', e.name, e.message, e instanceof TimedOut); }
class BadInput extends TypeError {}
console.log(new BadInput('no') instanceof TypeError, new BadInput('no').name, String(new BadInput('no')));

class Bus extends EventEmitter {
  constructor() { super(); this.count = 0; this.on('msg', () => this.count++); }
  send(m) { this.emit('msg', m); return this; }
}
const bus = new Bus().send(1).send(2);
console.log(bus.count, bus instanceof EventEmitter, bus.listenerCount('msg'));

class Vec extends Array {
  sum() { return this.reduce((a, b) => a + b, 0); }
  get last() { return this[this.length - 1]; }
}
const v = Vec.from([1, 2, 3, 4]);
console.log(v instanceof Vec, Array.isArray(v), v.length, v.sum(), v.last, JSON.stringify(v));
const doubled = v.map((x) => x * 2);
console.log('map', doubled instanceof Vec, doubled.sum(), doubled.length);
console.log('filter', v.filter((x) => x % 2).sum(), v.filter((x) => x % 2) instanceof Vec);
console.log('slice', v.slice(1, 3) instanceof Vec, v.slice(1, 3).sum(), v.slice(-1).last);
console.log('concat', v.concat([10], 20) instanceof Vec, v.concat([10], 20).sum());
const w = Vec.of(5, 6, 7, 8);
const removed = w.splice(1, 2);
console.log('splice', removed instanceof Vec, removed.sum(), w.sum(), w.length);
console.log('flat', Vec.of(Vec.of(1), [2, [3]]).flat(2) instanceof Vec, Vec.of(1, 2).flatMap((x) => [x, x]).sum());
console.log('of', Vec.of(7) instanceof Vec, Vec.of(7).length, Vec.of(7)[0]);
const pushed = new Vec();
pushed.push(1, 2);
console.log('push', pushed.length, pushed.sum(), [...pushed], pushed instanceof Vec);
console.log('plain', [1, 2].map((x) => x) instanceof Vec, Array.from('ab'), [1].concat(v) instanceof Vec);
// a subclass can opt out through Symbol.species
class Rows extends Array {
  static get [Symbol.species]() { return Array; }
}
const rows = Rows.from([1, 2, 3]);
console.log('species', rows instanceof Rows, rows.map((x) => x) instanceof Rows, rows.filter(Boolean).constructor === Array);

let made = 0;
class Task extends Promise {
  constructor(executor) { made++; super(executor); }
  static of(v) { return this.resolve(v); }
}
const t = new Task((resolve) => setImmediate(() => resolve(1)));
const t2 = t.then((x) => x + 1);
const t3 = t2.catch(() => 0);
const t4 = t3.finally(() => {});
console.log('task', t instanceof Task, t2 instanceof Task, t3 instanceof Task, t4 instanceof Task,
  t instanceof Promise, Object.prototype.toString.call(t2), made);
made = 0;
const r = Task.resolve(5), j = Task.reject(new Error('no'));
j.catch(() => {});
console.log('statics', r instanceof Task, j instanceof Task, Task.of(1) instanceof Task, made,
  Task.resolve(r) === r, Promise.resolve(r) === r, Task.resolve(Promise.resolve(1)) instanceof Task);
const combined = [Task.all([t, 2]), Task.race([t]), Task.allSettled([t, j]), Task.any([j, t])];
console.log('combinators', combined.map((p) => p instanceof Task));
class Plain extends Promise {
  static get [Symbol.species]() { return Promise; }
}
const pl = new Plain((resolve) => resolve(1));
console.log('species', pl instanceof Plain, pl.then((x) => x) instanceof Plain, pl.then((x) => x) instanceof Promise);

(async () => {
  console.log('awaited', await t, await t2, await t4, await r);
  console.log(await combined[0], await combined[1], JSON.stringify(await combined[2]), await combined[3]);
  await j.catch((e) => console.log('rejected', e.message));
  const chained = await Task.resolve(1).then((x) => new Task((res) => res(x + 1))).then((x) => x * 10);
  console.log('chained', chained);
})();
