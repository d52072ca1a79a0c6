// Benchmark server (ES5; run alike by petrel and node): churn.js PORT [HOST]
// For each connection: on its first byte, reply one byte and end(); the socket
// closes when the client's FIN arrives. Prints "listening PORT" (PORT 0 picks one).
'use strict';
var net = require('net');
var port = +process.argv[2] || 0, host = process.argv[3] || '127.0.0.1';

var server = net.createServer(function (socket) {
  var replied = false;
  socket.on('data', function () {
    if (!replied) {
      replied = true;
      socket.end('k');
    }
  });
  socket.on('error', function () {});
});
server.listen(port, host, function () { console.log('listening ' + server.address().port); });
setTimeout(function () { process.exit(0); }, 15 * 60 * 1000);
