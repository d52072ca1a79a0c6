// ES2015-ES2022 Array methods Duktape 2.7 lacks (runtime/es_methods.c); the .expected file is node v20's output.
function show(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' && v === 0 && 1 / v < 0) return '-0';
  if (Array.isArray(v)) {
    var parts = [];
    for (var i = 0; i < v.length; i++) parts.push(i in v ? show(v[i]) : '<hole>');
    return '[' + parts.join(',') + ']';
  }
  if (v && typeof v === 'object') {
    return '{' + Object.keys(v).map(function (k) { return k + ':' + show(v[k]); }).join(',') + '}';
  }
  return String(v);
}
function t(label, f) {
  try { console.log(label, show(f())); } catch (e) { console.log(label, 'threw', e.name + ': ' + e.message); }
}
function tn(label, f) { // an error from Duktape's own code: its name only (the message is not node's)
  try { console.log(label, show(f())); } catch (e) { console.log(label, 'threw', e.name); }
}
function iterable(values, log) {
  var o = {};
  o[Symbol.iterator] = function () {
    var i = 0;
    return {
      next: function () { return i < values.length ? { value: values[i++], done: false } : { value: 'ret', done: true }; },
      'return': function () { log.push('return called at ' + i); return {}; }
    };
  };
  return o;
}

// Array.from
t('from string', function () { return Array.from('a\uD83D\uDE00b'); });
t('from string length', function () { return Array.from('a\uD83D\uDE00b').length; });
t('from lone surrogate', function () { return Array.from('\uD83Dx\uDE00').length; });
t('from array-like', function () { return Array.from({ length: 3, 0: 'a', 2: 'c' }); });
t('from holes', function () { return Array.from([1, , 3]); });
t('from map', function () { return Array.from({ length: 3 }, function (v, i) { return [v, i, this.k]; }, { k: 'K' }); });
t('from number', function () { return Array.from(5); });
t('from negative length', function () { return Array.from({ length: -1 }); });
t('from fractional length', function () { return Array.from({ length: 2.7, 0: 1, 1: 2 }); });
t('from null', function () { return Array.from(null); });
t('from undefined', function () { return Array.from(); });
t('from bad mapFn', function () { return Array.from([1], 5); });
t('from huge length', function () { return Array.from({ length: Math.pow(2, 32) }); });
var log = [];
t('from iterable', function () { return Array.from(iterable([1, 2, 3], log)); });
t('from iterable mapped', function () { return Array.from(iterable(['x', 'y'], log), function (v, i) { return v + i; }); });
t('from iterable map throws', function () {
  return Array.from(iterable([1, 2, 3], log), function (v) { if (v === 2) throw new Error('boom'); return v; });
});
console.log('log', show(log));
var bad = {};
bad[Symbol.iterator] = function () { return { next: function () { return 5; } }; };
t('from bad result', function () { return Array.from(bad); });
var bad2 = {};
bad2[Symbol.iterator] = function () { return 5; };
t('from bad iterator', function () { return Array.from(bad2); });
var arrIt = [1, 2];
arrIt[Symbol.iterator] = function () { return iterable(['own'], [])[Symbol.iterator](); };
t('from array with own iterator', function () { return Array.from(arrIt); });
t('from.length', function () { return Array.from.length; });
t('from.name', function () { return Array.from.name; });

// Array.of
t('of', function () { return Array.of(7); });
t('of many', function () { return Array.of(1, 'a', undefined, null); });
t('of none', function () { return Array.of(); });
t('of.length', function () { return Array.of.length; });

// find, findIndex, findLast, findLastIndex
var seen = [];
t('find', function () { return [1, 5, 10, 15].find(function (x) { return x > 6; }); });
t('find none', function () { return [1, 2].find(function (x) { return x > 6; }); });
t('find holes', function () { return [1, , 3].find(function (x, i, a) { seen.push(show(x) + '@' + i + '/' + a.length); return false; }); });
console.log('seen', show(seen));
t('find thisArg', function () { return [1, 2, 3].find(function (x) { return x === this.want; }, { want: 2 }); });
t('findIndex', function () { return [1, 5, 10, 15].findIndex(function (x) { return x > 6; }); });
t('findIndex none', function () { return [].findIndex(function () { return true; }); });
t('findLast', function () { return [1, 5, 10, 15].findLast(function (x) { return x < 12; }); });
t('findLastIndex', function () { return [1, 5, 10, 15].findLastIndex(function (x) { return x < 12; }); });
t('findLastIndex none', function () { return [1].findLastIndex(function () { return false; }); });
t('findLast order', function () { var o = []; [1, 2, 3].findLast(function (x, i) { o.push(i); }); return o; });
t('find array-like', function () { return Array.prototype.find.call({ length: 2, 0: 'a', 1: 'b' }, function (x) { return x === 'b'; }); });
t('find on string', function () { return Array.prototype.findIndex.call('abc', function (x) { return x === 'c'; }); });
t('find null this', function () { return Array.prototype.find.call(null, function () {}); });
t('findLast undefined this', function () { return Array.prototype.findLast.call(undefined, function () {}); });
t('find not callable', function () { return [1].find(5); });
t('find object', function () { return [1].find({}); });
t('find array', function () { return [1].findIndex([1, 2]); });
t('find lengths', function () { return [[].find.length, [].findIndex.length, [].findLast.length, [].findLastIndex.length]; });
t('find names', function () { return [[].find.name, [].findIndex.name, [].findLast.name, [].findLastIndex.name]; });

