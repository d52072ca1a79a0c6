// util's exports made in C (modules/util_binding.c): the predicates by internal
// class, util.inspect's properties (custom, defaultOptions, colors, styles made on
// first read), inherits, stripVTControlCharacters, and deprecate/debuglog loaded
// on first use. Every expectation here holds in node v20 too.
'use strict';
var assert = require('assert');
var util = require('util');
var t = util.types;

// ---- types.*: the internal class decides, not the prototype chain
assert.strictEqual(t.isDate(new Date(0)), true);
assert.strictEqual(t.isDate(Object.create(Date.prototype)), false);
var d = new Date(0);
Object.setPrototypeOf(d, null);
assert.strictEqual(t.isDate(d), true);
assert.strictEqual(t.isRegExp(/x/), true);
assert.strictEqual(t.isRegExp(Object.create(RegExp.prototype)), false);
assert.strictEqual(t.isNativeError(new RangeError('r')), true);
assert.strictEqual(t.isArgumentsObject((function () { return arguments; })()), true);
assert.strictEqual(t.isArgumentsObject([]), false);
assert.strictEqual(t.isBoxedPrimitive(new String('s')), true);
assert.strictEqual(t.isBoxedPrimitive('s'), false);
assert.strictEqual(t.isSymbolObject(Object(Symbol('s'))), true);
assert.strictEqual(t.isNumberObject(new Number(1)), true);
assert.strictEqual(t.isBooleanObject(new Boolean(false)), true);
assert.strictEqual(t.isStringObject(new String('')), true);
assert.strictEqual(t.isArrayBuffer(new ArrayBuffer(1)), true);
assert.strictEqual(t.isAnyArrayBuffer(new ArrayBuffer(1)), true);
assert.strictEqual(t.isDataView(new DataView(new ArrayBuffer(1))), true);
assert.strictEqual(t.isArrayBufferView(new DataView(new ArrayBuffer(1))), true);
assert.strictEqual(t.isTypedArray(new DataView(new ArrayBuffer(1))), false);
assert.strictEqual(t.isTypedArray(new Float64Array(1)), true);
assert.strictEqual(t.isInt8Array(new Int8Array(1)), true);
assert.strictEqual(t.isUint8ClampedArray(new Uint8ClampedArray(1)), true);
assert.strictEqual(t.isUint8Array(new Uint8ClampedArray(1)), false);
assert.strictEqual(t.isInt16Array(new Int16Array(1)), true);
assert.strictEqual(t.isUint16Array(new Uint16Array(1)), true);
assert.strictEqual(t.isInt32Array(new Int32Array(1)), true);
assert.strictEqual(t.isUint32Array(new Uint32Array(1)), true);
assert.strictEqual(t.isFloat32Array(new Float32Array(1)), true);
assert.strictEqual(t.isUint8Array(Buffer.alloc(1)), true);
assert.strictEqual(t.isPromise({ then: function () {} }), false);
assert.strictEqual(t.isMap({}), false);
assert.strictEqual(t.isGeneratorFunction(function () {}), false);

// ---- the legacy checks
assert.strictEqual(util.isArray, Array.isArray);
assert.strictEqual(util.isBuffer, Buffer.isBuffer);
assert.strictEqual(util.isBuffer(Buffer.alloc(1)), true);
assert.strictEqual(util.isBuffer(new Uint8Array(1)), false);
assert.strictEqual(util.isDate, t.isDate);
assert.strictEqual(util.isRegExp, t.isRegExp);
assert.strictEqual(util.debug, util.debuglog);
assert.strictEqual(util.isError(new TypeError('x')), true);
assert.strictEqual(util.isError(Object.create(Error.prototype)), true);
assert.strictEqual(util.isError({ message: 'x' }), false);
assert.strictEqual(util.isObject(null), false);
assert.strictEqual(util.isObject(function () {}), false);
assert.strictEqual(util.isObject([]), true);
assert.strictEqual(util.isPrimitive(Symbol('p')), true);
assert.strictEqual(util.isPrimitive({}), false);
assert.strictEqual(util.isPrimitive(function () {}), false);
assert.strictEqual(util.isString(new String('s')), false);
assert.strictEqual(util.isSymbol(Symbol('s')), true);
assert.strictEqual(util.isFunction(Math.max), true);
assert.strictEqual(util.isNullOrUndefined(undefined), true);
assert.strictEqual(util.isNumber(NaN), true);

