// pause() stops reading from the socket: the sender's writes back up (the TCP window
// closes) instead of piling up in the paused reader; resume() delivers everything.
var assert = require('assert');
var net = require('net');
var total = 4 * 1024 * 1024, got = 0, senderBlocked = false, pausedBytes = -1;
var server = net.createServer(function (s) {
  s.on('data', function (d) {
    got += d.length;
    if (got >= 65536 && pausedBytes < 0) {
      s.pause();
      pausedBytes = got;
      setTimeout(function () {
        // While paused, nothing was delivered and the reader buffered little.
        assert.strictEqual(got, pausedBytes);
        assert.ok(s.readableLength <= 128 * 1024, 'paused reader holds ' + s.readableLength);
        s.resume();
      }, 300);
    }
  });
  s.on('end', function () { s.end(); server.close(); });
});
server.listen(0, '127.0.0.1', function () {
  var c = net.connect(server.address().port, '127.0.0.1');
  var sent = 0, buf = Buffer.alloc(32768, 7);
  function pump() {
    while (sent < total) {
      sent += buf.length;
      if (!c.write(buf)) { senderBlocked = true; return; }
    }
    c.end();
  }
  c.on('drain', pump);
  c.on('connect', pump);
});
process.on('exit', function () {
  assert.strictEqual(got, total);
  assert.ok(senderBlocked, 'the sender saw backpressure while the reader was paused');
});
