// A Map or Set that many entries pass through keeps the size of what it holds: deleted
// entries are squeezed out once no iterator runs (an iterator dropped unfinished stops
// counting when it is collected). Without that, 20,000 add/delete rounds would leave
// ~700 KB of holes; the bound below is far from both. Duktape only (Duktape.gc).
var assert = require('assert');
function heap() { Duktape.gc(); Duktape.gc(); return process.memoryUsage().heapUsed; }
function churn(c, add, n) { for (var i = 0; i < (n || 20000); i++) { add(c, 'k' + i); c['delete']('k' + i); } }
var m = new Map([['a', 1]]), s = new Set(['a']);
heap();
var before = heap();
churn(m, function (c, k) { c.set(k, k); });
churn(s, function (c, k) { c.add(k); });
var grown = heap() - before;
assert.ok(grown < 64 * 1024, 'grew by ' + grown + ' B');
// iterators left unfinished, then dropped: collected, they no longer hold the squeezing back
for (var i = 0; i < 50; i++) { m.keys().next(); s.values(); }
heap();
before = heap();
churn(m, function (c, k) { c.set(k, k); });
grown = heap() - before;
assert.ok(grown < 64 * 1024, 'after dropped iterators: grew by ' + grown + ' B');
// while an iterator is alive the holes stay (its position must stay right) ...
var it = m.entries();
churn(m, function (c, k) { c.set(k, k); }, 2000);
assert.deepStrictEqual(it.next().value, ['a', 1]);
assert.strictEqual(it.next().done, true);
// ... and once it has finished they go at the next change
before = heap();
churn(m, function (c, k) { c.set(k, k); });
assert.ok(heap() - before < 64 * 1024);
assert.strictEqual(m.size, 1);
assert.strictEqual(s.size, 1);
console.log('ok');
