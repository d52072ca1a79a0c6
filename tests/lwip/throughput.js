// throughput.js [MiB] [sink|echo]: pushes MiB (default 64) through one TCP
// connection to a server in the same process over 127.0.0.1 (lwIP's loopback
// netif on the lwIP boards, the kernel's on linux) and prints MiB/s.
// sink: client -> server; echo: client -> server -> client (bytes counted on
// the way back). Both ends honour backpressure (write() false -> 'drain').
var net = require('net');
var MiB = Number(process.argv[2]) || 64, mode = process.argv[3] || 'sink';
var total = MiB * 1024 * 1024, chunk = Buffer.alloc(65536, 0x61);
var t0, back = 0, sunk = 0;

var server = net.createServer(function (s) {
  if (mode === 'echo') {
    s.on('data', function (d) {
      if (!s.write(d)) { s.pause(); s.once('drain', function () { s.resume(); }); }
    });
    s.on('end', function () { s.end(); });
  } else {
    s.on('data', function (d) { sunk += d.length; });
    s.on('end', function () { s.end(); finish(sunk); });
  }
});
server.listen(0, '127.0.0.1', function () {
  var c = net.connect(server.address().port, '127.0.0.1', function () {
    t0 = Date.now();
    var sent = 0;
    (function write() {
      while (sent < total) {
        sent += chunk.length;
        if (!c.write(chunk)) { c.once('drain', write); return; }
      }
      c.end();
    })();
  });
  c.on('data', function (d) { back += d.length; });
  c.on('end', function () { if (mode === 'echo') finish(back); });
});

function finish(n) {
  var ms = Date.now() - t0;
  if (n !== total) throw new Error('got ' + n + ' of ' + total + ' bytes');
  var mu = process.memoryUsage();
  console.log(mode + ' ' + MiB + ' MiB in ' + ms + ' ms: ' + (MiB * 1000 / ms).toFixed(1) + ' MiB/s' +
    (mu.netStackPeak ? ', net stack peak ' + mu.netStackPeak + ' B' : ''));
  server.close();
}
