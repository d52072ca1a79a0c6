// Benchmark server (ES5; run alike by petrel and node): idle.js PORT [HOST]
// Accepts connections and holds them, each with a 'data' and an 'error'
// listener as a typical server would, but never sent anything. The listeners
// are shared functions, not per-connection closures, so the figure is the
// runtime's own cost per connection (a closure costs ~0.5 KB in Duktape and
// little in V8; see docs/bench.md). run.sh reads the process's VmRSS from /proc
// before and after loadgen opens its connections. Prints "listening PORT"
// (PORT 0 picks one).
'use strict';
var net = require('net');
var port = +process.argv[2] || 0, host = process.argv[3] || '127.0.0.1';

function onData() {}
function onError() {}

var server = net.createServer(function (socket) {
  socket.on('data', onData);
  socket.on('error', onError);
});
server.listen(port, host, function () { console.log('listening ' + server.address().port); });
setTimeout(function () { process.exit(0); }, 15 * 60 * 1000);
