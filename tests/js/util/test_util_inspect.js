// util.inspect: Node v20's output for primitives, containers, nesting,
// cycles, functions, errors, dates, regexps, buffers, typed arrays, class
// instances, line breaking, key quoting and options; plus the rest of util
// (inherits, deprecate, isDeepStrictEqual, types). Expected strings are
// Node v20's output; values avoid engine-specific details (function names
// inferred from object keys, real stack traces).
var assert = require('assert');
var util = require('util');
var inspect = util.inspect;

function eq(value, expected, opts) {
  var got = opts === undefined ? inspect(value) : inspect(value, opts);
  assert.strictEqual(got, expected);
}

// ---- primitives
eq(1, '1');
eq(-0, '-0');
eq(0, '0');
eq(-1.5, '-1.5');
eq(NaN, 'NaN');
eq(Infinity, 'Infinity');
eq(-Infinity, '-Infinity');
eq(1e21, '1e+21');
eq(true, 'true');
eq(null, 'null');
eq(undefined, 'undefined');
eq(Symbol('sym'), 'Symbol(sym)');
eq('abc', "'abc'");
eq('', "''");

// ---- string quoting and escapes
eq("it's", '"it\'s"');
eq('say "hi"', "'say \"hi\"'");
eq('both \' and "', '`both \' and "`');
eq('all \' " `', "'all \\' \" `'");
eq('a\nb', "'a\\nb'");
eq('tab\there', "'tab\\there'");
eq('\b\f\r\v', "'\\b\\f\\r\\x0B'");
eq('\u0001\u001b\u007f', "'\\x01\\x1B\\x7F'");
eq('back\\slash', "'back\\\\slash'");
eq('caf\u00e9 \u2603', "'caf\u00e9 \u2603'");
eq([['nested'], { s: 'str' }], "[ [ 'nested' ], { s: 'str' } ]");

// ---- arrays
eq([], '[]');
eq([1, 2, 3], '[ 1, 2, 3 ]');
eq([-0, 0], '[ -0, 0 ]');
eq(['a', null, undefined, true], "[ 'a', null, undefined, true ]");
eq(new Array(5), '[ <5 empty items> ]');
eq([1, , 3], '[ 1, <1 empty item>, 3 ]');  // eslint-disable-line no-sparse-arrays
(function () {
  var a = [1, 2];
  a.extra = 'yes';
  eq(a, "[ 1, 2, extra: 'yes' ]");
  var sparse = [];
  sparse[5] = 1;
  sparse[200] = 2;
  eq(sparse, '[ <5 empty items>, 1, <194 empty items>, 2 ]');
})();
(function () {
  var hundredTwenty = [];
  for (var i = 0; i < 120; i++) hundredTwenty.push(i);
  var s = inspect(hundredTwenty);
  assert.ok(/\.\.\. 20 more items\n\]$/.test(s), s);
  assert.strictEqual(s.split('\n')[1], '   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,');
})();
// More than 6 short entries are set in columns, numbers right-aligned.
eq([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], '[\n  1, 2, 3, 4,  5,\n  6, 7, 8, 9, 10\n]');
eq(['a', 'bb', 'ccc', 'dddd', 'e', 'ff', 'ggg'],
  "[\n  'a',   'bb',\n  'ccc', 'dddd',\n  'e',   'ff',\n  'ggg'\n]");

// ---- objects
eq({}, '{}');
eq({ a: 1, b: 'x' }, "{ a: 1, b: 'x' }");
eq({ a: null, b: undefined, c: -0 }, '{ a: null, b: undefined, c: -0 }');
eq({ 'a-b': 1, 'c d': 2, _ok: 3, $x: 4, '': 5 }, "{ 'a-b': 1, 'c d': 2, _ok: 3, '$x': 4, '': 5 }");
eq({ 1: 'one', '-1': 'minus', '1.5': 'x' }, "{ '1': 'one', '-1': 'minus', '1.5': 'x' }");
eq({ "it's": 1 }, '{ "it\'s": 1 }');
eq(Object.create(null), '[Object: null prototype] {}');
(function () {
  var o = Object.create(null);
  o.x = 1;
  eq(o, '[Object: null prototype] { x: 1 }');
  eq(Object.create({ inherited: 1 }), '{}');
  var withSymbol = { a: 1 };
  withSymbol[Symbol('k')] = 2;
  eq(withSymbol, '{ a: 1, [Symbol(k)]: 2 }');
  var accessors = {};
  Object.defineProperty(accessors, 'g', { get: function () { return 1; }, enumerable: true });
  Object.defineProperty(accessors, 's', { set: function () {}, enumerable: true });
  Object.defineProperty(accessors, 'gs', { get: function () { return 2; }, set: function () {}, enumerable: true });
  Object.defineProperty(accessors, 'hidden', { value: 1, enumerable: false });
  eq(accessors, '{ g: [Getter], s: [Setter], gs: [Getter/Setter] }');
  eq(accessors, '{ g: [Getter: 1], s: [Setter], gs: [Getter/Setter: 2] }', { getters: true });
})();

