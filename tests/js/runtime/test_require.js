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
// The loader as node has it (runtime/module_load.c): Module, its cache and
// extensions, each require bound to its module, node's messages.
var Module = require('module');
assert.strictEqual(require('node:module'), Module);
assert.strictEqual(module.constructor, Module);
assert.ok(module instanceof Module);
assert.strictEqual(Module._cache, require.cache);
assert.strictEqual(typeof Module._extensions['.js'], 'function');
assert.ok(Module.builtinModules.indexOf('module') >= 0 && Module.builtinModules.indexOf('net') >= 0);
assert.strictEqual(Module.builtinModules.indexOf('internal/errors'), -1);
assert.strictEqual(require.resolve('net'), 'net');
assert.strictEqual(require.resolve('node:net'), 'node:net');
assert.strictEqual(require.name, 'require');
assert.strictEqual(arguments.length, 5);
assert.strictEqual(module.id, '.');
assert.strictEqual(module.loaded, false);
assert.ok(module.children.indexOf(require.cache[path.join(__dirname, 'fixtures/cycle_a.js')]) >= 0);
assert.throws(function () { require(''); }, { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(function () { require('./fixtures/missing'); }, function (e) {
  return e.message === "Cannot find module './fixtures/missing'\nRequire stack:\n- " + __filename &&
    e.requireStack.length === 1 && e.requireStack[0] === __filename;
});
assert.throws(function () { require.resolve('node:nope'); }, { code: 'MODULE_NOT_FOUND' });
// Module.prototype.require loads relative to that module; a detached resolve still knows its module.
assert.strictEqual(module.require('./fixtures/data.json'), require('./fixtures/data.json'));
var resolve = require.resolve;
assert.strictEqual(resolve('./fixtures/data.json'), path.join(__dirname, 'fixtures/data.json'));
var nested = path.join(__dirname, 'fixtures', 'requires_missing.js');
assert.throws(function () { require('./fixtures/requires_missing'); }, function (e) {
  return e.message === "Cannot find module './not_there'\nRequire stack:\n- " + nested + '\n- ' + __filename &&
    e.requireStack.join() === [nested, __filename].join();
});
// A .json module is parsed by the engine's JSON.parse, not by a global JSON user code
// replaced (node's loader uses its own copy too).
delete require.cache[require.resolve('./fixtures/data.json')];
var realJSON = JSON;
JSON = { parse: function () { throw new Error('the user\'s JSON ran'); } };
try {
  assert.deepStrictEqual(require('./fixtures/data.json'), { list: [1, 2], ok: true });
} finally {
  JSON = realJSON;
}
