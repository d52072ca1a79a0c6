// boards: linux-lwip linux-lwip-tiny mps2-an385 mps2-an385-tls
// Peers that never read must not starve the other connections (issue #23, item 3).
// N clients connect and never read (paused from the start) while the server
// writes to each as fast as backpressure lets it, and they write to the server,
// which does not read them either; then one well-behaved client
// makes ROUNDS echo round trips of 1000+ bytes on the same server. Both ends are
// in this process (lwIP's loopback), so the slow readers' unread data, the
// server's unsent data and the loopback's copies all live in lwIP's heap.
// Before the fix (linux-lwip, 100 slow readers) the heap filled and the
// interactive client got 0 of 200 round trips in 60 s, with no error anywhere.
// Expected: every round trip completes; the server's writes to the slow readers
// see backpressure (write() false, 'drain' later, or an ENOMEM/ENOBUFS error
// when memory is truly gone); then every slow end resumes reading and what it
// gets is intact.
// Usage: test_slow_readers.js [N]  (default: the most the board's pcbs allow)
var net = require('net');
var assert = require('assert');

// mps2-an385 (and its TLS variant): 16 pcbs hold 7 loopback connections besides the interactive one.
var defaults = { 'linux-lwip': 100, 'linux-lwip-tiny': 2, 'mps2-an385': 7, 'mps2-an385-tls': 7 };
var N = +process.argv[2] || defaults[process.board] || 20;
var ROUNDS = 200, CHUNK = 1024;
var board = process.platform === 'none';

var slow = [], backpressured = 0, memErrors = 0, stage = 'connecting';
var moves = 0; // events so far: the hang check below looks for none in a while
var interactivePort = 0;

function pattern(i) { return (i * 31 + 7) & 0xff; }
// pattern(i) repeats every 256 bytes: PATTERN[k] = pattern(k) for k < 256 + CHUNK, so
// that any CHUNK bytes of the stream are a slice of it (compared natively: byte-by-byte
// JS is slow on the emulated board).
var PATTERN = Buffer.alloc(256 + CHUNK);
for (var k = 0; k < PATTERN.length; k++) PATTERN[k] = pattern(k);
function firstWrong(d, offset) {
  for (var j = 0; j < d.length; j += CHUNK) {
    var n = Math.min(CHUNK, d.length - j), o = (offset + j) & 0xff;
    if (!d.slice(j, j + n).equals(PATTERN.slice(o, o + n))) {
      for (var i = j; i < j + n; i++) if (d[i] !== pattern(offset + i)) return offset + i;
    }
  }
  return -1;
}

// Both ends of each slow connection write as fast as backpressure lets them
// and never read, until the interactive client is done.
var writing = true;
function slowEnd(s) {
  var rec = { sock: s, got: 0, bad: -1, err: null, sent: 0 };
  slow.push(rec);
  s.pause();
  s.on('error', function (e) {
    moves++;
    rec.err = e;
    if (e.code === 'ENOMEM' || e.code === 'ENOBUFS') { memErrors++; check(); }
  });
  var waited = false;
  function pump() {
    while (writing && !rec.err) {
      var o = rec.sent & 0xff, b = Buffer.from(PATTERN.slice(o, o + CHUNK));
      rec.sent += CHUNK;
      moves++;
      if (!s.write(b)) {
        if (!waited) { waited = true; backpressured++; check(); }
        s.once('drain', pump);
        return;
      }
    }
    if (!rec.err) s.end();
  }
  rec.pump = pump;
  return rec;
}

var sinkServer = net.createServer(board ? { highWaterMark: 2048 } : {}, function (s) { slowEnd(s).pump(); });

var echoServer = net.createServer(function (s) {
  s.on('data', function (d) { s.write(d); });
  s.on('error', function (e) { throw e; });
});

function connectSlow(i) {
  if (i === N) { stage = 'waiting for backpressure'; return check(); }
  var c = net.connect(sinkServer.address().port, '127.0.0.1');
  var rec = slowEnd(c);
  c.on('connect', function () { moves++; rec.pump(); connectSlow(i + 1); });
}

// Every slow writer saw backpressure (or a memory error): then the interactive client.
function check() {
  if (stage !== 'waiting for backpressure') return;
  if (backpressured + memErrors < 2 * N) return;
  stage = 'interactive';
  interactive();
}

var COUNTING = Buffer.alloc(256 + 2000);
for (var k = 0; k < COUNTING.length; k++) COUNTING[k] = k & 0xff;

function interactive() {
  var c = net.connect(interactivePort, '127.0.0.1');
  var round = 0, want, got, sent;
  c.on('error', function (e) { throw new Error('interactive client: ' + e.code + ' after ' + round + ' round trips'); });
  c.on('connect', send);
  c.on('data', function (d) {
    if (!d.equals(sent.slice(got, got + d.length))) assert.fail('round ' + round + ': the echo differs at ' + got);
    got += d.length;
    moves++;
    if (got < want) return;
    if (++round === ROUNDS) { c.end(); return drainSlow(); }
    send();
  });
  function send() {
    want = 1000 + (round * 37) % 1000;
    got = 0;
    sent = COUNTING.slice(round & 0xff, (round & 0xff) + want); // bytes (round + i) & 0xff
    c.write(sent);
  }
}

// The slow ends finally read: what the other end wrote arrives intact, then both end.
function drainSlow() {
  stage = 'draining';
  writing = false;
  var left = slow.length;
  slow.forEach(function (r) {
    var c = r.sock;
    function done() { if (--left === 0) finish(); }
    if (r.err) {
      assert(/^(ECONNRESET|ENOMEM|ENOBUFS|EPIPE)$/.test(r.err.code), 'slow end: ' + r.err.code);
      return done();
    }
    c.on('data', function (d) {
      if (r.bad < 0) r.bad = firstWrong(d, r.got);
      r.got += d.length;
      moves++;
    });
    c.on('close', done);
    c.resume();
  });
}

function finish() {
  stage = 'done';
  clearInterval(timer);
  slow.forEach(function (r, i) { assert.strictEqual(r.bad, -1, 'slow reader ' + i + ' got a wrong byte at ' + r.bad); });
  sinkServer.close();
  echoServer.close();
  console.log(N + ' slow connections, ' + ROUNDS + ' round trips; ' + backpressured + ' writers saw backpressure, ' +
              memErrors + ' memory errors');
}

// A hang: no event at all for 20 s (60 s on an emulated board), checked every 5 s. Not a
// deadline for the whole run, which a loaded machine only makes slower; the runner's time
// limit is the last resort.
var lastMoves = -1, idleChecks = 0;
var timer = setInterval(function () {
  if (moves !== lastMoves) { lastMoves = moves; idleChecks = 0; return; }
  if (++idleChecks === (board ? 12 : 4)) {
    throw new Error('stuck at stage: ' + stage + ' (' + backpressured + ' backpressured, ' + memErrors + ' errors)');
  }
}, 5000);

echoServer.listen(0, '127.0.0.1', function () {
  interactivePort = echoServer.address().port;
  sinkServer.listen(0, '127.0.0.1', function () { connectSlow(0); });
});
