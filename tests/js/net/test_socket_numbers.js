// Socket's data-path numbers (_bytesDispatched, _writeLen, _writeErr, _timeoutMs,
// _lastActivity) are a C block behind accessors: each socket its own, 0 until set,
// and what a write and setTimeout() leave in them reads back through the names.
var assert = require('assert');
var net = require('net');
var names = ['_bytesDispatched', '_writeLen', '_writeErr', '_timeoutMs', '_lastActivity'];
var a = new net.Socket(), b = new net.Socket();
names.forEach(function (n) { assert.strictEqual(a[n], 0, n); });
a._bytesDispatched = 7;
assert.strictEqual(a._bytesDispatched, 7);
assert.strictEqual(b._bytesDispatched, 0, 'not shared between sockets');
var c = Object.create(a);
c._bytesDispatched = 9;
assert.strictEqual(c._bytesDispatched, 9);
assert.strictEqual(a._bytesDispatched, 7, 'an object inheriting from a socket writes its own');
a._bytesDispatched += 3;
assert.strictEqual(a._bytesDispatched, 10);
var srv = net.createServer(function (s) { s.resume(); s.on('end', function () { s.end(); }); });
srv.listen(0, '127.0.0.1', function () {
  var cl = net.connect(srv.address().port, '127.0.0.1', function () {
    cl.setTimeout(60000);
    assert.strictEqual(cl._timeoutMs, 60000);
    assert.ok(cl._lastActivity > 0);
    cl.write(Buffer.alloc(1000, 1));
    cl.end(Buffer.alloc(24, 2));
  });
  cl.on('close', function () {
    assert.strictEqual(cl._bytesDispatched, 1024);
    assert.strictEqual(cl.bytesWritten, 1024);
    srv.close();
  });
});
