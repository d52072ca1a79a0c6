// ES2015-ES2020 syntax that Babel lowers to ES5 for Duktape.
const tag = (strings, ...vals) => strings.raw.map((s, i) => s + (i < vals.length ? `[${vals[i]}]` : '')).join('');
console.log(tag`a${1}b${'two'}c`);

// let/const: a fresh binding per loop turn
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i * 10);
console.log(fns.map((f) => f()));
{ const shadow = 'inner'; console.log(shadow); }

// default, rest, spread
function f(a, b = a + 1, ...more) { return [a, b, more.length]; }
console.log(f(1), f(1, 5, 6, 7), Math.max(...[4, 8, 2]), [...[1, 2], ...'xy']);
const merged = { ...{ a: 1, b: 2 }, b: 3 };
console.log(merged);

// destructuring: nested, defaults, computed keys, in parameters
const { p: { q = 'dq' } = {}, ['r' + 's']: rs = 'drs', ...others } = { p: {}, rs: 9, t: 1, u: 2 };
console.log(q, rs, others);
const [x1, , x3 = 'd3', ...xs] = [1, 2, undefined, 4, 5];
console.log(x1, x3, xs);
const swap = ([a, b]) => [b, a];
console.log(swap([1, 2]));

// for-of over arrays and strings (astral characters too)
let joined = '';
for (const ch of 'h\u00e9\u{1F600}!') joined += `<${ch.length}>`;
console.log(joined);
for (const [i, v] of [[0, 'a'], [1, 'b']]) console.log(i, v);

// object literals: shorthand, methods, computed, getters
const name = 'n';
const obj = { name, [`${name}2`]: 2, hello() { return `hi ${this.name}`; }, get upper() { return this.name.toUpperCase(); } };
console.log(obj.hello(), obj.n2, obj.upper, Object.keys(obj));

// classes: fields, static, getters/setters, inheritance, super calls
class Shape {
  static count = 0;
  sides = 0;
  constructor(label) { this.label = label; Shape.count++; }
  get description() { return `${this.label} with ${this.sides} sides`; }
  toString() { return `Shape(${this.label})`; }
}
class Square extends Shape {
  sides = 4;
  constructor(side) { super('square'); this.side = side; }
  get area() { return this.side ** 2; }
  toString() { return `${super.toString()}[${this.side}]`; }
  static of(n) { return new Square(n); }
}
const sq = Square.of(3);
console.log(sq.description, sq.area, String(sq), Shape.count, sq instanceof Shape);

class AppError extends Error {
  constructor(msg, code) { super(msg); this.name = 'AppError'; this.code = code; }
}
try { throw new AppError('broken', 'E_APP'); } catch (e) {
  console.log(e instanceof AppError, e instanceof Error, e.name, e.message, e.code, String(e));
}

// optional chaining, nullish coalescing, exponent, logical assignment
const cfg = { net: { port: 0 }, list: null };
console.log(cfg.net?.port ?? 'none', cfg.tls?.key ?? 'no key', cfg.list?.[0], cfg.fn?.(), 2 ** 3 ** 2);
let la = null; la ??= 'set'; let lb = 1; lb ||= 2; let lc = 1; lc &&= 3;
console.log(la, lb, lc);

// generators
function* range(n) { for (let i = 0; i < n; i++) yield i; return 'done'; }
function* outer() { const r = yield* range(3); yield r; }
console.log([...outer()]);
const it = range(2);
console.log(it.next(), it.next(), it.next(), it.next());

// arrow functions keep this; numeric literals
const counter = { n: 0, inc() { [1, 2, 3].forEach(() => this.n++); return this.n; } };
console.log(counter.inc(), 0b101, 0o17, 1_000);

// user-defined iterables, new.target, static blocks, labels with block-scoped closures
class Range {
  constructor(n) { this.n = n; }
  *[Symbol.iterator]() { for (let i = 0; i < this.n; i++) yield i; }
}
const fromRange = [];
for (const v of new Range(3)) fromRange.push(v);
console.log(fromRange, [...new Range(2)], Math.min(...new Range(4)));
function Made() { return new.target === Made; }
console.log(new Made() instanceof Made, Made());
class Config { static defaults; static { Config.defaults = { retries: 3 }; } }
console.log(Config.defaults);
const later = [];
outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j > i) continue outer;
    later.push(() => `${i}${j}`);
  }
}
console.log(later.map((f) => f()).join(' '));
const { a: { b: [, second] = [] } = {} } = { a: { b: [1, 2] } };
console.log(second, (({ x = 1, ...r }) => [x, r])({ y: 2 }));
// arguments is iterable (arguments[Symbol.iterator] is Array.prototype.values)
function argsJoined() {
  const out = [];
  for (const x of arguments) out.push(x);
  return [out.join('+'), [...arguments].length, Array.from(arguments).reverse(), Math.max(...arguments)];
}
function strictArgs() { 'use strict'; return [...arguments]; }
console.log(argsJoined(3, 1, 2), strictArgs("a", "b"), argsJoined());
