// A built-in module whose first load fails part-way (here: a RangeError, the call stack
// full; on a board also out of memory) is not kept half-made: the next require loads
// it whole, as in Node. Before the fix, require('dns') at the top returned an object
// without lookup.
var assert = require('assert');
var failed = 0, loaded = 0;
function deep(n) {
  try {
    return deep(n + 1);
  } catch (e) {
    try { require('dns'); loaded++; } catch (e2) { failed++; }
    return n;
  }
}
deep(0);
assert.ok(failed + loaded > 0, 'require ran at the deepest level');
var dns = require('dns');
assert.strictEqual(typeof dns.lookup, 'function');
console.log('ok: failed at depth ' + failed + ', loaded at depth ' + loaded + ', whole after');
