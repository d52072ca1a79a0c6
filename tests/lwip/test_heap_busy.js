// (Used to run lwIP's heap dry; the per-connection bound of docs/net.md now keeps
// it from filling. The transfer must still complete intact.)
// Three connections (all the pcbs linux-lwip-tiny has), both ends reading and
// writing 1 MiB at once: the send queues and the loopback's copies compete for
// lwIP's 48 KiB heap. Expected: allocations fail along the way (the runner
// checks lwIP's heap error count) but TCP retries them: every byte arrives,
// in order, no error, no hang.
var net = require('net');
var assert = require('assert');

var N = 1024 * 1024, PAIRS = 3;
function byteAt(seed, i) { return (i * 7 + (i >> 11) + seed) & 0xff; }

var ends = [], errors = [];
function setup(sock) {
  var e = { sock: sock, got: 0, bad: -1, seed: sock.remotePort & 0xff };
  ends.push(e);
  sock.on('error', function (err) { errors.push(err); });
  sock.on('data', function (d) {
    for (var i = 0; i < d.length; i++) {
      if (e.bad < 0 && d[i] !== byteAt(e.seed, e.got + i)) e.bad = e.got + i;
    }
    e.got += d.length;
  });
  sock.on('end', function () { e.ended = true; check(); });
  var seed = sock.localPort & 0xff, off = 0;
  (function write() {
    while (off < N) {
      var chunk = Buffer.alloc(Math.min(8192, N - off));
      for (var i = 0; i < chunk.length; i++) chunk[i] = byteAt(seed, off + i);
      off += chunk.length;
      if (!sock.write(chunk)) { sock.once('drain', write); return; }
    }
    sock.end(function () { e.finished = true; check(); });
  })();
}

var server = net.createServer({ allowHalfOpen: true }, setup);
server.on('error', function (err) { errors.push(err); });
server.listen(0, '127.0.0.1', function () {
  for (var i = 0; i < PAIRS; i++) {
    var c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
    c.on('connect', function () { setup(this); });
    c.on('error', function (err) { errors.push(err); });
  }
});

// A hang: no byte arrived anywhere for 20 s (checked every 5 s). Not a deadline for the
// whole transfer, which a loaded machine only makes slower; the runner's limit is the last resort.
function state() { return ends.map(function (e) { return e.got + (e.ended ? 'E' : '') + (e.finished ? 'F' : ''); }).join(' '); }
var lastState = '', idleChecks = 0;
var timer = setInterval(function () {
  var now = ends.length + ':' + state();
  if (now !== lastState) { lastState = now; idleChecks = 0; return; }
  if (++idleChecks === 4) throw new Error('hung: ' + state());
}, 5000);

function check() {
  if (ends.length < 2 * PAIRS) return;
  if (!ends.every(function (e) { return e.ended && e.finished; })) return;
  clearInterval(timer);
  assert.deepStrictEqual(errors, []);
  ends.forEach(function (e) {
    assert.strictEqual(e.got, N);
    assert.strictEqual(e.bad, -1, 'first wrong byte at ' + e.bad);
  });
  server.close();
  console.log('ok: ' + (2 * PAIRS) + ' x 1 MiB through a 48 KiB heap');
}
