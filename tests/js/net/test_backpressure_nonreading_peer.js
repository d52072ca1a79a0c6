// A peer that never reads: write() returns false once the kernel buffers fill, the
// queued bytes stay bounded (we stop writing on false), and when the peer starts
// reading 'drain' follows and every byte arrives in order.
var assert = require('assert');
var net = require('net');
var chunk = Buffer.alloc(65536, 0x61);
var written = 0, drains = 0, received = 0, maxQueued = 0, sawFalse = false;
var serverSocket;
var server = net.createServer(function (s) {
  serverSocket = s;
  s.pause(); // never read until told
});
server.listen(0, '127.0.0.1', function () {
  var c = net.connect(server.address().port, '127.0.0.1', function () {
    function pump() {
      while (written < 8 * 1024 * 1024) {
        written += chunk.length;
        var ok = c.write(chunk);
        if (c.writableLength > maxQueued) maxQueued = c.writableLength;
        if (!ok) { sawFalse = true; return; }
      }
      c.end();
    }
    c.on('drain', function () { drains++; pump(); });
    pump();
    // After the buffers are full, let the server read everything.
    setTimeout(function () {
      assert.ok(sawFalse, 'write() returned false against a non-reading peer');
      serverSocket.on('data', function (d) {
        for (var i = 0; i < d.length; i += 997) assert.strictEqual(d[i], 0x61);
        received += d.length;
      });
      serverSocket.on('end', function () { serverSocket.end(); server.close(); });
      serverSocket.resume();
    }, 200);
  });
});
process.on('exit', function () {
  assert.strictEqual(received, 8 * 1024 * 1024);
  assert.ok(drains >= 1, 'drain emitted');
  // We only write after 'drain', so the JS-side queue never exceeds a couple of chunks.
  assert.ok(maxQueued <= 2 * chunk.length, 'queue stayed bounded: ' + maxQueued);
});
