// Helper for real_peers.sh: an echo server (pipe) that prints its port and
// counts connections; it closes after `n` connections (argv[2]).
var net = require('net');
var want = +process.argv[2] || 1, seen = 0;
var server = net.createServer(function (s) {
  s.pipe(s);
  s.on('close', function () { if (++seen === want) server.close(); });
});
server.listen(0, '127.0.0.1', function () { console.log('port ' + server.address().port); });
