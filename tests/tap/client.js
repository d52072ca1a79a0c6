// Helper for tests/tap/run.sh: connects to argv[2]:argv[3], sends argv[4] bytes
// of a deterministic pattern and half-closes. Mode argv[5]: 'echo' (default)
// checks that the same bytes come back and prints "received N mismatches M ms T";
// 'send' only sends and prints "sent N ms T" once the peer has closed.
var net = require('net');
var host = process.argv[2], port = +process.argv[3], total = +process.argv[4], mode = process.argv[5] || 'echo';
var chunk = Buffer.alloc(65536);
for (var i = 0; i < chunk.length; i++) chunk[i] = (i * 7 + 3) & 255;
var sent = 0, got = 0, bad = 0, t0;
var c = net.connect(port, host, function () {
  t0 = Date.now();
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
  if (mode === 'echo') for (var i = 0; i < d.length; i += 61) if (d[i] !== chunk[(got + i) % 65536]) bad++;
  got += d.length;
});
c.on('end', function () {
  if (mode === 'echo') console.log('received ' + got + ' mismatches ' + bad + ' ms ' + (Date.now() - t0));
});
c.on('close', function () {
  if (mode === 'send') console.log('sent ' + sent + ' ms ' + (Date.now() - t0));
});
c.on('error', function (e) { console.log('error ' + e.code); process.exitCode = 1; });