// ---- util.inspect
assert.strictEqual(util.inspect.name, 'inspect');
assert.strictEqual(util.inspect.length, 2);
assert.strictEqual(util.inspect('a\'b'), '"a\'b"');
assert.strictEqual(util.inspect(), 'undefined');
assert.strictEqual(util.inspect({ a: [1, 'x'] }), '{ a: [ 1, \'x\' ] }');
assert.strictEqual(util.inspect({ a: { b: { c: 1 } } }, false, 0), '{ a: [Object] }');
var dd = Object.getOwnPropertyDescriptor(util.inspect, 'defaultOptions');
assert.strictEqual(typeof dd.get, 'function');
assert.strictEqual(dd.enumerable, false);
assert.strictEqual(util.inspect.defaultOptions.depth, 2);
util.inspect.defaultOptions = { depth: 0 };
assert.strictEqual(util.inspect({ a: { b: 1 } }), '{ a: [Object] }');
util.inspect.defaultOptions = { depth: 2 };
assert.throws(function () { util.inspect.defaultOptions = null; }, { code: 'ERR_INVALID_ARG_TYPE' });
assert.deepStrictEqual(Object.keys(util.inspect), ['custom', 'colors', 'styles']);
assert.deepStrictEqual(util.inspect.colors.red, [31, 39]);
assert.strictEqual(util.inspect.colors.grey, util.inspect.colors.gray);
assert.strictEqual(Object.getPrototypeOf(util.inspect.colors), null);
assert.strictEqual(Object.keys(util.inspect.colors).indexOf('grey'), -1);
assert.strictEqual(util.inspect.styles.number, 'yellow');
assert.strictEqual(util.inspect.colors, util.inspect.colors);
var cd = Object.getOwnPropertyDescriptor(util.inspect, 'colors');
assert.strictEqual(cd.writable && cd.enumerable && cd.configurable, true);
// a hook gets util.inspect itself
var seen = null;
var hooked = {};
hooked[util.inspect.custom] = function (depth, opts, insp) { seen = insp; return 'HOOK'; };
assert.strictEqual(util.inspect({ h: hooked }), '{ h: HOOK }');
assert.strictEqual(seen, util.inspect);
var self = {};
self[util.inspect.custom] = util.inspect;
assert.strictEqual(util.inspect(self).indexOf('{'), 0);

// ---- inherits
function A() {}
A.prototype.hi = function () { return 'hi'; };
function B() { A.call(this); }
util.inherits(B, A);
assert.strictEqual(new B().hi(), 'hi');
assert.strictEqual(B.super_, A);
assert.strictEqual(Object.getOwnPropertyDescriptor(B, 'super_').enumerable, false);
assert.throws(function () { util.inherits(B, {}); },
  { code: 'ERR_INVALID_ARG_TYPE', message: 'The "superCtor.prototype" property must be of type object. Received undefined' });

// ---- stripVTControlCharacters
assert.strictEqual(util.stripVTControlCharacters('\u001b[31mred\u001b[39m'), 'red');
assert.strictEqual(util.stripVTControlCharacters('\u001b]8;;http://a\u001b\\link\u001b]8;;\u0007!'), 'link!');
assert.strictEqual(util.stripVTControlCharacters('\u009b1mB \u00e9'), 'B \u00e9');
assert.strictEqual(util.stripVTControlCharacters('plain'), 'plain');
// node's own choices: ESC ] n is a whole escape, ESC [ space is none, digits backtrack
assert.strictEqual(util.stripVTControlCharacters('\u001b]nope\u001b[ q'), 'ope\u001b[ q');
assert.strictEqual(util.stripVTControlCharacters('\u001b[12;345678x'), '8x');
assert.strictEqual(util.stripVTControlCharacters('a\u001b[1;2'), 'a');
assert.throws(function () { util.stripVTControlCharacters(5); }, { code: 'ERR_INVALID_ARG_TYPE' });

// ---- deprecate (a constructor too) and debuglog
process.on('warning', function () {});
function K(v) { this.v = v; }
var DK = util.deprecate(K, 'K is deprecated');
var k = new DK(3);
assert.strictEqual(k.v, 3);
assert.strictEqual(k instanceof K, true);
var dbg = util.debuglog('petrel_test_section');
assert.strictEqual(dbg.enabled, false);
dbg('not printed');
console.log('util module ok');
