// boards: linux-lwip linux-lwip-tiny mps2-an385 mps2-an385-tls
// Request/response traffic is not held up by a delayed ACK (issue #23, item 4).
// Both ends are in this process (lwIP's loopback), Nagle on (node's default).
// lwIP delays an ACK until its 250 ms timer; the sender's Nagle then holds its
// next small segment for that ACK. An echo of a message just over the receive
// window (64,241 B on linux-lwip, 5,841 B on the tiny board), or small writes
// one after the other to a reader that never answers, stalled for 250-500 ms.
//
// No clock is read: the test counts event-loop turns (setImmediate) in which
// neither end received anything. On the loopback every turn moves data while
// nothing waits for a timer, so a run of idle turns means a stall; lwIP's timer
// only fires after thousands of them (hundreds on the emulated board).
var net = require('net');
var assert = require('assert');

var MAX_IDLE = 40; // consecutive turns without a 'data' event on either end
var sizes = [1, 1024, 1460, 2921, 5840, 5841, 8000, 61440, 64240, 64241, 65536, 70000, 102400];
var REPEAT = 3, SMALL_WRITES = 30;

var idle = 0, worst = 0, worstAt = '', phase = 'start', done = false;
function spin() {
  if (done) return;
  idle++;
  if (idle > worst) { worst = idle; worstAt = phase; }
  setImmediate(spin);
}
function progress() { idle = 0; }

var onSink = null; // the one-way phase: what the sink's reader got
var server = net.createServer(function (s) {
  s.on('data', function (d) { progress(); s.write(d); });
  s.on('error', function (e) { throw e; });
});
var sinkServer = net.createServer(function (s) {
  s.on('data', function (d) { progress(); onSink(d); });
  s.on('error', function (e) { throw e; });
});
sinkServer.listen(0, '127.0.0.1');
server.listen(0, '127.0.0.1', function () {
  var c = net.connect(server.address().port, '127.0.0.1');
  var si = 0, rep = 0, want = 0, got = 0;
  c.on('error', function (e) { throw e; });
  c.on('connect', function () { spin(); next(); });
  c.on('data', function (d) {
    progress();
    got += d.length;
    if (got < want) return;
    assert.strictEqual(got, want);
    if (++rep >= REPEAT) { rep = 0; si++; }
    next();
  });
  function next() {
    if (si >= sizes.length) { small(); return; }
    phase = 'echo of ' + sizes[si] + ' B';
    got = 0;
    want = sizes[si];
    idle = 0;
    c.write(Buffer.alloc(want, 0x61 + rep));
  }
  // One way: small writes to a reader that never answers, each written once
  // the reader has the one before (the ACK is the only thing coming back).
  var n = 0, sink;
  function small() {
    sink = net.connect(sinkServer.address().port, '127.0.0.1');
    sink.on('error', function (e) { throw e; });
    onSink = function (d) {
      assert.strictEqual(d.toString(), 'x'.repeat(10));
      if (n++ >= SMALL_WRITES) return finish();
      phase = 'one-way small write ' + n;
      idle = 0;
      sink.write('xxxxxxxxxx');
    };
    sink.once('connect', function () { idle = 0; sink.write('xxxxxxxxxx'); });
  }
  function finish() {
    done = true;
    console.log('most idle turns in a row: ' + worst + ' (' + worstAt + ')');
    assert(worst <= MAX_IDLE, 'stalled for ' + worst + ' idle loop turns during the ' + worstAt);
    c.end();
    sink.end();
    server.close();
    sinkServer.close();
  }
});
