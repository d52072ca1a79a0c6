// arguments[Symbol.iterator] is Array.prototype.values (duktape_patch edit 14), own,
// writable, configurable and not enumerable, as on node; the iteration protocol walks
// it (Array.from, the iterator's next). Expected output: node 20's.
function sloppy() { return arguments; }
function strict() { 'use strict'; return arguments; }
function mapped(a, b) { a = 9; return arguments; }
[sloppy(1, 2, 3), strict(4, 5), mapped(6, 7), sloppy()].forEach(function (args) {
  var d = Object.getOwnPropertyDescriptor(args, Symbol.iterator);
  console.log(typeof args[Symbol.iterator], args[Symbol.iterator] === Array.prototype.values,
    args[Symbol.iterator] === Array.prototype[Symbol.iterator], d.writable, d.enumerable, d.configurable,
    Object.keys(args), Object.getOwnPropertyNames(args).length, JSON.stringify(args));
  var it = args[Symbol.iterator](), r, seen = [];
  while (!(r = it.next()).done) seen.push(r.value);
  console.log(seen, Array.from(args), Object.prototype.toString.call(args));
});
function replaced() {
  arguments[Symbol.iterator] = function () {
    var done = false;
    return { next: function () { var r = { value: 'own', done: done }; done = true; return r; } };
  };
  return Array.from(arguments);
}
console.log(replaced(1, 2));
function deleted() { delete arguments[Symbol.iterator]; return [Symbol.iterator in arguments, Array.from(arguments)]; }
console.log(deleted(1, 2));
function grown() { arguments.length = 1; return Array.from(arguments); }
console.log(grown('x', 'y'));