// ---- nesting depth (default 2)
eq({ a: { b: { c: {} } } }, '{ a: { b: { c: {} } } }');
eq({ a: { b: { c: { d: 1 } } } }, '{ a: { b: { c: [Object] } } }');
eq([[[[1]]]], '[ [ [ [Array] ] ] ]');
eq({ a: [[[1]]] }, '{ a: [ [ [Array] ] ] }');
eq({ a: { b: 1 }, c: [1] }, '{ a: [Object], c: [Array] }', { depth: 0 });
eq({ a: { b: { c: { d: { e: 1 } } } } }, '{\n  a: {\n    b: { c: { d: { e: 1 } } }\n  }\n}', { depth: null });
eq({ a: { b: { c: { d: { e: 1 } } } } }, '{\n  a: { b: { c: { d: [Object] } } }\n}', { depth: 3 });
eq({ x: { y: 1 } }, '[Object]', { depth: -1 });

// ---- circular references
(function () {
  var o = { name: 'o' };
  o.self = o;
  eq(o, "<ref *1> { name: 'o', self: [Circular *1] }");
  var a = [1];
  a.push(a);
  eq(a, '<ref *1> [ 1, [Circular *1] ]');
  var p = { name: 'p' }, q = { name: 'q', p: p };
  p.q = q;
  eq([p, q], "[\n  <ref *1> { name: 'p', q: { name: 'q', p: [Circular *1] } },\n" +
    "  <ref *2> { name: 'q', p: <ref *1> { name: 'p', q: [Circular *2] } }\n]");
  var x = {}, y = {};
  x.y = y;
  y.x = x;
  x.z = { x: x };
  eq(x, '<ref *1> { y: { x: [Circular *1] }, z: { x: [Circular *1] } }');
  // The same object twice, but not inside itself, is not circular.
  var shared = { v: 1 };
  eq({ a: shared, b: shared }, '{ a: { v: 1 }, b: { v: 1 } }');
})();

// ---- functions
eq(function named() {}, '[Function: named]');
eq([function () {}], '[ [Function (anonymous)] ]');
eq(Math.max, '[Function: max]');
(function () {
  function withProps() {}
  withProps.a = 1;
  withProps.b = { c: 2 };
  eq(withProps, '[Function: withProps] { a: 1, b: { c: 2 } }');
  eq({ fn: withProps }, '{ fn: [Function: withProps] { a: 1, b: { c: 2 } } }');
})();

