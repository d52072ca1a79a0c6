// POSIX path helpers (the subset of Node's `path` that scripts and the module loader use).
'use strict';
var errors = require('internal/errors');

function check(p, name) {
  if (typeof p !== 'string') throw errors.invalidArgType(name || 'path', 'string', p);
}

function normalizeParts(parts, absolute) {
  var out = [];
  for (var i = 0; i < parts.length; i++) {
    var p = parts[i];
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else {
      out.push(p);
    }
  }
  return out;
}

function normalize(p) {
  check(p);
  if (p === '') return '.';
  var abs = StringPrototypeCharAt(p, 0) === '/';
  var trailing = StringPrototypeCharAt(p, p.length - 1) === '/';
  var s = ArrayPrototypeJoin(normalizeParts(StringPrototypeSplit(p, '/'), abs), '/');
  if (!s && !abs) s = '.';
  if (s && trailing) s += '/';
  return (abs ? '/' : '') + s;
}

function join() {
  var parts = [];
  for (var i = 0; i < arguments.length; i++) {
    check(arguments[i]);
    if (arguments[i]) parts.push(arguments[i]);
  }
  return parts.length ? normalize(ArrayPrototypeJoin(parts, '/')) : '.';
}

function resolve() {
  var resolved = '', abs = false;
  for (var i = arguments.length - 1; i >= -1 && !abs; i--) {
    var p = i >= 0 ? arguments[i] : process.cwd();
    check(p);
    if (!p) continue;
    resolved = p + '/' + resolved;
    abs = StringPrototypeCharAt(p, 0) === '/';
  }
  var s = ArrayPrototypeJoin(normalizeParts(StringPrototypeSplit(resolved, '/'), abs), '/');
  return ((abs ? '/' : '') + s) || '.';
}

function isAbsolute(p) { check(p); return StringPrototypeCharAt(p, 0) === '/'; }

function dirname(p) {
  check(p);
  if (!p) return '.';
  var end = p.length;
  while (end > 1 && StringPrototypeCharAt(p, end - 1) === '/') end--;
  var i = StringPrototypeLastIndexOf(p, '/', end - 1);
  if (i < 0) return '.';
  if (i === 0) return '/';
  if (i === 1 && StringPrototypeCharAt(p, 0) === '/') return '//';
  // as node: repeated slashes before the last part stay ('/x//y' -> '/x/', '//x' -> '//')
  return StringPrototypeSlice(p, 0, i);
}

function basename(p, ext) {
  if (ext !== undefined) check(ext, 'ext'); // node checks the suffix first
  check(p);
  var end = p.length;
  while (end > 1 && StringPrototypeCharAt(p, end - 1) === '/') end--;
  var b = StringPrototypeSlice(p, StringPrototypeLastIndexOf(p, '/', end - 1) + 1, end);
  if (ext !== undefined && b !== ext && StringPrototypeSlice(b, -ext.length) === ext) b = StringPrototypeSlice(b, 0, b.length - ext.length);
  return b;
}

function extname(p) {
  var b = basename(p);
  var i = StringPrototypeLastIndexOf(b, '.');
  return i <= 0 ? '' : StringPrototypeSlice(b, i);
}

function relative(from, to) {
  var f = ArrayPrototypeFilter(StringPrototypeSplit(resolve(from), '/'), Boolean);
  var t = ArrayPrototypeFilter(StringPrototypeSplit(resolve(to), '/'), Boolean);
  var i = 0;
  while (i < f.length && i < t.length && f[i] === t[i]) i++;
  var up = [];
  for (var j = i; j < f.length; j++) up.push('..');
  return ArrayPrototypeJoin(ArrayPrototypeConcat(up, t.slice(i)), '/');
}

function parse(p) {
  check(p);
  var root = StringPrototypeCharAt(p, 0) === '/' ? '/' : '';
  var base = basename(p);
  var ext = extname(p);
  var dir = dirname(p);
  return { root: root, dir: StringPrototypeIndexOf(p, '/') < 0 ? '' : dir, base: base, ext: ext, name: ext ? StringPrototypeSlice(base, 0, -ext.length) : base };
}

function format(o) {
  if (o === null || typeof o !== 'object' || ArrayIsArray(o)) {
    throw require('internal/errors').invalidArgType('pathObject', 'object', o);
  }
  var dir = o.dir || o.root || '';
  var ext = o.ext ? (o.ext[0] === '.' ? '' : '.') + o.ext : ''; // node 20 adds the dot
  var base = o.base || ((o.name || '') + ext);
  return dir ? (dir === o.root ? dir + base : dir + '/' + base) : base;
}

var path = {
  sep: '/', delimiter: ':',
  normalize: normalize, join: join, resolve: resolve, isAbsolute: isAbsolute,
  dirname: dirname, basename: basename, extname: extname, relative: relative,
  parse: parse, format: format
};
path.posix = path;
module.exports = path;
