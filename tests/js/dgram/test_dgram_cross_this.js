// A net.Socket method called on a dgram socket, and a dgram method on a net.Socket:
// each module's C record is found only on its own objects (runtime/pins.c's kinds),
// so the call throws or does nothing, never reads the other's record (the API fuzz
// found net.Socket.prototype.ref reading a bound dgram socket's record as a TCP one).
var assert = require('assert');
var net = require('net');
var dgram = require('dgram');

var u = dgram.createSocket('udp4');
var calls = 0, threw = 0;
function attempt(fn, self, args) {
  calls++;
  try { fn.apply(self, args || []); } catch (e) { threw++; assert.ok(e instanceof Error); }
}

u.bind(0, '127.0.0.1', function () {
  var server = net.createServer(function (c) { c.end(); });
  server.listen(0, '127.0.0.1', function () {
    var tcp = net.connect(server.address().port, '127.0.0.1', function () {
      ['ref', 'unref', 'address', 'setNoDelay', 'setKeepAlive', 'pause', 'resume'].forEach(function (m) {
        attempt(net.Socket.prototype[m], u, [true]);
      });
      ['ref', 'unref', 'address', 'setBroadcast', 'setTTL', 'getRecvBufferSize', 'remoteAddress'].forEach(function (m) {
        attempt(dgram.Socket.prototype[m], tcp, [true]);
      });
      // both still work as themselves
      assert.strictEqual(u.address().address, '127.0.0.1');
      assert.strictEqual(tcp.remoteAddress, '127.0.0.1');
      tcp.destroy();
      server.close();
      u.close();
    });
  });
});

process.on('exit', function () {
  assert.strictEqual(calls, 14);
  console.log('cross-this calls: ' + calls + ', threw ' + (threw > 0 ? 'some' : 'none'));
});
