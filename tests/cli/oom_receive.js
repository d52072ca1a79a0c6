// Run with PETREL_HEAP_LIMIT: a server keeps every chunk it receives until the heap
// is full. The allocation that fails is the next chunk's, made in C while the event
// is delivered. It must end as an uncaught error (exit 1), not Duktape's abort (70);
// with HANDLED=1 an 'uncaughtException' handler lets go of the chunks and the socket
// whose data could not be delivered gets an ENOMEM error.
'use strict';
var net = require('net');
var keep = new Array(4096), n = 0; // room for every chunk: no growth while receiving
if (process.env.HANDLED) {
  process.on('uncaughtException', function (e) {
    if (keep) console.log('uncaught: ' + e.message);
    keep = null;
  });
}
var srv = net.createServer(function (s) {
  s.on('data', function (d) { if (keep) keep[n++] = d; });
  s.on('error', function (e) { console.log('server socket error: ' + e.code); srv.close(); });
});
srv.listen(0, '127.0.0.1', function () {
  var c = net.connect(srv.address().port, '127.0.0.1', function () {
    var chunk = Buffer.alloc(65536, 1);
    (function pump() { while (c.write(chunk)) {} c.once('drain', pump); })();
  });
  c.on('error', function () {});
});
