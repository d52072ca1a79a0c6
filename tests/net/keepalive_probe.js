// Helper for keepalive.sh: one loopback connection whose client side enables
// keep-alive with a 7 s idle time; prints the client's local port, then holds the
// connection until stdin's shell kills it (at most 5 s).
var net = require('net');
var server = net.createServer(function (s) { s.resume(); });
server.listen(0, '127.0.0.1', function () {
  var c = net.connect(server.address().port, '127.0.0.1', function () {
    console.log('port ' + c.localPort);
    setTimeout(function () { c.destroy(); server.close(); }, 5000);
  });
  c.setKeepAlive(true, 7000);
  var d = net.connect(server.address().port, '127.0.0.1', function () {
    d.setKeepAlive(true, 7000);
    d.setKeepAlive(false);
    console.log('off ' + d.localPort);
    setTimeout(function () { d.destroy(); }, 5000);
  });
});
