// Benchmark server (ES5; run alike by petrel and node): sink.js PORT [HOST]
// Counts what each connection sends; after the client's half-close it answers
// with the count (loadgen upload checks it) and closes. Reading runs in flowing
// mode, so the server consumes as fast as it can and TCP's window is the only
// backpressure the client sees. Prints "listening PORT" (PORT 0 picks one).
'use strict';
var net = require('net');
var port = +process.argv[2] || 0, host = process.argv[3] || '127.0.0.1';

var server = net.createServer({ allowHalfOpen: true }, function (socket) {
  var count = 0;
  socket.on('data', function (chunk) { count += chunk.length; });
  socket.on('end', function () { socket.end(String(count)); });
  socket.on('error', function () {});
});
server.listen(port, host, function () { console.log('listening ' + server.address().port); });
// A server left behind stops by itself (run.sh normally kills it at once).
setTimeout(function () { process.exit(0); }, 15 * 60 * 1000);
