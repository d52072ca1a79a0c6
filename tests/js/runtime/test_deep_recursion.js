// Deep recursion through native code (callbacks, getters, the compilers, RegExp, JSON)
// ends in a RangeError, never a crash (as on node): on mps2-an385 the stack pointer is checked
// (duk_config_board.h, DUK_USE_NATIVE_STACK_CHECK) against a 20 KiB thread stack.
// Then, at each of the deepest 200 levels of such a chain, work that needs stack (eval of nested code,
// JSON, RegExp, console, Error stacks) succeeds or throws a RangeError.
var assert = require('assert');

function nest(open, mid, close, n) {
  var s = [];
  for (var i = 0; i < n; i++) s.push(open);
  s.push(mid);
  for (i = 0; i < n; i++) s.push(close);
  return s.join('');
}
function deepObj(n) {
  var o = {}, c = o;
  for (var i = 0; i < n; i++) { c.a = {}; c = c.a; }
  return o;
}
function rangeOrOk(name, f) {
  try { f(); } catch (e) {
    assert.ok(e instanceof RangeError, name + ': ' + e);
  }
}

var kinds = {
  getter: function () { var o = { get x() { return o.x; } }; return o.x; },
  setter: function () { var o = { set x(v) { o.x = v; } }; o.x = 1; },
  toString: function () { var o = { toString: function () { return 'a' + o; } }; return '' + o; },
  forEach: function () { function g() { [1].forEach(g); } g(); },
  sort: function () { function g() { [2, 1].sort(function () { g(); return 0; }); } g(); },
  replace: function () { function g() { return 'a'.replace(/a/, g); } g(); },
  stringifyGetter: function () {
    function g() { var o = {}; Object.defineProperty(o, 'k', { enumerable: true, get: g }); return JSON.stringify(o); }
    g();
  },
  reviver: function () { function g() { return JSON.parse('[1]', function () { return g(); }); } g(); },
  evalRecursion: function () { function g() { return eval('g()'); } g(); },
  emit: function () {
    var e = new (require('events'))();
    e.on('x', function () { e.emit('x'); });
    e.emit('x');
  },
};
Object.keys(kinds).forEach(function (k) {
  assert.throws(kinds[k], RangeError, k);
});
// Deep but finite: node runs these; a board may stop them with a RangeError.
var finite = {
  stringifyDeep: function () { JSON.stringify(deepObj(3000)); },
  parseDeep: function () { JSON.parse(nest('[', '', ']', 3000)); },
  regexpCompile: function () { return new RegExp(nest('(', 'a', ')', 3000)); },
  regexpMatch: function () { return /(a|b)*c/.exec(nest('', '', 'ab', 3000)); },
  evalFunctions: function () { eval(nest('function f(){', '', '}', 3000)); },
  evalBlocks: function () { eval(nest('{', '', '}', 3000)); },
};
Object.keys(finite).forEach(function (k) { rangeOrOk(k, finite[k]); });

var acts = {
  eval: function () { return eval(nest('function f(){', '', '}', 60)); },
  json: function () { return JSON.stringify(deepObj(150)); },
  regexp: function () { return /(a|b)*c/.exec(nest('', '', 'ab', 300) + 'c'); }, // matches: deep, not quadratic
  console: function () { console.error('deep %s %j', 'x', { a: [1] }); },
  error: function () { return new Error('x').stack; },
  buffer: function () { return Buffer.from('hello').toString('base64'); },
};
Object.keys(acts).forEach(function (name) {
  var depth = 0, ran = 0;
  function g() {
    depth++;
    try { [1].forEach(g); } catch (e) { assert.ok(e instanceof RangeError, String(e)); }
    // the deepest 200 levels, where the stack is tight (a host's thousands of levels
    // would make the test quadratic: minutes under valgrind)
    if (ran < 200) {
      rangeOrOk(name, acts[name]);
      ran++;
    }
    depth--;
  }
  g();
  assert.ok(ran > 10, name + ' ran at ' + ran + ' depths');
});
console.log('ok');
