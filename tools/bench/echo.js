// Benchmark server (ES5; run alike by petrel and node): echo.js PORT [HOST]
// Writes back whatever arrives ('data' -> write), with Nagle off as a
// request/response server would. Prints "listening PORT" (PORT 0 picks one).
'use strict';
var net = require('net');
var port = +process.argv[2] || 0, host = process.argv[3] || '127.0.0.1';

var server = net.createServer(function (socket) {
  socket.setNoDelay(true);
  socket.on('data', function (data) { socket.write(data); });
  socket.on('error', function () {});
});
server.listen(port, host, function () { console.log('listening ' + server.address().port); });
setTimeout(function () { process.exit(0); }, 15 * 60 * 1000);
