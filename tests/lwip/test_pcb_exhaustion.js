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
  s.on('close', function () { s.closed = true; wake(); });
  s.on('data', function (d) { s.write(d); });
  wake();
});
server.on('error', function (e) { acceptErrors.push(e); wake(); });

function connect(cb) {
  var c = net.connect(server.address().port, '127.0.0.1');
  clients.push(c);
  c.on('close', function () { c.closed = true; wake(); });
  c.once('connect', function () { cb(null, c); });
  c.once('error', function (e) { cb(e, c); });
  return c;
}

// Waits for an event, not for time: the handlers above call wake() after each
// connection, accept error, connect and close. A hang ends at the runner's time
// limit; the last "waiting for" line says for what.
var waiters = [];
function waitFor(cond, what, cb) {
  if (cond()) return cb();
  console.log('waiting for ' + what);
  waiters.push({ cond: cond, cb: cb });
}
function wake() {
  for (var i = 0; i < waiters.length; i++) {
    var w = waiters[i];
    if (w.cond()) {
      waiters.splice(i, 1);
      w.cb();
      i = -1; // the callback may have added or satisfied others
    }
  }
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
      waitFor(function () { return serverConns.length === opened; }, 'accept', function () {
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
    wake();
  });
  waitFor(function () { return acceptErrors.length > 0; }, 'accept error', function () {
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
  waitFor(function () { return pending.connectedAt; }, 'the waiting client', function () {
    waitFor(function () { return serverConns.length === 4; }, 'its accept', function () {
      echo(pending, 'still here', phase4);
    });
  });
}

// Once every socket says 'close', lwIP may still be finishing the closes over the
// loopback (FIN and ACK, then TIME_WAIT, whose pcbs a new one may take): a connect
// that finds no pcb yet tries again on the next turns of the loop (not after a time).
var retries = 0;
function connectAgain(tries, cb) {
  connect(function (err, c) {
    if (err && err.code === 'EMFILE' && tries < 1000) {
      retries++;
      clients.splice(clients.indexOf(c), 1);
      return setImmediate(function () { connectAgain(tries + 1, cb); });
    }
    cb(err, c);
  });
}

function phase4() {
  // free everything: full capacity again, three fresh connections echo
  clients.forEach(function (c) { c.destroy(); });
  serverConns.forEach(function (s) { s.destroy(); });
  var errorsBefore = acceptErrors.length, done = 0;
  waitFor(function () {
    return clients.every(function (c) { return c.closed; }) && serverConns.every(function (s) { return s.closed; });
  }, 'every socket closed', function () {
    for (var i = 0; i < 3; i++) {
      connectAgain(0, function (err, c) {
        assert.ifError(err);
        echo(c, 'again', function () {
          c.destroy();
          if (++done === 3) {
            assert.strictEqual(acceptErrors.length, errorsBefore, 'no accept errors after recovery');
            server.close();
            console.log('ok: ' + acceptErrors.length + ' accept errors while exhausted; ' + retries +
                        ' connects retried while lwIP finished closing');
          }
        });
      });
    }
  });
}
