// The peer resets while this side is paused: the next write (a Buffer, the fast path) fails
// with ECONNRESET, reported once, as node does (not EPIPE from a second send of the chunk).
var net = require('net');
var c;
var server = net.createServer(function (s) {
  if (server.probing) return;
  s.once('data', function () {
    s.resetAndDestroy();
  });
  s.on('close', function () {
    console.log('server side reset');
    server.probing = true;
    // A round trip through the server lets the RST reach the client first.
    var probe = net.connect(server.address().port, '127.0.0.1', function () {
      probe.destroy();
      server.close();
      console.log('write returns ' + c.write(Buffer.from('after reset'), function (e) { console.log('write cb ' + (e && e.code)); }));
    });
    probe.on('error', function () {});
  });
});
server.listen(0, '127.0.0.1', function () {
  c = net.connect(server.address().port, '127.0.0.1', function () {
    c.pause();
    c.write('x');
  });
  c.on('error', function (e) { console.log('error ' + e.code + ' ' + e.syscall); });
  c.on('close', function (h) { console.log('close ' + h); });
});
