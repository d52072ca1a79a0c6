// net-api.md Socket examples: new net.Socket(), socket.connect in both forms, end,
// destroy, pause + resume after a delay, setKeepAlive before connecting, setTimeout.
var assert = require('assert');
var net = require('net');
var timers = require('timers');
var log = [];

// -- socket.resume() example (server pauses each connection, resumes later) --
var server = net.createServer();
var msg = "";
server.listen(0);
server.on('connection', function(socket) {
  socket.on('data', function(data) {
    msg += data;
    socket.end();
  });
  socket.on('close', function() {
    if (++closed === 2) server.close();
  });
  // as soon as connection established, pause the socket
  socket.pause();
  // resume after 2 secs (shortened to 0.2 s to keep the suite fast)
  timers.setTimeout(function() {
    socket.resume();
  }, 200);
});
var closed = 0;

server.on('listening', function () {
  var port = server.address().port;
  // -- socket.connect(options[, connectListener]) --
  var socket = new net.Socket();
  socket.connect({port: port, family: 4}, function() {
    socket.end('Hello IoT.js');
  });
  socket.on('close', function () { log.push('options form closed'); });

  // -- socket.connect(port[, host][, connectListener]) --
  var socket2 = new net.Socket();
  socket2.connect(port, '127.0.0.1', function() {
    socket2.end('Hello IoT.js');
  });
  socket2.on('close', function () { log.push('port form closed'); });
});

// -- socket.destroy() on a socket that is still connecting --
var socket3 = new net.Socket();
socket3.on('close', function () { log.push('destroyed socket closed'); });
socket3.destroy();

// -- socket.setKeepAlive([enable][, initialDelay]) before connecting --
var keepalive_sock = new net.Socket();
assert.strictEqual(keepalive_sock.setKeepAlive(true, 1000), keepalive_sock);

// -- socket.setTimeout(timeout[, callback]) on a server socket --
var tserver = net.createServer();
var timeout = 100;
tserver.listen(0);
tserver.on('connection', function(socket) {
  socket.setTimeout(timeout, function() {
    log.push('server socket timed out');
    socket.end();
  });
});
tserver.on('listening', function () {
  var c = net.connect(tserver.address().port, '127.0.0.1');
  c.resume();
  c.on('end', function () { log.push('idle client ended by server'); tserver.close(); });
});

process.on('exit', function () {
  assert.strictEqual(msg, 'Hello IoT.jsHello IoT.js');
  ['options form closed', 'port form closed', 'destroyed socket closed',
   'server socket timed out', 'idle client ended by server'].forEach(function (l) {
    assert.ok(log.indexOf(l) >= 0, 'missing: ' + l + ' in ' + JSON.stringify(log));
  });
});
