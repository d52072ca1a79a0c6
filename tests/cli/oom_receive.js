// Run with PETREL_HEAP_LIMIT: a server keeps every chunk it receives until the heap
// is full. The allocation that fails is the next chunk's, made in C while the event
// is delivered. It must end as an uncaught error (exit 1), not Duktape's abort (70);
// with HANDLED=1 an 'uncaughtException' handler lets go of the chunks and the socket
// whose data could not be delivered gets an ENOMEM error.
'use strict';
var net = require('net');
// Room for every chunk, filled now: Duktape's new Array(4096) is sparse, and growing
// its dense part while receiving could be the allocation that fails (in this script,
// not in the runtime's delivery this test is about).
var keep = [], n = 0;
for (var i = 0; i < 4096; i++) keep[i] = null;
if (process.env.HANDLED) {
  process.on('uncaughtException', function (e) {
    if (keep) console.log('uncaught: ' + e.message);
    keep = null;
  });
}
var srv = net.createServer(function (s) {
  s.on('data', function (d) { if (keep) keep[n++] = d; });
  s.on('error', function (e) { console.log('server socket error: ' + e.code); srv.close(); });
  s.on('end', function () { console.log('the heap never filled'); srv.close(); });
});
srv.listen(0, '127.0.0.1', function () {
  // The client sends one Buffer of 60 % of the free heap twice: the server cannot
  // keep it all, and sending it allocates nothing more in JS, so the allocation
  // that fails is the server's next chunk (a client that kept writing new chunks
  // could be the one to run out first, depending on the heap's layout).
  var free = Number(process.env.PETREL_HEAP_LIMIT) - process.memoryUsage().heapUsed;
  var big = Buffer.alloc(Math.floor(free * 0.6), 1);
  var c = net.connect(srv.address().port, '127.0.0.1', function () { c.write(big); c.end(big); big = null; });
  c.on('error', function () {});
});