// includes (SameValueZero)
t('includes NaN', function () { return [1, NaN].includes(NaN); });
t('indexOf NaN', function () { return [1, NaN].indexOf(NaN); });
t('includes -0', function () { return [-0].includes(0) + ' ' + [0].includes(-0); });
t('includes hole', function () { return [, 1].includes(undefined); });
t('includes fromIndex', function () { return [[1, 2, 3].includes(1, 1), [1, 2, 3].includes(3, -1), [1, 2, 3].includes(1, -10), [1, 2, 3].includes(3, 3), [1].includes(1, -Infinity), [1].includes(1, Infinity)]; });
t('includes types', function () { return [['1'].includes(1), [null].includes(undefined), [undefined].includes(), ['a'].includes('a')]; });
var calls = 0;
t('includes empty', function () { return [].includes(1, { valueOf: function () { calls++; return 0; } }) + ' ' + calls; });
t('includes array-like', function () { return Array.prototype.includes.call({ length: 2, 1: 'x' }, 'x'); });
t('includes null this', function () { return Array.prototype.includes.call(null, 1); });
t('includes.length', function () { return [].includes.length; });

// fill
t('fill', function () { return [1, 2, 3].fill(4); });
t('fill range', function () { return [1, 2, 3, 4, 5].fill(0, 1, 3); });
t('fill negative', function () { return [1, 2, 3, 4, 5].fill(9, -3, -1); });
t('fill empty range', function () { return [1, 2, 3].fill(9, 2, 1); });
t('fill NaN', function () { return [1, 2, 3].fill(9, NaN, NaN); });
t('fill holes', function () { return new Array(3).fill('h'); });
t('fill array-like', function () { var o = { length: 2 }; return Array.prototype.fill.call(o, 'v') === o ? o : 'other'; });
t('fill returns this', function () { var a = [1]; return a.fill(2) === a; });
t('fill.length', function () { return [].fill.length; });

// flat, flatMap
t('flat', function () { return [1, [2, [3, [4]]]].flat(); });
t('flat 0', function () { return [1, [2]].flat(0); });
t('flat 2', function () { return [1, [2, [3, [4]]]].flat(2); });
t('flat Infinity', function () { return [1, [2, [3, [4, [5, [6]]]]]].flat(Infinity); });
t('flat negative', function () { return [1, [2]].flat(-1); });
t('flat string depth', function () { return [1, [2, [3]]].flat('2'); });
t('flat holes', function () { return [1, , [2, , 3]].flat(); });
t('flat array-like not spread', function () { return [{ length: 1, 0: 'x' }, 'ab'].flat(); });
var cyc = [1];
cyc.push(cyc);
t('flat cycle', function () { return cyc.flat(Infinity).length; });
t('flat cycle finite', function () { return cyc.flat(3).length; });
t('flatMap', function () { return [1, 2].flatMap(function (x) { return [x, [x * 2]]; }); });
t('flatMap args', function () { return ['a', 'b'].flatMap(function (x, i, a) { return [x + i + a.length + this.s]; }, { s: '!' }); });
t('flatMap non-array', function () { return [1, 2].flatMap(function (x) { return x; }); });
t('flatMap not callable', function () { return [1].flatMap(1); });
t('flat null this', function () { return Array.prototype.flat.call(null); });
t('flat lengths', function () { return [[].flat.length, [].flatMap.length]; });

// at
t('at', function () { return [[1, 2, 3].at(0), [1, 2, 3].at(-1), [1, 2, 3].at(-3), [1, 2, 3].at(-4), [1, 2, 3].at(3)]; });
t('at coercion', function () { return [[1, 2, 3].at(1.7), [1, 2, 3].at(-1.2), [1, 2, 3].at(NaN), [1, 2, 3].at('2'), [1, 2, 3].at()]; });
t('at hole', function () { return [, 1].at(0); });
t('at array-like', function () { return Array.prototype.at.call({ length: 2, 0: 'a', 1: 'b' }, -1); });
t('at string', function () { return Array.prototype.at.call('xyz', -2); });
t('at null this', function () { return Array.prototype.at.call(undefined, 0); });
t('at.length', function () { return [].at.length; });

// copyWithin
t('copyWithin', function () { return [1, 2, 3, 4, 5].copyWithin(0, 3); });
t('copyWithin 2', function () { return [1, 2, 3, 4, 5].copyWithin(0, 3, 4); });
t('copyWithin overlap right', function () { return [1, 2, 3, 4, 5].copyWithin(1, 0, 3); });
t('copyWithin overlap left', function () { return [1, 2, 3, 4, 5].copyWithin(0, 1); });
t('copyWithin negative', function () { return [1, 2, 3, 4, 5].copyWithin(-2, -3, -1); });
t('copyWithin holes', function () { return [1, , 3, 4].copyWithin(2, 0); });
t('copyWithin array-like', function () { return Array.prototype.copyWithin.call({ length: 5, 3: 1 }, 0, 3); });
t('copyWithin.length', function () { return [].copyWithin.length; });

// none of them is enumerable
var keys = [];
for (var k in []) keys.push(k);
for (k in Array) keys.push(k);
console.log('enumerable', show(keys));
