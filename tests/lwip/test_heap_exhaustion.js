// Used to fill lwIP's heap (linux-lwip-tiny: 48 KiB) with data nobody reads (the
// runner checked that allocations failed). Since each connection is bounded once the
// heap is a quarter full (docs/net.md, "What one connection may hold") the heap no
// longer runs dry here; the same behaviour is still required. Two
// connections, every socket paused, each end writing 256 KiB. Expected: the
// writers meet backpressure (write() returns false), nothing errors, nothing
// hangs; a connection attempted while the heap is full either works or fails
// with a coded error; once everybody reads again every byte arrives intact and
// in order, and the stack works as before (a new connection echoes).
var net = require('net');
var assert = require('assert');

var N = 256 * 1024, PAIRS = 2;
function pattern(seed) {
  var b = Buffer.alloc(N);
  for (var i = 0; i < N; i++) b[i] = (i * 31 + (i >> 9) + seed) & 0xff;
  return b;
}

// Each end writes pattern(its local port) and expects pattern(its peer's port).
var ends = [], falseWrites = 0, errors = [];
function setup(sock) {
  if (ends.length === 2 * PAIRS) return; // the extra connection of whileFull

  var e = { sock: sock, expect: pattern(sock.remotePort), got: 0, bad: -1 };
  ends.push(e);
  sock.pause();
  sock.on('error', function (err) { errors.push(err); });
  sock.on('data', function (d) {
    for (var i = 0; i < d.length; i++) {
      if (e.bad < 0 && d[i] !== e.expect[e.got + i]) e.bad = e.got + i;
    }
    e.got += d.length;
    progress();
  });
  sock.on('end', function () { e.ended = true; progress(); });
  var data = pattern(sock.localPort), off = 0;
  (function write() {
    while (off < N) {
      var chunk = data.slice(off, off + 4096);
      off += chunk.length;
      if (!sock.write(chunk)) {
        falseWrites++;
        e.waiting = true;
        sock.once('drain', function () { e.waiting = false; write(); });
        allBlocked();
        return;
      }
    }
    sock.end(function () { e.finished = true; progress(); });
  })();
}

var server = net.createServer({ pauseOnConnect: true, allowHalfOpen: true }, setup);
server.on('error', function (err) { errors.push(err); });
server.listen(0, '127.0.0.1', function () {
  for (var i = 0; i < PAIRS; i++) {
    // half-open: an end that finished reading must still finish writing
    var c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
    c.on('connect', function () { setup(this); allBlocked(); });
    c.on('error', function (err) { errors.push(err); });
  }
});

// The full state is reached when every end waits for 'drain' (nobody reads).
var full = false;
function allBlocked() {
  if (full || ends.length !== 2 * PAIRS) return;
  if (!ends.every(function (e) { return e.waiting; })) return;
  full = true;
  setImmediate(whileFull);
}

var peakWhileFull;
function whileFull() {
  assert.strictEqual(ends.length, 2 * PAIRS);
  assert.deepStrictEqual(errors, []);
  assert.ok(falseWrites >= 2 * PAIRS, 'every writer met backpressure: ' + falseWrites);
  ends.forEach(function (e) { assert.strictEqual(e.got, 0, 'paused: nothing delivered'); });
  peakWhileFull = process.memoryUsage().netStackPeak;
  var extra = net.connect(server.address().port, '127.0.0.1'), settled = false;
  function settle(what) {
    if (settled) return;
    settled = true;
    extra.destroy();
    console.log('a connection while the heap is full: ' + what);
    ends.forEach(function (e) { e.sock.resume(); });
    waitAllDone();
  }
  extra.on('connect', function () { settle('connected'); });
  extra.on('error', function (err) {
    assert.ok(/^(ENOBUFS|ENOMEM|EMFILE)$/.test(err.code), 'a coded error, got ' + err.code);
    settle(err.code);
  });
  extra.setTimeout(3000, function () { settle('still connecting after 3 s'); });
}

// Once everybody reads again: checked on each end's data, 'end' and finished write
// (progress()), not on a timer; a hang ends at the runner's time limit.
var onProgress = null;
function progress() { if (onProgress) onProgress(); }
function waitAllDone() {
  (onProgress = function check() {
    var done = ends.every(function (e) { return e.got === N && e.ended && e.finished; });
    if (!done) return;
    onProgress = null;
    ends.forEach(function (e) { assert.strictEqual(e.bad, -1, 'first wrong byte at ' + e.bad); });
    assert.deepStrictEqual(errors, []);
    // the stack is usable again
    var c = net.connect(server.address().port, '127.0.0.1', function () {
      c.end('bye');
    });
    server.removeAllListeners('connection');
    server.on('connection', function (s) { s.resume(); s.on('data', function (d) { s.end(d); }); });
    var got = '';
    c.setEncoding('utf8');
    c.on('data', function (d) { got += d; });
    c.on('end', function () {
      assert.strictEqual(got, 'bye');
      server.close();
      console.log('ok: ' + falseWrites + ' writes returned false; stack peak ' + peakWhileFull + ' bytes');
    });
  })();
}
