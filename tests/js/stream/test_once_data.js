// once('data') starts a paused Readable flowing, like on('data') (Node does the same).
var assert = require('assert');
var stream = require('stream');
var r = new stream.Readable({ read: function () {} });
var got = [];
r.once('data', function (d) { got.push(String(d)); });
r.push('a');
r.push('b');
setTimeout(function () {
  assert.deepStrictEqual(got, ['a']);
  assert.strictEqual(r.readableFlowing, true);
  assert.strictEqual(r.listenerCount('data'), 0);
}, 10);
