// process: argv, env, nextTick order, hrtime, memoryUsage, exit code and 'exit' listeners.
var assert = require('assert');
assert.ok(Array.isArray(process.argv) && process.argv.length >= 2);
assert.ok(/test_process\.js$/.test(process.argv[1]));
assert.strictEqual(typeof process.env, 'object');
assert.strictEqual(typeof process.version, 'string');
assert.ok(/^v\d+\.\d+\.\d+/.test(process.version));
if (process.release.name === 'petrel') assert.strictEqual(typeof process.versions.duktape, 'string');
assert.strictEqual(typeof process.platform, 'string');
var t = process.hrtime();
assert.strictEqual(t.length, 2);
var d = process.hrtime(t);
assert.ok(d[0] >= 0 && d[1] >= 0);
var m = process.memoryUsage();
assert.ok(m.heapUsed > 0, 'heapUsed');
assert.ok(typeof m.rss === 'number');
assert.strictEqual(typeof process.cwd(), 'string');
assert.throws(function () { process.nextTick(5); }, { code: 'ERR_INVALID_ARG_TYPE' });
var order = [];
process.nextTick(function () { order.push(1); process.nextTick(function () { order.push(3); }); });
process.nextTick(function () { order.push(2); });
setTimeout(function () { assert.deepStrictEqual(order, [1, 2, 3]); }, 1);
process.on('exit', function (code) {
  assert.strictEqual(code, 0);
  process.exitCode = 0;
});
