// net-api.md Socket event examples: 'connect' with 40 sockets, 'data', 'drain' with the
// 200-write loop, 'end' answering with end(), 'error' on a bad socket, 'lookup', and
// 'timeout' (the spec's unreachable 192.0.2.1 is replaced by a silent loopback server:
// tests send traffic to this machine only).
var assert = require('assert');
var net = require('net');
var CONNECTIONS = process.platform === 'none' ? 5 : 40;
var checks = {};

// -- Event: 'drain' server --
var limit = 200;
var server = net.createServer();
server.listen({ port: 0 });
server.on('connection', function(socket) {
  var i = 0;
  var writing = function() {
    var ok;
    do {
      ok = socket.write("" + (i % 10));
      if (++i == limit) {
        socket.end();
        ok = false;
      }
    } while (ok);
  };
  socket.on('drain', writing);
  writing();
});

server.on('listening', function () {
  var port = server.address().port;
  // -- Event: 'connect' with count = 40 (5 on a microcontroller board: mps2-an385 has
  // 16 lwIP pcbs; 5 loopback connections take 10, both ends, and the 'lookup',
  // 'timeout' and 'error' parts below may run at the same time and take up to 5) --
  var count = CONNECTIONS, connected = 0, ended = 0;
  for (var i = 0; i < count; ++i) {
    (function(i) {
      var socket = new net.Socket();
      socket.connect(port, "localhost");
      socket.on('connect', function() {
        connected++;
        socket.end(i.toString());
      });
      // -- Event: 'data' --
      var msg = "";
      socket.on('data', function(data) {
        msg += data;
      });
      // -- Event: 'end' --
      socket.on('end', function() {
        socket.end();
        assert.strictEqual(msg.length, limit);
        assert.strictEqual(msg.slice(0, 12), '012345678901');
        if (++ended === count) { checks.connect = connected; server.close(); }
      });
    })(i);
  }
});

// -- Event: 'error' --
var bad_sock = new net.Socket();
bad_sock.on('error', function(err){
  assert.equal(err instanceof Error, true);
  checks.error = err.code;
});
bad_sock.connect(1, '127.0.0.1'); // nothing listens on port 1 here

// -- Event: 'lookup' --
var socket = new net.Socket();
var lookupHandled = false;
socket.on('lookup', function(err, ip, family) {
  lookupHandled = true;
  checks.lookup = [err, ip, family];
});
var ls = net.createServer().listen(0, '127.0.0.1', function () {
  socket.connect({ port: ls.address().port, host: 'localhost', family: 4 }, function () {
    socket.destroy();
    ls.close();
  });
});

// -- Event: 'timeout' --
var silent = net.createServer(function (s) { s.on('error', function () {}); });
silent.listen(0, '127.0.0.1', function () {
  var timedout = false;
  var tsocket = net.createConnection(silent.address().port, '127.0.0.1');
  tsocket.setTimeout(100);
  tsocket.on('timeout', function() {
    timedout = true;
    checks.timeout = timedout;
    tsocket.destroy();
    silent.close();
  });
});

process.on('exit', function () {
  assert.strictEqual(checks.connect, CONNECTIONS);
  assert.strictEqual(checks.error, 'ECONNREFUSED');
  assert.ok(lookupHandled);
  assert.deepStrictEqual(checks.lookup, [null, '127.0.0.1', 4]);
  assert.strictEqual(checks.timeout, true);
});
