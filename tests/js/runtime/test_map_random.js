// Random Map and Set operations (set/add, delete, get/has, clear, iterators left open
// and resumed, forEach that deletes and adds, size), the same sequence as node v20: the
// .expected file is node's (a count and a hash of every result, and the last results).
var seed;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
var objs = [{}, {}, [], function () {}, Math, JSON];
var vals = [0, -0, NaN, 1, 1.5, -1, 'a', 'b', '1', '', null, undefined, true, false, Infinity, -Infinity, 2e9, 4294967296];
function key() { var r = rnd(4); if (r === 0) return objs[rnd(objs.length)]; if (r === 1) return 'k' + rnd(50); if (r === 2) return rnd(60) / 2; return vals[rnd(vals.length)]; }
function show(v) { if (typeof v === 'object' && v !== null || typeof v === 'function') return 'obj' + objs.indexOf(v); if (v === 0 && 1 / v < 0) return '-0'; return typeof v + ':' + String(v); }
// The results are hashed as they come (a board's heap cannot keep 18,000 strings):
// the hash of all of them joined by newlines, and the last five.
var count = 0, h = 0, last = [];
var out = { push: function (r) {
  var str = count++ ? '\n' + r : r;
  for (var i = 0; i < str.length; i++) h = (h * 31 + str.charCodeAt(i)) | 0;
  last.push(r);
  if (last.length > 5) last.shift();
} };
function run(steps) {
var m = new Map(), s = new Set(), its = [];
for (var step = 0; step < steps; step++) {
  var op = rnd(12), k = key();
  switch (op) {
    case 0: case 1: case 2: m.set(k, step); s.add(k); break;
    case 3: case 4: out.push('d' + m['delete'](k) + s['delete'](k)); break;
    case 5: out.push('g' + show(m.get(k)) + m.has(k) + s.has(k)); break;
    case 6: if (rnd(20) === 0) { m.clear(); s.clear(); } break;
    case 7: its.push(rnd(2) ? m.entries() : s.values()); if (its.length > 5) its.shift(); break;
    case 8: if (its.length) { var r = its[rnd(its.length)].next(); out.push('n' + r.done + (r.done ? '' : (Array.isArray(r.value) ? show(r.value[0]) + show(r.value[1]) : show(r.value)))); } break;
    case 9: out.push('z' + m.size + ',' + s.size); break;
    case 10: if (rnd(50) === 0) { var ks = []; m.forEach(function (v, kk) { ks.push(show(kk)); if (rnd(10) === 0) m['delete'](key()); if (rnd(30) === 0) m.set(key(), 1); }); out.push('f' + ks.join(' ')); } break;
    case 11: if (rnd(100) === 0) { var a = []; s.forEach(function (v) { a.push(show(v)); }); out.push('s' + a.join(' ')); } break;
  }
}
}
[1, 2, 12345].forEach(function (sd) { seed = sd; run(6000); });
console.log(count, h);
console.log(last.join('\n'));
