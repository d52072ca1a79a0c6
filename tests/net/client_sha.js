// Helper for real_peers.sh: connects to argv[2] (port), sends argv[3] bytes of a
// deterministic pattern, half-closes, and prints how many bytes came back and
// whether they equal what was sent.
var net = require('net');
var port = +process.argv[2], total = +process.argv[3];
var chunk = Buffer.alloc(65536);
for (var i = 0; i < chunk.length; i++) chunk[i] = (i * 7 + 3) & 255;
var sent = 0, got = 0, bad = 0;
var c = net.connect(port, '127.0.0.1', function () {
  (function pump() {
    while (sent < total) {
      var n = Math.min(chunk.length, total - sent);
      var ok = c.write(n === chunk.length ? chunk : chunk.slice(0, n));
      sent += n;
      if (!ok) { c.once('drain', pump); return; }
    }
    c.end();
  })();
});
c.on('data', function (d) {
  for (var i = 0; i < d.length; i += 61) if (d[i] !== chunk[(got + i) % 65536]) bad++;
  got += d.length;
});
c.on('end', function () { console.log('received ' + got + ' mismatches ' + bad); });
c.on('error', function (e) { console.log('error ' + e.code); process.exitCode = 1; });
