// ES2015-ES2022 Object and String methods (runtime/es_methods.c) and those Duktape 2.7
// already has, checked the same way; the .expected file is node v20's output.
function show(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' && v === 0 && 1 / v < 0) return '-0';
  if (Array.isArray(v)) return '[' + v.map(show).join(',') + ']';
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
function codes(s) {
  var out = [];
  for (var i = 0; i < s.length; i++) out.push(s.charCodeAt(i).toString(16));
  return out.join(' ');
}

// Object.entries, values
var o = { a: 1, b: 'two' };
Object.defineProperty(o, 'hidden', { value: 3, enumerable: false });
o[Symbol('s')] = 4;
Object.defineProperty(o, 'g', { get: function () { return 'got'; }, enumerable: true });
t('entries', function () { return Object.entries(o); });
t('values', function () { return Object.values(o); });
t('entries array', function () { return Object.entries(['x', 'y']); });
t('entries string', function () { return Object.entries('ab'); });
t('values number', function () { return Object.values(5); });
t('entries inherited', function () { return Object.entries(Object.create({ p: 1 })); });
t('entries null', function () { return Object.entries(null); });
t('values undefined', function () { return Object.values(undefined); });
t('lengths', function () { return [Object.entries.length, Object.values.length, Object.fromEntries.length]; });

// Object.fromEntries
t('fromEntries', function () { return Object.fromEntries([['a', 1], ['b', [2]]]); });
t('fromEntries keys', function () { return Object.fromEntries([[1, 'n'], [{ toString: function () { return 'k'; } }, 'o'], [null, 'z']]); });
t('fromEntries last wins', function () { return Object.fromEntries([['a', 1], ['a', 2]]); });
t('fromEntries short entry', function () { return Object.fromEntries([['a'], []]); });
t('fromEntries round trip', function () { return Object.fromEntries(Object.entries({ x: 1, y: 2 })); });
var closed = [];
function entries(list) {
  var it = {};
  it[Symbol.iterator] = function () {
    var i = 0;
    return {
      next: function () { return i < list.length ? { value: list[i++], done: false } : { done: true }; },
      'return': function () { closed.push(i); return {}; }
    };
  };
  return it;
}
t('fromEntries iterable', function () { return Object.fromEntries(entries([['p', 1], ['q', 2]])); });
t('fromEntries bad entry', function () { return Object.fromEntries(entries([['p', 1], 'ab', ['q', 2]])); });
t('fromEntries null entry', function () { return Object.fromEntries([null]); });
console.log('closed', show(closed));
t('fromEntries null', function () { return Object.fromEntries(null); });
t('fromEntries undefined', function () { return Object.fromEntries(); });
t('fromEntries number', function () { return Object.fromEntries(5); });
t('fromEntries object', function () { return Object.fromEntries({}); });
t('fromEntries string', function () { return Object.fromEntries('ab'); });

// Object.assign, Object.is (Duktape has them)
t('assign', function () { return Object.assign({ a: 1 }, { b: 2 }, null, { a: 3 }); });
t('is', function () { return [Object.is(NaN, NaN), Object.is(0, -0), Object.is('a', 'a')]; });

// String.prototype.padStart, padEnd
t('padStart', function () { return ['abc'.padStart(6, '12'), 'abc'.padStart(5), 'abc'.padStart(2, 'x'), 'abc'.padStart(6, ''), 'abc'.padStart(NaN)]; });
t('padEnd', function () { return ['abc'.padEnd(8, 'xy'), 'abc'.padEnd(5), 'abc'.padEnd(-1, 'x'), 'a'.padEnd(4, 12)]; });
t('pad surrogates', function () { return codes('a'.padStart(4, '\uD83D\uDE00')); });
t('pad number this', function () { return String.prototype.padStart.call(5, 3, '0'); });
t('padStart huge', function () { return 'a'.padStart(Math.pow(2, 31)); });
t('padEnd huge', function () { return 'a'.padEnd(Infinity, 'ab'); });
t('padStart huge empty filler', function () { return 'a'.padStart(Math.pow(2, 31), ''); });
t('padStart null this', function () { return String.prototype.padStart.call(null, 3); });
t('padEnd undefined this', function () { return String.prototype.padEnd.call(undefined, 3); });
t('pad lengths', function () { return [''.padStart.length, ''.padEnd.length]; });

// trimStart, trimEnd (trimLeft, trimRight are the same functions)
var ws = ' \t\n\v\f\r\u00a0\u2028\u2029\ufeff\u3000';
t('trimStart', function () { return (ws + 'x' + ws).trimStart().length + ' ' + codes((ws + 'x' + ws).trimStart().slice(0, 2)); });
t('trimEnd', function () { return (ws + 'x' + ws).trimEnd().length + ' ' + codes((ws + 'x' + ws).trimEnd().slice(-2)); });
t('trim all space', function () { return [ws.trimStart(), ws.trimEnd(), ''.trimStart()]; });
t('trim inner', function () { return ['  a b  '.trimStart(), '  a b  '.trimEnd()]; });
t('aliases', function () { return [String.prototype.trimLeft === String.prototype.trimStart, String.prototype.trimRight === String.prototype.trimEnd]; });
t('trim names', function () { return [''.trimStart.name, ''.trimEnd.name, ''.trimLeft.name, ''.trimRight.name]; });
t('trimStart null this', function () { return String.prototype.trimStart.call(null); });
t('trimEnd number this', function () { return String.prototype.trimEnd.call(12); });

// String.prototype.at
t('at', function () { return ['abc'.at(0), 'abc'.at(-1), 'abc'.at(-4), 'abc'.at(3), 'abc'.at(1.9), 'abc'.at()]; });
t('at surrogate', function () { return codes('a\uD83D\uDE00'.at(-1)) + ' ' + codes('a\uD83D\uDE00'.at(1)); });
t('at null this', function () { return String.prototype.at.call(null, 0); });

// String.prototype.replaceAll
t('replaceAll', function () { return 'a.b.c'.replaceAll('.', '-'); });
t('replaceAll patterns', function () { return 'xay'.replaceAll('a', "[$$|$&|$`|$'|$1|$<n>|$]"); });
t('replaceAll empty', function () { return 'abc'.replaceAll('', '-'); });
t('replaceAll empty string', function () { return ''.replaceAll('', '-'); });
t('replaceAll overlapping', function () { return 'aaaa'.replaceAll('aa', 'b'); });
t('replaceAll none', function () { return 'abc'.replaceAll('z', 'y'); });
t('replaceAll fn', function () { return 'xaxbx'.replaceAll('x', function (m, p, s) { return '(' + m + p + s.length + ')'; }); });
t('replaceAll fn this', function () { var th; 'a'.replaceAll('a', function () { th = this; return ''; }); return th === undefined || th === globalThis; });
t('replaceAll coercion', function () { return 'a1a'.replaceAll(1, true); });
t('replaceAll surrogates', function () { return codes('\uD83D\uDE00x\uD83D\uDE00'.replaceAll('x', '\uD83D\uDE01')); });
t('replaceAll index after surrogate', function () { return '\uD83D\uDE00x'.replaceAll('x', function (m, p) { return p; }); });
t('replaceAll regexp', function () { return 'a1a2'.replaceAll(/a(\d)/g, '<$1>'); });
t('replaceAll regexp fn', function () { return 'a1a2'.replaceAll(/\d/g, function (d) { return d * 2; }); });
t('replaceAll non-global', function () { return 'a'.replaceAll(/a/, 'b'); });
t('replaceAll null this', function () { return String.prototype.replaceAll.call(null, 'a', 'b'); });
t('replaceAll.length', function () { return ''.replaceAll.length; });

// what Duktape already had
t('includes', function () { return ['abc'.includes('b'), 'abc'.includes('b', 2), 'abc'.includes('')]; });
t('startsWith', function () { return ['abc'.startsWith('ab'), 'abc'.startsWith('b', 1), 'abc'.startsWith('c', -5)]; });
t('endsWith', function () { return ['abc'.endsWith('bc'), 'abc'.endsWith('a', 1), 'abc'.endsWith('c', 99)]; });
tn('includes regexp', function () { return 'abc'.includes(/a/); });
tn('includes null this', function () { return String.prototype.includes.call(null, 'a'); });
t('repeat', function () { return ['ab'.repeat(3), 'ab'.repeat(0), ''.repeat(Math.pow(2, 40)), 'a'.repeat(2.9)]; });
tn('repeat -1', function () { return 'a'.repeat(-1); });
tn('repeat Infinity', function () { return 'a'.repeat(Infinity); });
t('codePointAt', function () { return ['\uD83D\uDE00'.codePointAt(0), '\uD83D\uDE00'.codePointAt(1), 'a'.codePointAt(0), 'a'.codePointAt(1), '\uD83Dx'.codePointAt(0)]; });
t('fromCodePoint', function () { return codes(String.fromCodePoint(0x1F600, 97, 0xFFFF)); });
tn('fromCodePoint range', function () { return String.fromCodePoint(0x110000); });
tn('fromCodePoint fraction', function () { return String.fromCodePoint(1.5); });
t('round trip', function () { return String.fromCodePoint('\uD83D\uDE00'.codePointAt(0)) === '\uD83D\uDE00'; });
t('globalThis', function () { return [typeof globalThis, globalThis === global, globalThis.Array === Array]; });

// none is enumerable
var keys = [];
for (var k in '') keys.push(k);
for (k in Object) keys.push(k);
console.log('enumerable', show(keys));
