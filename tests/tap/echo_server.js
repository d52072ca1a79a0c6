// Helper for tests/tap/run.sh: an echo server (pipe) on argv[2] (host, default
// '::', dual stack), port 0; prints "port N", closes after argv[3] connections.
var net = require('net');
var host = process.argv[2] || '::', want = +process.argv[3] || 1, seen = 0;
var server = net.createServer(function (s) {
  s.pipe(s);
  s.on('error', function (e) { console.log('server socket error ' + e.code); });
  s.on('close', function () { if (++seen === want) server.close(); });
});
server.listen(0, host, function () { console.log('port ' + server.address().port); });
