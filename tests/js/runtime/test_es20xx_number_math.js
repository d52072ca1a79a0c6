// ES2015+ Number and Math: the Math functions Duktape 2.7 lacks (runtime/es_methods.c) and
// those it has, checked the same way; the .expected file is node v20's output. Results
// of the transcendental functions are printed to 12 significant digits (libm and V8 may
// differ in the last bit).
function show(v) {
  if (typeof v === 'number' && v === 0 && 1 / v < 0) return '-0';
  if (Array.isArray(v)) return '[' + v.map(show).join(',') + ']';
  return String(v);
}
function p(x) { return typeof x === 'number' && isFinite(x) && x !== 0 ? Number(x.toPrecision(12)) : x; }
function t(label, f) {
  try { console.log(label, show(f())); } catch (e) { console.log(label, 'threw', e.name + ': ' + e.message); }
}
function tn(label, f) { // an error from Duktape's own code: its name only (the message is not node's)
  try { console.log(label, show(f())); } catch (e) { console.log(label, 'threw', e.name); }
}
var inputs = [0, -0, 1, -1, 0.5, -0.5, 2, 10, 1e-10, -1e-10, 1e300, Infinity, -Infinity, NaN];
['log1p', 'expm1', 'cosh', 'sinh', 'tanh', 'acosh', 'asinh', 'atanh', 'fround', 'trunc', 'sign', 'log2', 'log10', 'cbrt'].forEach(function (name) {
  t(name, function () { return inputs.map(function (x) { return p(Math[name](x)); }); });
  t(name + ' meta', function () { return [Math[name].length, Math[name].name, typeof Math[name]]; });
});
t('fround', function () { return [Math.fround(5.5), Math.fround(5.05), Math.fround(1e40), Math.fround(-1e-50), Math.fround(16777217), Math.fround('2.5')]; });
t('coercion', function () { return [Math.cosh('0'), Math.tanh(null), Math.sinh(undefined), Math.log1p({ valueOf: function () { return 0; } })]; });
tn('symbol', function () { return Math.cosh(Symbol('x')); });
t('hypot', function () { return [Math.hypot(3, 4), Math.hypot(), Math.hypot(-3), Math.hypot(NaN, Infinity), Math.hypot(1, 2, 2), Math.hypot.length]; });
t('clz32', function () { return [Math.clz32(1), Math.clz32(0), Math.clz32(-1), Math.clz32(0.5), Math.clz32(Math.pow(2, 32))]; });
t('imul', function () { return [Math.imul(3, 4), Math.imul(-5, 12), Math.imul(0xffffffff, 5), Math.imul(0x7fffffff, 2)]; });
t('cbrt of cubes', function () { var bad = []; for (var i = -300; i <= 300; i++) if (Math.cbrt(i * i * i) !== i) bad.push(i); return bad; });
t('log2 exact', function () { return [Math.log2(8), Math.log2(1024), Math.log10(1000), Math.cbrt(27), Math.cbrt(-8)]; });

t('isInteger', function () { return [Number.isInteger(5), Number.isInteger(5.5), Number.isInteger('5'), Number.isInteger(Infinity), Number.isInteger(-0)]; });
t('isSafeInteger', function () { return [Number.isSafeInteger(Math.pow(2, 53) - 1), Number.isSafeInteger(Math.pow(2, 53)), Number.isSafeInteger(1.5), Number.isSafeInteger('1')]; });
t('isFinite', function () { return [Number.isFinite(1), Number.isFinite('1'), Number.isFinite(Infinity), Number.isFinite(NaN)]; });
t('isNaN', function () { return [Number.isNaN(NaN), Number.isNaN('NaN'), Number.isNaN(undefined)]; });
t('constants', function () { return [Number.EPSILON === Math.pow(2, -52), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]; });
t('parse', function () { return [Number.parseFloat === parseFloat, Number.parseInt === parseInt, Number.parseInt('0x1f'), Number.parseFloat('1.5e3x')]; });

var keys = [];
for (var k in Math) keys.push(k);
for (k in Number) keys.push(k);
console.log('enumerable', show(keys));
