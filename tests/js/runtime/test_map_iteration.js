// Map and Set iteration while the collection changes: entries deleted are skipped,
// entries added are visited, clear() mid-way, iterators left unfinished, many
// deletes (the table is compacted only while nothing iterates); node v20's output.
var out = [];
function L() { out.push(Array.prototype.slice.call(arguments).join(' ')); }
function keys(m) { var a = [], it = m.keys(), r; while (!(r = it.next()).done) a.push(r.value); return a.join(','); }

var m = new Map([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
var seen = [];
m.forEach(function (v, k) {
  seen.push(k);
  if (k === 1) { m.delete(2); m.set(5, 'e'); }
  if (k === 3) { m.delete(1); m.delete(4); }
  if (k === 5) m.set(6, 'f');
});
L('forEach', seen.join(), keys(m));

var s = new Set([1, 2, 3]);
var it = s.values();
L('next', it.next().value);
s.delete(2);
s.add(4);
L('rest', it.next().value, it.next().value, it.next().done, it.next().done);
s.add(9);
L('done stays done', it.next().done);

var c = new Map([['x', 1], ['y', 2]]);
var ci = c.entries();
L('before clear', JSON.stringify(ci.next().value));
c.clear();
c.set('z', 3);
L('after clear', JSON.stringify(ci.next()), JSON.stringify(ci.next()));
var fc = new Set([1, 2, 3]), fseen = [];
fc.forEach(function (v) { fseen.push(v); if (v === 1) { fc.clear(); fc.add(7); } });
L('clear in forEach', fseen.join(), fc.size);

// an iterator parked while most entries go and come back: its place stays right
var big = new Set();
for (var i = 0; i < 1000; i++) big.add(i);
var parked = big.values();
for (i = 0; i < 10; i++) parked.next();
for (i = 0; i < 995; i++) big.delete(i);
for (i = 0; i < 50; i++) big.add(1000 + i);
var rest = [], r;
while (!(r = parked.next()).done) rest.push(r.value);
L('parked', rest.length, rest[0], rest[4], rest[5], rest[rest.length - 1]);
// many unfinished iterators dropped, then a burst of deletes and adds
for (i = 0; i < 200; i++) big.keys().next();
for (i = 0; i < 5000; i++) { big.add('s' + i); big.delete('s' + i); }
L('after churn', big.size, keys(big).split(',').slice(0, 3).join());

// forEach that throws leaves the map usable
var t = new Map([[1, 1], [2, 2]]);
try { t.forEach(function () { throw new Error('stop'); }); } catch (e) { L('thrown', e.message); }
for (i = 0; i < 100; i++) { t.set(i + 10, i); t.delete(i + 10); }
L('after throw', t.size, keys(t));

// iterator protocol objects
var mi = new Map([['k', 'v']]).entries();
var first = mi.next();
L('result', Object.keys(first).join(), JSON.stringify(first), typeof mi.next, mi.next === new Map().keys().next);
L('set entries pairs', JSON.stringify(new Set(['a']).entries().next().value));
var arr = ['p', 'q'];
var ai = arr[Symbol.iterator]();
arr.push('r');
L('array iterator', JSON.stringify(ai.next()), ai.next().value, ai.next().value, ai.next().done,
  JSON.stringify(arr.entries().next().value), arr.keys().next().value, [].values === [][Symbol.iterator]);
L('array iterator names', Array.prototype.values.name, Array.prototype.keys.name, Array.prototype[Symbol.iterator].name,
  Object.prototype.toString.call([].values()), typeof Array.prototype.keys.call('ab').next);
var strs = [], si = 'a\ud83d\ude00\u00e9'[Symbol.iterator](), x;
while (!(x = si.next()).done) strs.push(x.value.length);
L('string iterator', strs.join(), Object.prototype.toString.call(si), String.prototype[Symbol.iterator].name);
var buf = Buffer.from('abc'), u16 = new Uint16Array([7, 8]), bytes = [], bi = buf[Symbol.iterator](), b;
while (!(b = bi.next()).done) bytes.push(b.value);
L('typed arrays', bytes.join(), JSON.stringify(u16.entries().next()), u16.keys().next().value, new Set(buf).size,
  new Set(u16).has(8), Array.prototype.values === Uint8Array.prototype.values, Uint8Array.prototype.values.name,
  Object.prototype.toString.call(u16.values()));
try { Uint8Array.prototype.values.call([1]); } catch (e) { L('typed array check', e.name, e.message); }
console.log(out.join('\n'));
