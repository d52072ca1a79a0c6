// Connecting to a closed port and listening on a used port give Node's coded errors.
var assert = require('assert');
var net = require('net');
var done = 0;
var a = net.createServer().listen(0, '127.0.0.1', function () {
  var port = a.address().port;
  var b = net.createServer();
  b.on('error', function (e) {
    assert.strictEqual(e.code, 'EADDRINUSE');
    assert.strictEqual(e.syscall, 'listen');
    assert.strictEqual(e.errno, -98);
    assert.strictEqual(e.port, port);
    assert.strictEqual(b.listening, false);
    done++;
    a.close(function () {
      var c = net.connect(port, '127.0.0.1');
      c.on('error', function (e) {
        assert.strictEqual(e.code, 'ECONNREFUSED');
        assert.strictEqual(e.message, 'connect ECONNREFUSED 127.0.0.1:' + port);
        assert.strictEqual(e.address, '127.0.0.1');
        assert.strictEqual(e.port, port);
        done++;
      });
    });
  });
  b.listen(port, '127.0.0.1');
});
process.on('exit', function () { assert.strictEqual(done, 2); });
