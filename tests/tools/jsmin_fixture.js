// Fixture for test_jsmin.sh: a module body as tools/jsmin.js sees one. Checks named
// "same ..." must hold before and after minifying; "method ..." ones only after
// (they are what the rewrite into methods changes).
'use strict';
var out = [];
function check(what, ok) { out.push((ok ? 'ok ' : 'FAIL ') + what); }

// A declaration used before it appears (hoisting is kept) becomes a method.
check('same: hoisted call', early(2) === 4);
function early(x) { return x * 2; }
check('method: no prototype', early.prototype === undefined);
check('same: name kept', early.name === 'early');
check('method: not constructable', (function () { try { new early(1); return false; } catch (e) { return e instanceof TypeError; } })());

// Capitalised names stay constructors with a prototype.
function Point(x) { this.x = x; }
Point.prototype.get = function () { return this.x; };
check('same: constructor prototype', typeof Point.prototype === 'object' && new Point(3).get() === 3);
var Maker = function (v) { this.v = v; };
check('same: capitalised assignment constructs', new Maker(5).v === 5);

// A named function expression that uses its own name is left alone (recursion works).
var fact = function f(n) { return n <= 1 ? 1 : n * f(n - 1); };
check('same: self-reference', fact(5) === 120);

// this, arguments and closures inside a methodized function.
var obj = { k: 7, read: function () { return this.k + arguments.length; } };
check('same: this and arguments', obj.read(1, 2) === 9);
function counter() { var n = 0; return function () { return ++n; }; }
var c = counter();
c();
check('same: closure state', c() === 2);

// new function () {} (a one-off object) keeps working.
var single = new function () { this.tag = 'one'; }();
check('same: new function', single.tag === 'one');

// Declarations inside blocks stay where they are.
if (out.length) {
  var inBlock = (function () { return typeof later; })();
  check('same: block function', inBlock === 'function' || inBlock === 'undefined');
}
function later() {}

// Functions named get or set stay functions: Duktape takes `{ get() {} }` (what terser
// prints for the method) for the start of a getter, a SyntaxError for the whole module.
var acc = {};
Object.defineProperty(acc, 'v', { get: function get() { return 'got'; }, set: function set(x) { this.w = x; } });
acc.v = 'put';
function get(o) { return o.w; }
check('same: functions named get and set', acc.v === 'got' && get(acc) === 'put');

module.exports = out;