// ---- errors
(function () {
  var e = new Error('boom');
  e.stack = 'Error: boom\n    at f (file.js:1:1)\n    at g (file.js:2:2)';
  eq(e, 'Error: boom\n    at f (file.js:1:1)\n    at g (file.js:2:2)');
  eq({ e: e }, '{\n  e: Error: boom\n      at f (file.js:1:1)\n      at g (file.js:2:2)\n}');
  eq([e], '[\n  Error: boom\n      at f (file.js:1:1)\n      at g (file.js:2:2)\n]');

  var coded = new TypeError('bad input');
  coded.stack = 'TypeError: bad input\n    at h (file.js:3:3)';
  coded.code = 'ERR_X';
  eq(coded, "TypeError: bad input\n    at h (file.js:3:3) {\n  code: 'ERR_X'\n}");
  coded.info = { n: 1 };
  eq({ wrapped: coded },
    "{\n  wrapped: TypeError: bad input\n      at h (file.js:3:3) {\n    code: 'ERR_X',\n    info: { n: 1 }\n  }\n}");

  var bare = new RangeError('no trace');
  bare.stack = undefined;
  eq(bare, '[RangeError: no trace]');
  eq({ bare: bare }, '{ bare: [RangeError: no trace] }');
  var bareCoded = new Error('x');
  bareCoded.stack = undefined;
  bareCoded.code = 'E';
  eq(bareCoded, "[Error: x] { code: 'E' }");

  // A real stack: the first line is "Name: message".
  var live = new Error('live one');
  assert.strictEqual(inspect(live).split('\n')[0], 'Error: live one');
  assert.ok(inspect(live).split('\n').length > 1, 'a thrown-style error prints its stack');
  var ev = new SyntaxError('syn');
  assert.strictEqual(inspect(ev).split('\n')[0], 'SyntaxError: syn');

  // A subclass that does not set .name gets its class name in front.
  function MyError(m) {
    var err = new Error(m);
    Object.setPrototypeOf(err, MyError.prototype);
    return err;
  }
  MyError.prototype = Object.create(Error.prototype, {
    constructor: { value: MyError, writable: true, configurable: true }
  });
  var mine = new MyError('sub');
  mine.stack = 'Error: sub\n    at z (file.js:9:9)';
  eq(mine, 'MyError: sub\n    at z (file.js:9:9)');
})();

// ---- dates, regexps, boxed primitives
eq(new Date(0), '1970-01-01T00:00:00.000Z');
eq(new Date(NaN), 'Invalid Date');
eq({ d: new Date(86400000) }, '{ d: 1970-01-02T00:00:00.000Z }');
eq(/ab+c/gi, '/ab+c/gi');
eq({ r: /x/ }, '{ r: /x/ }');
(function () {
  var d = new Date(0);
  d.extra = 1;
  eq(d, '1970-01-01T00:00:00.000Z { extra: 1 }');
  var r = /x/g;
  r.flag = true;
  eq(r, '/x/g { flag: true }');
})();
eq(new Number(3), '[Number: 3]');         // eslint-disable-line no-new-wrappers
eq(new Number(-0), '[Number: -0]');       // eslint-disable-line no-new-wrappers
eq(new String('ab'), "[String: 'ab']");   // eslint-disable-line no-new-wrappers
eq(new Boolean(false), '[Boolean: false]'); // eslint-disable-line no-new-wrappers
eq(Object(Symbol('q')), '[Symbol: Symbol(q)]');

// ---- buffers and typed arrays
eq(Buffer.from('hi'), '<Buffer 68 69>');
eq(Buffer.alloc(0), '<Buffer >');
eq({ b: Buffer.from([1, 2, 255]) }, '{ b: <Buffer 01 02 ff> }');
(function () {
  var big = Buffer.alloc(60, 0xab);
  var s = inspect(big);
  assert.strictEqual(s.slice(0, 14), '<Buffer ab ab ');
  assert.strictEqual(s.slice(-18), '... 10 more bytes>');
  assert.strictEqual(s.split(' ').length, 1 + 50 + 4);
  assert.strictEqual(inspect(Buffer.alloc(51)).slice(-17), ' ... 1 more byte>');
})();
eq(new Uint8Array([1, 2, 3]), 'Uint8Array(3) [ 1, 2, 3 ]');
eq(new Uint8Array(0), 'Uint8Array(0) []');
eq(new Int16Array([-1, 300]), 'Int16Array(2) [ -1, 300 ]');
eq(new Float32Array([1.5, -0]), 'Float32Array(2) [ 1.5, -0 ]');
eq(new ArrayBuffer(3), 'ArrayBuffer { [Uint8Contents]: <00 00 00>, byteLength: 3 }');
eq(new Uint8Array(2), 'Uint8Array(2) [\n  0,\n  0,\n  [BYTES_PER_ELEMENT]: 1,\n  [length]: 2,\n  [byteLength]: 2,\n' +
  '  [byteOffset]: 0,\n  [buffer]: ArrayBuffer { byteLength: 2 }\n]', { showHidden: true });

// ---- class-named objects
(function () {
  function Foo() { this.a = 1; }
  function Empty() {}
  eq(new Foo(), 'Foo { a: 1 }');
  eq(new Empty(), 'Empty {}');
  eq({ x: new Foo() }, '{ x: Foo { a: 1 } }');
  eq({ deep: { deeper: { deepest: new Foo() } } }, '{ deep: { deeper: { deepest: [Foo] } } }');
  function Base() {}
  function Derived() { this.d = true; }
  util.inherits(Derived, Base);
  eq(new Derived(), 'Derived { d: true }');
  eq((function () { return arguments; })(1, 2), "[Arguments] { '0': 1, '1': 2 }");
})();

