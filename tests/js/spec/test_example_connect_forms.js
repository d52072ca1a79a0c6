// The four connect examples of net-api.md (net.connect / net.createConnection, options
// and port+host forms) run as written against an echo server on a free port.
var assert = require('assert');
var net = require('net');
var results = [];
var server = net.createServer(function (s) { s.pipe(s); });
server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  var pending = 4;
  function finished(msg) {
    results.push(msg);
    if (--pending === 0) server.close();
  }

  // -- net.connect(options[, connectListener]) --
  (function () {
    var echo_msg = '';
    var socket = net.connect({port: port, family: 4}, function() {
      socket.end('Hello IoT.js');
    });
    socket.on('data', function(data) { echo_msg += data; });
    socket.on('end', function() { finished('connect(options): ' + echo_msg); });
  })();

  // -- net.connect(port[, host][, connectListener]) --
  (function () {
    var host = '127.0.0.1';
    var echo_msg = '';
    var socket = net.connect(port, host, function() {
      socket.end('Hello IoT.js');
    });
    socket.on('data', function(data) { echo_msg += data; });
    socket.on('end', function() { finished('connect(port, host): ' + echo_msg); });
  })();

  // -- net.createConnection(options[, connectListener]) --
  (function () {
    var echo_msg = '';
    var socket = net.createConnection({port: port, family: 4}, function() {
      socket.end('Hello IoT.js');
    });
    socket.on('data', function(data) { echo_msg += data; });
    socket.on('end', function() { finished('createConnection(options): ' + echo_msg); });
  })();

  // -- net.createConnection(port[, host][, connectListener]) --
  (function () {
    var host = '127.0.0.1';
    var echo_msg = '';
    var socket = net.createConnection(port, host, function() {
      socket.end('Hello IoT.js');
    });
    socket.on('data', function(data) { echo_msg += data; });
    socket.on('end', function() { finished('createConnection(port, host): ' + echo_msg); });
  })();
});
process.on('exit', function () {
  assert.deepStrictEqual(results.sort(), [
    'connect(options): Hello IoT.js',
    'connect(port, host): Hello IoT.js',
    'createConnection(options): Hello IoT.js',
    'createConnection(port, host): Hello IoT.js'
  ]);
});
