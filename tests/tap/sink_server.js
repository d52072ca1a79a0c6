// Helper for tests/tap/run.sh: accepts one connection, counts the bytes it
// receives until the peer ends, prints "got N bytes in T ms".
var net = require('net');
var server = net.createServer(function (s) {
  var n = 0, t0 = Date.now();
  s.on('data', function (d) { n += d.length; });
  s.on('end', function () { console.log('got ' + n + ' bytes in ' + (Date.now() - t0) + ' ms'); s.end(); server.close(); });
});
server.listen(0, process.argv[2] || '0.0.0.0', function () { console.log('port ' + server.address().port); });
