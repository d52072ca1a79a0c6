// exhausts: TCP_PCB
// Runs lwIP's pcb pool dry (linux-lwip-tiny: 7 pcbs; each loopback connection
// takes two). Expected, as docs/net.md describes:
//  - a client whose connect finds no pcb: 'error' EMFILE (syscall connect);
//  - a SYN the server finds no pcb for: the server emits 'error' EMFILE
//    (syscall accept) and keeps listening; the client keeps retrying its SYN;
//  - listen() with no pcb left: 'error' EMFILE (syscall listen);
//  - once connections close, the waiting client gets through and new
//    connections work again.
var net = require('net');
var assert = require('assert');

var serverConns = [], clients = [], acceptErrors = [];
var server = net.createServer(function (s) {
  serverConns.push(s);
  s.on('error', function () {});
  s.on('data', function (d) { s.write(d); });
});
server.on('error', function (e) { acceptErrors.push(e); });

function connect(cb) {
  var c = net.connect(server.address().port, '127.0.0.1');
  clients.push(c);
  c.once('connect', function () { cb(null, c); });
  c.once('error', function (e) { cb(e, c); });
  return c;
}

function waitFor(cond, ms, what, cb) {
  var t0 = Date.now();
  (function poll() {
    if (cond()) return cb();
    if (Date.now() - t0 > ms) throw new Error('timed out waiting for ' + what);
    setTimeout(poll, 20);
  })();
}

function echo(c, text, cb) {
  var got = '';
  c.setEncoding('utf8');
  c.on('data', function (d) {
    got += d;
    if (got.length >= text.length) { c.removeAllListeners('data'); assert.strictEqual(got, text); cb(); }
  });
  c.write(text);
}

server.listen(0, '127.0.0.1', function () {
  var opened = 0;
  (function next() {
    connect(function (err) {
      assert.ifError(err);
      opened++;
      waitFor(function () { return serverConns.length === opened; }, 2000, 'accept', function () {
        if (opened < 3) return next();
        phase2();
      });
    });
  })();
});

var pending;
function phase2() {
  // the fourth client gets the last pcb; its SYN finds none on the server side
  pending = connect(function (err) {
    assert.ifError(err);
    pending.connectedAt = Date.now();
  });
  waitFor(function () { return acceptErrors.length > 0; }, 3000, 'accept error', function () {
    var e = acceptErrors[0];
    assert.strictEqual(e.code, 'EMFILE');
    assert.strictEqual(e.syscall, 'accept');
    assert.strictEqual(server.listening, true);
    assert.strictEqual(pending.connecting, true, 'the client is still trying');
    // no pcb at all now: a new client fails at once
    connect(function (err, c) {
      assert.ok(err, 'connect must fail');
      assert.strictEqual(err.code, 'EMFILE');
      assert.strictEqual(err.syscall, 'connect');
      assert.strictEqual(c.destroyed, true);
      // and so does a new listener
      var s2 = net.createServer();
      s2.on('error', function (e2) {
        assert.strictEqual(e2.code, 'EMFILE');
        assert.strictEqual(e2.syscall, 'listen');
        phase3();
      });
      s2.on('listening', function () { throw new Error('listen must fail without a pcb'); });
      s2.listen(0, '127.0.0.1');
    });
  });
}

function phase3() {
  // free one connection: the waiting client's SYN retry gets through
  clients[0].destroy();
  serverConns[0].destroy();
  waitFor(function () { return pending.connectedAt; }, 8000, 'the waiting client', function () {
    waitFor(function () { return serverConns.length === 4; }, 2000, 'its accept', function () {
      echo(pending, 'still here', phase4);
    });
  });
}

function phase4() {
  // free everything: full capacity again, three fresh connections echo
  clients.forEach(function (c) { c.destroy(); });
  serverConns.forEach(function (s) { s.destroy(); });
  var errorsBefore = acceptErrors.length, done = 0;
  setTimeout(function () {
    for (var i = 0; i < 3; i++) {
      connect(function (err, c) {
        assert.ifError(err);
        echo(c, 'again', function () {
          c.destroy();
          if (++done === 3) {
            assert.strictEqual(acceptErrors.length, errorsBefore, 'no accept errors after recovery');
            server.close();
            console.log('ok: ' + acceptErrors.length + ' accept errors while exhausted');
          }
        });
      });
    }
  }, 50);
}
