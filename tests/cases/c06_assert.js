// assert: thrown errors' shape for the common functions.
var assert = require('assert');
function t(label, fn) {
  try { fn(); console.log(label + ': ok'); } catch (e) {
    console.log(label + ': ' + e.name + ' ' + e.code + ' ' + (e.operator || '') + ' ' + e.generatedMessage);
  }
}
t('ok(1)', function () { assert.ok(1); });
t('ok(0)', function () { assert.ok(0); });
t('equal 1 "1"', function () { assert.equal(1, '1'); });
t('strictEqual 1 "1"', function () { assert.strictEqual(1, '1'); });
t('deepEqual', function () { assert.deepEqual({ a: [1, 2] }, { a: ['1', 2] }); });
t('deepStrictEqual', function () { assert.deepStrictEqual({ a: [1, 2] }, { a: ['1', 2] }); });
t('notDeepStrictEqual', function () { assert.notDeepStrictEqual({ a: 1 }, { a: 1 }); });
t('throws match', function () { assert.throws(function () { throw new TypeError('bad'); }, TypeError); });
t('throws object', function () { assert.throws(function () { var e = new Error('x'); e.code = 'C'; throw e; }, { code: 'C' }); });
t('throws missing', function () { assert.throws(function () {}); });
t('throws wrong', function () { assert.throws(function () { throw new Error('a'); }, /b/); });
t('doesNotThrow', function () { assert.doesNotThrow(function () { throw new Error('oops'); }); });
t('fail', function () { assert.fail('custom'); });
t('custom message', function () { assert.strictEqual(1, 2, 'mine'); });
t('ifError', function () { assert.ifError(null); });
t('Buffer deepStrictEqual', function () { assert.deepStrictEqual(Buffer.from('ab'), Buffer.from('ab')); });
console.log(new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' }).name);
