// 500 concurrent connections (fewer on a small board, see N): each client sends its index, the server echoes it
// with a prefix; every reply is correct and the server closes after the last one.
var assert = require('assert');
var net = require('net');
// A microcontroller board (process.platform 'none': mps2-an385 has 16 lwIP pcbs and a
// 256 KiB part) runs as many as its pcb pool holds: 8 loopback connections, both ends.
var N = process.platform === 'none' ? 8 : 500;
var replies = 0, accepted = 0, serverClosed = false;
var server = net.createServer(function (s) {
  accepted++;
  var got = '';
  s.setEncoding('utf8');
  s.on('data', function (d) { got += d; });
  s.on('end', function () { s.end('re:' + got); });
});
server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  var open = 0;
  for (var i = 0; i < N; i++) (function (i) {
    var c = net.connect(port, '127.0.0.1');
    open++;
    var reply = '';
    c.setEncoding('utf8');
    c.on('connect', function () { c.end(String(i)); });
    c.on('data', function (d) { reply += d; });
    c.on('error', function (e) { assert.fail('client ' + i + ': ' + e.code); });
    c.on('close', function (hadError) {
      assert.strictEqual(hadError, false);
      assert.strictEqual(reply, 're:' + i);
      replies++;
      if (--open === 0) server.close(function () { serverClosed = true; });
    });
  })(i);
});
process.on('exit', function () {
  assert.strictEqual(accepted, N);
  assert.strictEqual(replies, N);
  assert.ok(serverClosed);
});
