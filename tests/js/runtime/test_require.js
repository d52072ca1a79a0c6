// CommonJS: relative files, .json, index.js, node_modules, cache, cycles, errors.
var assert = require('assert');
var path = require('path');
var a = require('./fixtures/cycle_a');
assert.strictEqual(a.done, true);
assert.strictEqual(a.sawB, true);
assert.strictEqual(require('./fixtures/cycle_a.js'), a, 'cached under the resolved name');
assert.deepStrictEqual(require('./fixtures/data.json'), { list: [1, 2], ok: true });
assert.strictEqual(require('./fixtures/dir').name, 'dir index');
assert.strictEqual(require('./fixtures/pkg').name, 'pkg main');
assert.strictEqual(require('fake_module').name, 'from node_modules');
assert.strictEqual(require('node:path'), path);
assert.strictEqual(__filename, path.join(__dirname, 'test_require.js'));
assert.strictEqual(require.resolve('./fixtures/data.json'), path.join(__dirname, 'fixtures/data.json'));
assert.ok(require.cache[path.join(__dirname, 'fixtures/cycle_a.js')]);
assert.strictEqual(require.main, module);
assert.throws(function () { require('./fixtures/missing'); }, function (e) {
  return e.code === 'MODULE_NOT_FOUND' && /missing/.test(e.message);
});
assert.throws(function () { require('internal/errors'); }, { code: 'MODULE_NOT_FOUND' });
assert.throws(function () { require(42); }, { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(function () { require('./fixtures/throws'); }, /thrown at load/);
assert.throws(function () { require('./fixtures/throws'); }, /thrown at load/, 'a failed module is not cached');
assert.throws(function () { require('./fixtures/bad.json'); }, SyntaxError);
