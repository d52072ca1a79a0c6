// A socket holds its connection's record itself (#17); socket._handle is an accessor
// that makes the handle object Node code expects when something reads it. What node's
// tests and packages read of it keeps working: the same object on every read, its
// methods (and a method replaced there is the one the socket calls), null after close,
// a fake handle given to the constructor, and an assignment. (Passes under node too.)
var assert = require('assert');
var net = require('net');
var checks = 0;

// A fake handle (as node's tests make): kept as it is, its methods called.
var calls = [];
var fake = { setNoDelay: function (on) { calls.push('noDelay ' + on); }, readStart: function () {}, readStop: function () {} };
var f = new net.Socket({ handle: fake });
assert.strictEqual(f._handle, fake);
f.setNoDelay(true);
assert.deepStrictEqual(calls, ['noDelay true']);
checks++;

var server = net.createServer(function (s) {
  // Nothing read it yet: no own _handle (no handle object per socket), but it is there.
  if (process.release.name !== 'node') {
    assert.ok(!Object.prototype.hasOwnProperty.call(s, '_handle'));
    assert.ok(Object.keys(s).indexOf('_handle') < 0);
  }
  assert.ok('_handle' in s);
  var h = s._handle;
  assert.strictEqual(typeof h, 'object');
  assert.strictEqual(s._handle, h); // made once, then kept
  assert.strictEqual(typeof h.getpeername, 'function');
  // A method replaced on the handle object is the one the socket calls.
  var told = [];
  h.setNoDelay = function (on) { told.push(on); return 0; };
  s.setNoDelay(true);
  assert.deepStrictEqual(told, [true]);
  s.on('data', function (d) { s.end(d); });
  s.on('close', function () {
    assert.strictEqual(s._handle, null);
    checks++;
    server.close();
  });
});
server.listen(0, '127.0.0.1', function () {
  var c = net.connect(server.address().port, '127.0.0.1', function () {
    // A client socket that never read _handle works without a handle object.
    assert.strictEqual(c.pending, false);
    assert.ok(c.localPort > 0);
    c.write('ping');
  });
  var got = '';
  c.on('data', function (d) { got += d; });
  c.on('close', function () {
    assert.strictEqual(got, 'ping');
    assert.strictEqual(c._handle, null);
    // _handle can be assigned, as in Node: what was assigned reads back.
    c._handle = 7;
    assert.strictEqual(c._handle, 7);
    c._handle = null;
    assert.strictEqual(c._handle, null);
    checks++;
  });
});
process.on('exit', function () { assert.strictEqual(checks, 3); });
