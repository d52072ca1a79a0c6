// Round-trip latency of request/response messages (ES5; run alike by petrel and node):
//   latency.js [SECONDS_PER_SIZE] [SIZES] [HOST]
// One process holds both ends: an echo server and a client on one connection
// through the loopback (on linux-lwip and the boards both ends are lwIP pcbs,
// where a delayed ACK shows). Nagle stays at its default (on) on both ends, as
// in node. For each size the client sends one message of that size, waits until
// the whole echo is back, then sends the next: for SECONDS_PER_SIZE (default 1)
// or 2000 round trips, at least 3. Prints one line per size:
//   size=N trips=N p50_us=X p99_us=X max_us=X
// and "done". A round trip that takes over 10 s ends the run with an error.
'use strict';
var net = require('net');
var seconds = +process.argv[2] || 1;
var sizes = (process.argv[3] || '1,1024,61440,64241,102400').split(',').map(Number);
var host = process.argv[4] || '127.0.0.1';

function now() { var t = process.hrtime(); return t[0] * 1e6 + t[1] / 1e3; }
function pct(v, p) { return v[Math.min(v.length - 1, Math.floor(v.length * p))]; }

var server = net.createServer(function (s) {
  s.on('data', function (d) { s.write(d); });
  s.on('error', function () {});
});
server.listen(0, host, function () {
  var c = net.connect(server.address().port, host);
  var si = 0, msg, got, t0, start, times, guard;
  c.on('connect', next);
  c.on('data', function (d) {
    got += d.length;
    if (got < msg.length) return;
    times.push(now() - t0);
    if (times.length >= 2000 || (times.length >= 3 && now() - start > seconds * 1e6)) {
      times.sort(function (a, b) { return a - b; });
      console.log('size=' + msg.length + ' trips=' + times.length + ' p50_us=' + pct(times, 0.5).toFixed(1) +
                  ' p99_us=' + pct(times, 0.99).toFixed(1) + ' max_us=' + times[times.length - 1].toFixed(1));
      si++;
      return next();
    }
    send();
  });
  c.on('error', function (e) { console.log('error ' + e.code); process.exit(1); });
  function next() {
    if (si >= sizes.length) {
      console.log('done');
      clearTimeout(guard);
      c.destroy();
      server.close();
      return;
    }
    msg = Buffer.alloc(sizes[si], 0x61);
    times = [];
    start = now();
    send();
  }
  function send() {
    got = 0;
    t0 = now();
    clearTimeout(guard);
    guard = setTimeout(function () {
      console.log('error: no echo of ' + msg.length + ' bytes within 10 s (' + got + ' back)');
      process.exit(1);
    }, 10000);
    c.write(msg);
  }
});
