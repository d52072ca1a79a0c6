// Benchmark server (ES5; run alike by petrel and node): source.js PORT BYTES [HOST]
// Sends BYTES to each connection in 64 KiB writes, honouring backpressure: when
// write() returns false it waits for 'drain'. Then end(). Prints "listening PORT"
// (PORT 0 picks one).
'use strict';
var net = require('net');
var port = +process.argv[2] || 0, total = +process.argv[3] || 0, host = process.argv[4] || '127.0.0.1';
var chunk = Buffer.alloc(65536, 's');

var server = net.createServer(function (socket) {
  var left = total;
  function pump() {
    while (left > 0) {
      var n = left < chunk.length ? left : chunk.length;
      left -= n;
      if (!socket.write(n === chunk.length ? chunk : chunk.slice(0, n))) {
        socket.once('drain', pump);
        return;
      }
    }
    socket.end();
  }
  socket.on('error', function () {});
  socket.resume(); // see the client's close
  pump();
});
server.listen(port, host, function () { console.log('listening ' + server.address().port); });
setTimeout(function () { process.exit(0); }, 15 * 60 * 1000);
