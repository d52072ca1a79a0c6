// net_chaos.js SEED CONNS [CONCURRENT [MAXWRITE]]: both ends of many connections in one process.
// Clients write random amounts, pause (some stop reading for good), half-close, end,
// destroy, reset and call connect() again at random moments; the echo server pauses,
// ends, destroys, resets, times out, corks, writes large replies and calls connect()
// on the accepted socket at random, and always ends its side after the client's end.
// Errors are expected; what must not happen is a crash, a sanitizer report, a hang or
// a connection that never closes: the script prints "done CONNS" and exits 0 only when
// every client has closed on its own (one still open after 15 s is a failure).
// Both ends respect backpressure as a real application does: a client whose write()
// returned false writes nothing more until 'drain' (its other steps go on), and the
// server pauses a socket whose reply write() returned false until 'drain' (what pipe()
// does). Without that, what the fuzz piles up in send queues is bounded only by luck
// (up to 6 x 30 KB per client on 8 connections at once on a board).
// MAXWRITE (default 30000) bounds a client's random write; the server's large reply is
// up to 5/3 of it (for hand runs on a small board; tests/fuzz/run.sh uses the default).
// tests/fuzz/run.sh runs it.
'use strict';
var net = require('net');
var seed = +process.argv[2] || 1, N = +process.argv[3] || 200, MAXW = +process.argv[5] || 30000;
function rnd() { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x80000000; }
function big(n, v) { return Buffer.alloc(Math.floor(n), v); }
var server = net.createServer({ allowHalfOpen: rnd() < 0.5 }, function (s) {
  s.on('error', function () {});
  var full = false;
  function write(d, enc) { // pauses until 'drain' when write() says the queue is full
    if (s.write(d, enc) || full) return;
    full = true;
    s.pause();
    s.once('drain', function () { full = false; s.resume(); });
  }
  s.on('data', function (d) {
    var r = rnd();
    if (r < 0.7) write(d);
    else if (r < 0.75) { s.pause(); setTimeout(function () { s.resume(); }, rnd() * 20); }
    else if (r < 0.78) s.end(d);
    else if (r < 0.8) s.destroy();
    else if (r < 0.82) s.setTimeout(1 + rnd() * 10, function () { s.destroy(); });
    else if (r < 0.84) s.setNoDelay(rnd() < 0.5);
    else if (r < 0.86) s.setKeepAlive(rnd() < 0.5, rnd() * 1000);
    else if (r < 0.88) s.resetAndDestroy();
    else if (r < 0.9) { var n = rnd() * MAXW * 5 / 3; if (!full) write(big(n, 1)); }
    else if (r < 0.92) { s.cork(); write(d); process.nextTick(function () { s.uncork(); }); }
    else if (r < 0.93) s.connect(server.address().port, '127.0.0.1'); // wrong state: EISCONN
    else write(d.toString('latin1'), 'latin1');
  });
  s.on('end', function () { setTimeout(function () { s.end(); }, rnd() * 10); });
});
// Out of connections (a board's pcb pool) the server's accept fails with a coded
// error and keeps listening; the client's SYN is retried. Any other server error is a bug.
server.on('error', function (e) { if (e.syscall !== 'accept') throw e; });
var active = 0, started = 0, finished = 0, stalled = 0;
function one(port) {
  started++; active++;
  var s = net.connect(port, '127.0.0.1');
  var done = false;
  var guard = setTimeout(function () { stalled++; s.destroy(); }, 15000);
  function fin() { if (!done) { done = true; clearTimeout(guard); active--; finished++; next(port); } }
  s.on('error', fin); s.on('close', fin);
  var deaf = rnd() < 0.05; // stops reading for good; its last step destroys
  var full = false; // the last write() returned false and 'drain' has not come yet
  s.on('drain', function () { full = false; });
  s.on('data', function () {
    if (deaf) s.pause();
    else if (rnd() < 0.05) { s.pause(); setTimeout(function () { s.resume(); }, rnd() * 30); }
  });
  s.on('connect', function () {
    var steps = Math.floor(rnd() * 6);
    (function step() {
      if (s.destroyed) return;
      var r = rnd();
      if (steps-- <= 0 || r < 0.1) {
        if (rnd() < 0.3) s.resetAndDestroy(); else if (rnd() < 0.5 && !deaf) s.end(); else s.destroy();
        return;
      }
      if (r < 0.7) {
        var n = rnd() * MAXW, v = Math.floor(rnd() * 256); // drawn either way: same sequence
        if (!full && !s.write(big(n, v))) full = true;
      }
      else if (r < 0.8 && !deaf) s.end(Buffer.from('bye'));
      else if (r < 0.9) s.write(Buffer.from([0xff, 0x00, 0xc3]));
      else if (r < 0.93) s.connect(port, '127.0.0.1'); // connect() on a live socket
      setTimeout(step, rnd() * 15);
    })();
  });
}
function next(port) {
  if (finished >= N) {
    server.close();
    if (stalled) { console.log('stalled ' + stalled + ' of ' + finished); process.exitCode = 1; }
    else console.log('done ' + finished);
    return;
  }
  while (active < (+process.argv[4] || 20) && started < N) one(port);
}
server.listen(0, '127.0.0.1', function () { next(server.address().port); });
