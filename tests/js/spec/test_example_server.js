// net-api.md server examples: createServer({allowHalfOpen: true}) that replies after the
// client's FIN and closes itself; listen(options); 'listening', 'connection', 'close'.
var assert = require('assert');
var net = require('net');
var log = [];

// -- net.createServer([options][, connectionListener]) --
var server = net.createServer(
  {
    allowHalfOpen: true
  },
  function(socket) {
    server.close();
  }
);
server.listen(0);   // the example's fixed port, made free
server.on('connection', function(socket) {
  var msg = '';
  socket.on('data', function(data) {
    msg += data;
  });
  socket.on('end', function() {
    socket.end(msg);
  });
});

// -- Event: 'listening' --
server.on('listening', function() {
  log.push('started listening');
  var c = net.connect(server.address().port, '127.0.0.1', function () { c.end('half-open echo'); });
  var reply = '';
  c.on('data', function (d) { reply += d; });
  c.on('end', function () { log.push('reply ' + reply); });
});

// -- Event: 'close' (server) --
var serverCloseEvent = 0;
server.on('connection', function(socket) {
  server.on('close', function() {
    serverCloseEvent++;
  });
});

// -- server.listen(options[, listenListener]) with host 'localhost' --
var server2 = net.createServer();
server2.listen({port: 0, host: 'localhost'});
server2.on('listening', function () {
  log.push('listen(options) on ' + server2.address().address);
  server2.close();
});

process.on('exit', function () {
  assert.strictEqual(serverCloseEvent, 1);
  assert.ok(log.indexOf('started listening') >= 0);
  assert.ok(log.indexOf('reply half-open echo') >= 0);
  assert.ok(/^listen\(options\) on (127\.0\.0\.1|::1)$/.test(log.filter(function (l) { return /^listen\(/.test(l); })[0]));
});