// ---- line breaking: entries that do not fit in 80 columns go one per line
(function () {
  var o = {};
  for (var i = 0; i < 10; i++) o['key' + i] = 'value' + i;
  eq(o, "{\n  key0: 'value0',\n  key1: 'value1',\n  key2: 'value2',\n  key3: 'value3',\n  key4: 'value4',\n" +
    "  key5: 'value5',\n  key6: 'value6',\n  key7: 'value7',\n  key8: 'value8',\n  key9: 'value9'\n}");
  eq({ aaaaaaaaaaaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbbbbb', ccccccccccccccccccc: 'dddddddddddddddddddddddd', e: [1, 2, 3] },
    "{\n  aaaaaaaaaaaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbbbbb',\n  ccccccccccccccccccc: 'dddddddddddddddddddddddd',\n" +
    '  e: [ 1, 2, 3 ]\n}');
  // Short enough: one line, even with nesting (up to 3 inner levels).
  eq({ a: 1, b: { c: 2, d: [3, 4] }, e: 'five' }, "{ a: 1, b: { c: 2, d: [ 3, 4 ] }, e: 'five' }");
  eq({ a: { b: { c: { d: {} } } } }, '{\n  a: { b: { c: { d: {} } } }\n}', { depth: 4 });
  var nested = { level1: { level2: { level3: 'deep' }, arr: [1, 2, 3] }, re: /ab+c/g, n: null };
  eq(nested, "{\n  level1: { level2: { level3: 'deep' }, arr: [ 1, 2, 3 ] },\n  re: /ab+c/g,\n  n: null\n}");
  eq([nested, 1], '[\n  { level1: { level2: [Object], arr: [Array] }, re: /ab+c/g, n: null },\n  1\n]');
})();

// ---- options
eq({ a: 1, b: [1, 2] }, '{\n  a: 1,\n  b: [\n    1,\n    2\n  ]\n}', { compact: false });
eq({ a: 1, b: 'x' }, "{ a: 1, b: 'x' }", { compact: true });
eq({ a: [1, 2, 3] }, '{\n  a: [\n    1,\n    2,\n    3\n  ]\n}', { breakLength: 10 });
eq({ b: 1, a: 2, c: { z: 1, y: 2 } }, '{ a: 2, b: 1, c: { y: 2, z: 1 } }', { sorted: true });
eq([1, 2, 3, 4], '[ 1, 2, ... 2 more items ]', { maxArrayLength: 2 });
eq([1, 2], '[ ... 2 more items ]', { maxArrayLength: 0 });
eq('abcdefghijklmnop', "'abcdefghij'... 6 more characters", { maxStringLength: 10 });
eq({ a: 1 }, '{ a: 1 }', { showHidden: true });
eq([1, 2], '[ 1, 2, [length]: 2 ]', { showHidden: true });
eq(Object.defineProperty({ a: 1 }, 'hid', { value: 2, enumerable: false }), '{ a: 1, [hid]: 2 }', { showHidden: true });
assert.strictEqual(inspect({ a: { b: { c: {} } } }, false, 0), '{ a: [Object] }', 'legacy (showHidden, depth) arguments');
assert.strictEqual(inspect({ a: { b: {} } }, { colors: false }), '{ a: { b: {} } }');

// ---- util.inspect.custom
(function () {
  assert.strictEqual(util.inspect.custom, Symbol['for']('nodejs.util.inspect.custom'));
  var c = { hidden: 1 };
  c[util.inspect.custom] = function () { return 'CUSTOM'; };
  eq(c, 'CUSTOM');
  eq({ inner: c }, '{ inner: CUSTOM }');
  var multi = {};
  multi[util.inspect.custom] = function () { return 'line1\nline2'; };
  eq({ x: multi }, '{\n  x: line1\n  line2\n}');
  var replaced = {};
  replaced[util.inspect.custom] = function (depth, options) {
    return { depth: depth, stylize: typeof options.stylize, self: options.depth };
  };
  eq(replaced, "{ depth: 2, stylize: 'function', self: 2 }");
  eq({ a: replaced }, "{ a: { depth: 1, stylize: 'function', self: 2 } }");
  var self = { v: 1 };
  self[util.inspect.custom] = function () { return this; };
  assert.strictEqual(inspect(self).indexOf('v: 1'), 2);
  eq(c, '{\n  hidden: 1,\n  [Symbol(nodejs.util.inspect.custom)]: [Function (anonymous)]\n}', { customInspect: false });
  var usesInspect = {};
  usesInspect[util.inspect.custom] = function (depth, options, insp) { return 'W(' + insp([1, 2]) + ')'; };
  eq(usesInspect, 'W([ 1, 2 ])');
})();

// ---- the rest of util
(function () {
  // inherits
  function Animal(name) { this.name = name; }
  Animal.prototype.speak = function () { return this.name + ' makes a sound'; };
  function Dog(name) { Animal.call(this, name); }
  util.inherits(Dog, Animal);
  Dog.prototype.bark = function () { return 'woof'; };
  var d = new Dog('rex');
  assert.strictEqual(Dog.super_, Animal);
  assert.ok(d instanceof Dog && d instanceof Animal);
  assert.strictEqual(d.speak(), 'rex makes a sound');
  assert.strictEqual(d.bark(), 'woof');
  assert.strictEqual(Object.getPrototypeOf(Dog.prototype), Animal.prototype);
  assert.deepStrictEqual(Object.keys(Dog), [], 'super_ is not enumerable');
  assert.throws(function () { util.inherits(Dog, null); }, { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(function () { util.inherits(null, Animal); }, { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(function () { util.inherits(Dog, {}); }, { code: 'ERR_INVALID_ARG_TYPE' });

  // isArray / isDeepStrictEqual
  assert.strictEqual(util.isArray([]), true);
  assert.strictEqual(util.isArray({ length: 0 }), false);
  assert.strictEqual(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), true);
  assert.strictEqual(util.isDeepStrictEqual({ a: [1] }, { a: ['1'] }), false);
  assert.strictEqual(util.isDeepStrictEqual(NaN, NaN), true);
  assert.strictEqual(util.isDeepStrictEqual(0, -0), false);
  assert.strictEqual(util.isDeepStrictEqual(new Dog('a'), { name: 'a' }), false);

  // types
  assert.strictEqual(util.types.isDate(new Date()), true);
  assert.strictEqual(util.types.isDate(Date.now()), false);
  assert.strictEqual(util.types.isRegExp(/x/), true);
  assert.strictEqual(util.types.isRegExp('/x/'), false);
  assert.strictEqual(util.types.isNativeError(new TypeError('t')), true);
  assert.strictEqual(util.types.isNativeError({ name: 'Error', message: 'fake' }), false);
  assert.strictEqual(util.types.isNativeError(Object.create(Error.prototype)), false);
  assert.strictEqual(util.types.isUint8Array(new Uint8Array(1)), true);
  assert.strictEqual(util.types.isUint8Array(Buffer.alloc(1)), true);
  assert.strictEqual(util.types.isUint8Array(new Int8Array(1)), false);
  assert.strictEqual(util.types.isUint8Array([1]), false);
})();

// ---- deprecate: warns once, still calls through, keeps this and arguments
var deprecationWarnings = [];
process.on('warning', function (w) {
  if (w.name === 'DeprecationWarning') deprecationWarnings.push(w.message);
});
var oldFn = util.deprecate(function (a, b) { return [this && this.tag, a + b]; }, 'oldFn() is deprecated');
var holder = { tag: 'T', f: oldFn };
assert.deepStrictEqual(holder.f(1, 2), ['T', 3]);
assert.deepStrictEqual(holder.f(3, 4), ['T', 7]);
var coded1 = util.deprecate(function () { return 1; }, 'coded one', 'DEP_PETREL_TEST');
var coded2 = util.deprecate(function () { return 2; }, 'coded two', 'DEP_PETREL_TEST');
assert.strictEqual(coded1(), 1);
assert.strictEqual(coded2(), 2);
assert.strictEqual(coded1(), 1);

setTimeout(function () {
  assert.deepStrictEqual(deprecationWarnings, ['oldFn() is deprecated', 'coded one'],
    'one warning per function, one per code');
  console.log('util.inspect ok');
}, 20);
