// console and util.format as Node 20 prints them: format specifiers on tricky
// arguments, the Console class on user streams (group indentation, count, assert,
// dir, table, detached methods), its argument errors, and the global console.
'use strict';
var util = require('util');
var EventEmitter = require('events');
var f = util.format;

var cyc = { a: 1 };
cyc.self = cyc;
function Foo() { this.x = 1; }
var cases = [
  ['%s %d', 'a'], ['%j', cyc], ['%d', -0], ['%s', -0], ['%i', -0.5], ['%i', '42.5px'], ['%f', '42.5px'],
  ['%d', '42.5px'], ['%i', '0x10'], ['%d', '0x10'], ['%f', '1e3x'], ['%i', 1e21], ['%d', {}], ['%d', [5]],
  ['%s', Symbol('x')], ['%d', Symbol('x')], ['%i', Symbol()], ['%f', Symbol('q')], [Symbol('s'), 1],
  ['%c%s', 'color: red', 'x'], ['%%', 1], ['%% %s', 'a'], ['100%'], ['100%', 'x'], ['a%', 'b'],
  ['%x %s', 1, 2], ['%', 1], ['%z', 1], ['%s %s', 'a'], ['%s:%s', 'only'], ['%d%%', 50], ['%d %i', 1.5, -1.5],
  ['%s', { a: 1 }], ['%s', [1, [2, [3]]]], ['%s', null], ['%s', undefined], ['%s', 12345678901234567890],
  ['%s', { toString: function () { return 'custom'; } }], ['%s', new Foo()],
  ['%o', { a: { b: { c: { d: { e: 1 } } } } }], ['%O', { a: { b: { c: { d: 1 } } } }], ['%O', 'str'],
  ['%s %o', 'a', [1, 2]], ['%j', undefined], ['%j', function () {}], ['%j', { toJSON: function () { return 'tj'; } }],
  ['a', { b: 1 }, 'c', 5, 'd\n'], [1, 2, 3], ['%s', 'x', 'extra', { o: 1 }], [-0], [[-0]], [''], [], ['%s'],
  ['', ''], [true, false, null, undefined], ['a\u0000b', 'c'], ["it's"], [1, "it's", 'x'],
  [{ s: "it's \"q\" `b` ${x}" }], [{ k: '\u0001\u007f\u0085\ud83d\ude00' }], [['a"b', "a'b", "a'b\"c", "a'\"`"]]
];
cases.forEach(function (c, i) {
  var r;
  try { r = f.apply(null, c); } catch (e) { r = 'THROW ' + e.name + ': ' + e.message; }
  console.log(i + ' ' + JSON.stringify(r));
});
try { util.formatWithOptions(null, 'x'); } catch (e) { console.log(e.code, e.message); }
console.log(util.formatWithOptions({ depth: 0 }, '%s %O %o', 'a', { b: { c: 1 } }, [1], 5, 'str'));
console.log(util.inspect('abc\'def'), util.inspect('a\n\x01\\'), util.inspect(-0), util.inspect(Symbol('z')));

// A Console on user streams: what each method writes, in order.
var lines = [];
function stream(tag) {
  var s = new EventEmitter();
  s.write = function (t) { lines.push(tag + JSON.stringify(t)); return true; };
  return s;
}
// require('console'): on a board the script runs under the REPL, whose console is a Console.
var globalConsole = require('console');
var Console = globalConsole.Console;
var c = new Console(stream('out '), stream('err '));
c.log('a %d', 1);
c.error('b');
var log = c.log;
log('detached');
[1, 2].forEach(c.info);
c.group('G %s', 'x');
c.warn('x\ny');
c.groupCollapsed();
c.debug('deeper');
c.groupEnd();
c.groupEnd();
c.groupEnd();
c.log('back');
c.count();
c.count();
c.count('default');
c.count(1);
c.countReset();
c.count();
c.assert(true, 'not printed');
c.assert(false, '%s x', 'a');
c.assert(0, { a: 1 }, 2);
c.assert(false);
c.dir({ a: { b: { c: { d: 1 } } } });
c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
c.dirxml('x', 1);
c.table('prim');
c.table([{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }]);
c.table([1, 'two', { x: [1, 2, 3, 4, 5] }]);
c.table({ r1: { c: 1 }, r2: { d: { e: { f: 1 } } }, r3: 5 });
c.table([{ a: 1, b: 2 }], ['b', 'zz']);
c.table([]);
c.time('t');
c.timeLog('t', 'data', { d: 1 });
c.timeEnd('t');
lines.forEach(function (l) {
  console.log(l.replace(/t: [0-9.]+ms/, 't: Nms'));
});

var c2 = Console({ stdout: stream('o2 '), groupIndentation: 4 });
lines = [];
c2.group();
c2.error('to stdout, indented by 4');
console.log(lines.join('\n'), c2 instanceof Console, c.log === c2.log, typeof c.log, c.hasOwnProperty('log'));
console.log(Object.keys(c).join());
console.log(Object.keys(globalConsole).slice(0, 20).join(), globalConsole.Console === Console);

['x', undefined, null, {}, 5].forEach(function (v) {
  try { new Console(v); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); }
});
[-1, 1.5, '2', 1001, 0].forEach(function (v) {
  try { new Console({ stdout: stream(''), groupIndentation: v }); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); }
});
try { c.table([1], 'x'); } catch (e) { console.log(e.code, e.message); }
var thrower = new Console(stream(''));
thrower._dummy = 0;
var quiet = new EventEmitter();
quiet.write = function () { throw new Error('boom'); };
new Console(quiet).log('swallowed');
try { new Console({ stdout: quiet, ignoreErrors: false }).log('x'); } catch (e) { console.log('thrown:', e.message); }

// The global console.
console.log(Object.prototype.toString.call(globalConsole), typeof globalConsole.log, globalConsole.log === globalConsole.info);
var glog = console.log;
glog('global detached %s', 'ok');
console.group('group');
console.log('indented\nboth lines');
console.table([{ q: 1 }]);
console.groupEnd();
console.count('c');
console.count('c');
console.log('%s|%s', 'done');
