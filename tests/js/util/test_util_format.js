// util.format / util.formatWithOptions: every specifier, %% escapes, missing
// and extra arguments. Expected strings are Node v20's output.
var assert = require('assert');
var util = require('util');
var format = util.format;

function eq(args, expected) {
  var got = format.apply(null, args);
  assert.strictEqual(got, expected, 'format(' + util.inspect(args) + ')');
}

// ---- no format string / plain strings (console.log's hot path)
eq([], '');
eq(['a'], 'a');
eq(['a', 'b'], 'a b');
eq(['a', 'b', 'c', 'd'], 'a b c d');
eq(['', ''], ' ');
eq(['100%'], '100%');
eq(['100%', 'done'], '100% done');
eq(['trailing %', 5], 'trailing % 5');
eq(['no specifiers', 1, 'two', null], 'no specifiers 1 two null');

// ---- the first argument is not a string: everything inspected, joined by spaces
eq([1, 2], '1 2');
eq([null], 'null');
eq([undefined], 'undefined');
eq([{ a: 1 }, 'x'], '{ a: 1 } x');
eq([['a', 1], { b: 'c' }], "[ 'a', 1 ] { b: 'c' }");
eq([-0], '-0');
eq([true, false], 'true false');
eq([Symbol('s')], 'Symbol(s)');
eq([{ a: { b: { c: { d: 1 } } } }], '{ a: { b: { c: [Object] } } }');

// ---- %s
eq(['%s', 'x'], 'x');
eq(['%s!', 'x'], 'x!');
eq(['<%s>', ''], '<>');
eq(['%s', 1.5], '1.5');
eq(['%s', -0], '-0');
eq(['%s', null], 'null');
eq(['%s', undefined], 'undefined');
eq(['%s', true], 'true');
eq(['%s', Symbol('q')], 'Symbol(q)');
eq(['%s', { a: { b: 1 } }], '{ a: [Object] }');
eq(['%s', [1, [2, [3]]]], '[ 1, [Array] ]');
eq(['%s', []], '[]');
eq(['%s', new Date(0)], '1970-01-01T00:00:00.000Z');
eq(['%s', Object.create(null)], '[Object: null prototype] {}');
(function () {
  function Custom() {}
  Custom.prototype.toString = function () { return 'custom string'; };
  eq(['%s', new Custom()], 'custom string');
  eq(['%s', { toString: function () { return 'own toString'; } }], 'own toString');
  function Plain() { this.a = 1; }
  eq(['%s', new Plain()], 'Plain { a: 1 }');
})();
(function () {
  var e = new Error('msg');
  e.stack = 'Error: msg\n    at somewhere (file.js:1:1)';
  eq(['%s', e], 'Error: msg\n    at somewhere (file.js:1:1)');
  var bare = new RangeError('no stack');
  bare.stack = undefined;
  eq(['%s', bare], '[RangeError: no stack]');
})();

// ---- %d %i %f
eq(['%d', 42], '42');
eq(['%d', '42'], '42');
eq(['%d', '0x10'], '16');
eq(['%d', 1.5], '1.5');
eq(['%d', -0], '-0');
eq(['%d', 'abc'], 'NaN');
eq(['%d', {}], 'NaN');
eq(['%d', [5]], '5');
eq(['%d', ''], '0');
eq(['%d', null], '0');
eq(['%d', undefined], 'NaN');
eq(['%d', Symbol('s')], 'NaN');
eq(['%i', 42.9], '42');
eq(['%i', '42.9'], '42');
eq(['%i', -3.7], '-3');
eq(['%i', 'abc'], 'NaN');
eq(['%i', {}], 'NaN');
eq(['%i', Symbol('s')], 'NaN');
eq(['%f', '1.25'], '1.25');
eq(['%f', '1.25xyz'], '1.25');
eq(['%f', 'x'], 'NaN');
eq(['%f', -0], '0');                  // parseFloat(String(-0))
eq(['%f', Symbol('s')], 'NaN');
eq(['%d + %i = %f', 1, 2, 3.5], '1 + 2 = 3.5');

// ---- %j
eq(['%j', { a: [1, 'x'] }], '{"a":[1,"x"]}');
eq(['%j', 'str'], '"str"');
eq(['%j', 5], '5');
eq(['%j', null], 'null');
eq(['%j', undefined], 'undefined');
(function () {
  var circ = { name: 'loop' };
  circ.self = circ;
  eq(['%j', circ], '[Circular]');
  var withToJSON = { toJSON: function () { return { replaced: true }; } };
  eq(['%j', withToJSON], '{"replaced":true}');
})();

// ---- %o %O
eq(['%O', { a: { b: { c: { d: 1 } } } }], '{ a: { b: { c: [Object] } } }');
eq(['%O', 'str'], "'str'");
eq(['%o', [1]], '[ 1, [length]: 1 ]');
eq(['%o', 'str'], "'str'");
eq(['%o', { a: { b: { c: { d: { e: { f: 1 } } } } } }], '{\n  a: {\n    b: { c: { d: { e: [Object] } } }\n  }\n}');  // depth 4

// ---- %c (CSS, consumed and dropped)
eq(['%cred%s', 'color: red', '!'], 'red!');
eq(['%c'], '%c');

// ---- %% and unknown specifiers
eq(['%%'], '%%');                       // a lone string is returned as is
eq(['%%', 1], '% 1');
eq(['a%%b', 1], 'a%b 1');
eq(['%%s', 'x'], '%s x');
eq(['%s%%', 'x'], 'x%');
eq(['%d%%', 50], '50%');
eq(['100%% %s', 'sure'], '100% sure');
eq(['%x %s', 'a'], '%x a');
eq(['%', 1], '% 1');
eq(['a%', 1], 'a% 1');
eq(['%%%s', 'x'], '%x');

// ---- missing and extra arguments
eq(['%s'], '%s');
eq(['%s %s', 'a'], 'a %s');
eq(['%d %d', 1], '1 %d');
eq(['%s %%', 'a'], 'a %');            // %% still collapses after the arguments ran out
eq(['%s', 'a', 'b'], 'a b');
eq(['%s:%d', 'a', 2, 3, 'extra', { k: 1 }], "a:2 3 extra { k: 1 }");
eq(['%s', 'a', ['b']], "a [ 'b' ]");
eq(['%s', 'a', 'it\'s'], "a it's");   // extra strings are not quoted
eq(['x', 'a\nb'], 'x a\nb');
eq(['%s %s %s', 1, 2, 3, 4, 5], '1 2 3 4 5');

// ---- formatWithOptions
assert.strictEqual(util.formatWithOptions({ depth: 0 }, '%O', { a: { b: 1 } }), '{ a: [Object] }');
assert.strictEqual(util.formatWithOptions({ compact: false }, { a: 1 }), '{\n  a: 1\n}');
assert.strictEqual(util.formatWithOptions({}, '%s=%d', 'n', 5), 'n=5');
assert.throws(function () { util.formatWithOptions('nope', 'x'); }, { code: 'ERR_INVALID_ARG_TYPE' });

// ---- many plain strings stay identical (the fast path is not lossy)
(function () {
  var parts = [];
  for (var i = 0; i < 50; i++) parts.push('part' + i);
  assert.strictEqual(format.apply(null, parts), parts.join(' '));
})();

console.log('util.format ok');
