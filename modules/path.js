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
  var abs = p.charAt(0) === '/';
  var trailing = p.charAt(p.length - 1) === '/';
  var s = normalizeParts(p.split('/'), abs).join('/');
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
  return parts.length ? normalize(parts.join('/')) : '.';
}

function resolve() {
  var resolved = '', abs = false;
  for (var i = arguments.length - 1; i >= -1 && !abs; i--) {
    var p = i >= 0 ? arguments[i] : process.cwd();
    check(p);
    if (!p) continue;
    resolved = p + '/' + resolved;
    abs = p.charAt(0) === '/';
  }
  var s = normalizeParts(resolved.split('/'), abs).join('/');
  return ((abs ? '/' : '') + s) || '.';
}

function isAbsolute(p) { check(p); return p.charAt(0) === '/'; }

function dirname(p) {
  check(p);
  if (!p) return '.';
  var end = p.length;
  while (end > 1 && p.charAt(end - 1) === '/') end--;
  var i = p.lastIndexOf('/', end - 1);
  if (i < 0) return '.';
  if (i === 0) return '/';
  while (i > 1 && p.charAt(i - 1) === '/') i--;
  return p.slice(0, i);
}

function basename(p, ext) {
  if (ext !== undefined) check(ext, 'ext'); // node checks the suffix first
  check(p);
  var end = p.length;
  while (end > 1 && p.charAt(end - 1) === '/') end--;
  var b = p.slice(p.lastIndexOf('/', end - 1) + 1, end);
  if (ext !== undefined && b !== ext && b.slice(-ext.length) === ext) b = b.slice(0, b.length - ext.length);
  return b;
}

function extname(p) {
  var b = basename(p);
  var i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i);
}

function relative(from, to) {
  var f = resolve(from).split('/').filter(Boolean);
  var t = resolve(to).split('/').filter(Boolean);
  var i = 0;
  while (i < f.length && i < t.length && f[i] === t[i]) i++;
  var up = [];
  for (var j = i; j < f.length; j++) up.push('..');
  return up.concat(t.slice(i)).join('/');
}

function parse(p) {
  check(p);
  var root = p.charAt(0) === '/' ? '/' : '';
  var base = basename(p);
  var ext = extname(p);
  var dir = dirname(p);
  return { root: root, dir: p.indexOf('/') < 0 ? '' : dir, base: base, ext: ext, name: ext ? base.slice(0, -ext.length) : base };
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
