// Symbol.species and subclass constructors in ES5 form (what Babel's classes come to):
// ArraySpeciesCreate for concat/slice/splice/map/filter/flat/flatMap (runtime/es_species.c,
// duktape_patch edit 13), Array.from/of on a constructor `this`, Promise's
// SpeciesConstructor in then and the statics' receiver checks (runtime/promise.c).
// Expected output: node 20's.
'use strict';
function show(x) {
  var keys = Object.keys(x).map(function (k) { return k + ':' + x[k]; }).join(',');
  return Array.isArray(x) ? 'array[' + x.join(',') + '] ' + (x.constructor === Array ? 'Array' : 'other')
    : Object.prototype.toString.call(x) + ' {' + keys + '}';
}
function t(name, f) {
  try { console.log(name, show(f())); } catch (e) { console.log(name, 'threw', e.constructor.name); }
}
function withCtor(ctor) { var a = [1, 2, 3]; a.constructor = ctor; return a; }
function speciesOf(s) { var c = {}; c[Symbol.species] = s; return c; }
function Made(n) { this.n = n; }
var dbl = function (x) { return x * 2; };

console.log(typeof Symbol.species, String(Symbol.species));
t('from.call Object (iterable)', function () { return Array.from.call(Object, [1, 2]); });
t('from.call Made (array-like)', function () { return Array.from.call(Made, { length: 2, 0: 'a', 1: 'b' }); });
t('of.call Made', function () { return Array.of.call(Made, 1, 2); });
t('from.call non-constructor', function () { return Array.from.call({}, [1]); });
t('of.call non-constructor', function () { return Array.of.call(Math.max, 1); });
t('constructor undefined', function () { return withCtor(undefined).map(dbl); });
t('constructor 5', function () { return withCtor(5).map(dbl); });
t('constructor {}', function () { return withCtor({}).map(dbl); });
t('constructor function', function () { return withCtor(function () {}).map(dbl); });
t('species null', function () { return withCtor(speciesOf(null)).slice(); });
t('species undefined', function () { return withCtor(speciesOf(undefined)).filter(Boolean); });
t('species 1', function () { return withCtor(speciesOf(1)).concat([]); });
t('species Made map', function () { return withCtor(speciesOf(Made)).map(dbl); });
t('species Made filter', function () { return withCtor(speciesOf(Made)).filter(function (x) { return x > 1; }); });
t('species Made flat', function () { return withCtor(speciesOf(Made)).flat(); });
t('species Made flatMap', function () { return withCtor(speciesOf(Made)).flatMap(function (x) { return [x]; }); });
console.log('species Made slice/splice n', withCtor(speciesOf(Made)).slice(1).n, withCtor(speciesOf(Made)).splice(0, 1).n);
t('array-like slice', function () { return Array.prototype.slice.call({ length: 2, 0: 1, 1: 2, constructor: speciesOf(Object) }); });

// an ES5 subclass of Array, as Babel's wrapNativeSuper makes one
function Vec() {
  var a = Array.apply(null, arguments);
  Object.setPrototypeOf(a, Vec.prototype);
  return a;
}
Vec.prototype = Object.create(Array.prototype, { constructor: { value: Vec, writable: true, configurable: true } });
Object.setPrototypeOf(Vec, Array);
Vec.prototype.sum = function () { return this.reduce(function (a, b) { return a + b; }, 0); };
var v = Vec.from([1, 2, 3, 4]);
console.log(v instanceof Vec, v.length, v.sum(), v.map(dbl) instanceof Vec, v.map(dbl).sum(),
  v.slice(2) instanceof Vec, v.concat(5).sum(), v.splice(0, 2) instanceof Vec, v.sum(),
  Vec.of(1, [2]).flat() instanceof Vec, [1].concat(v) instanceof Vec);

// Promise: the statics' receiver, then's species
['resolve', 'reject', 'all', 'race', 'any', 'allSettled'].forEach(function (m) {
  [undefined, 1, {}].forEach(function (r) {
    try { Promise[m].call(r, []); console.log(m, 'ok'); } catch (e) { console.log(m, typeof r, e.constructor.name); }
  });
});
var p = Promise.resolve(1);
p.constructor = 1;
t('then: constructor 1', function () { return p.then(); });
var q = Promise.resolve(1);
q.constructor = speciesOf(3);
t('then: species 3', function () { return q.then(); });
var d = Object.getOwnPropertyDescriptor(Promise, Symbol.species);
console.log(typeof d.get, d.set, d.enumerable, d.configurable, Promise[Symbol.species] === Promise);
function Twice(executor) { executor(function () {}, function () {}); executor(function () {}, function () {}); }
function Numbers(executor) { executor(1, 2); }
t('capability executor called twice', function () { return Promise.resolve.call(Twice, 1); });
t('capability not callable', function () { return Promise.reject.call(Numbers, 1); });
var made = 0;
function Sub(executor) {
  made++;
  var p = new Promise(executor); // Babel's _construct where Reflect.construct lacks newTarget
  Object.setPrototypeOf(p, Sub.prototype);
  return p;
}
Object.setPrototypeOf(Sub, Promise);
Sub.prototype = Object.create(Promise.prototype, { constructor: { value: Sub, writable: true, configurable: true } });
var s1 = new Sub(function (res) { res(7); });
var s2 = s1.then(function (x) { return x + 1; });
console.log('subclass', s2 instanceof Sub, made, Sub.resolve(s1) === s1, Promise.resolve(s1) === s1);
s2.then(function (x) { console.log('then on subclass', x, made); });
