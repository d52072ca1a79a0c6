// net-api.md write example: write 'Hello IoT.js' some time after 'connect' (1 s in the
// spec, 100 ms here); the write callback runs after the data is flushed.
var assert = require('assert');
var net = require('net');
var timers = require('timers');
var got = '', cbRan = false;
var server = net.createServer(function (s) {
  s.on('data', function (d) { got += d; s.end(); });
});
server.listen(0, '127.0.0.1', function () {
  var writeat = 100;
  var socket = new net.Socket();
  socket.connect(server.address().port, '127.0.0.1');
  socket.on('connect', function() {
    timers.setTimeout(function() {
      socket.write('Hello IoT.js', function () { cbRan = true; });
    }, writeat);
  });
  socket.on('end', function () { socket.end(); server.close(); });
});
process.on('exit', function () {
  assert.strictEqual(got, 'Hello IoT.js');
  assert.ok(cbRan);
});
