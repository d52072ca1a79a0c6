// Helper for tests/tap/run.sh, run by node on the Linux side: a TCP echo server
// on argv[2]:argv[3] for one connection (node's net, not a Petrel script), then
// exits. It replaced `socat ... PIPE`, which deadlocks itself: socat blocks
// writing into its own pipe while the pipe waits for socat to read it.
var net = require('net');
var server = net.createServer(function (s) {
  server.close();
  s.pipe(s);
  s.on('error', function (e) { console.log('echo peer: ' + e.code); });
});
server.listen(+process.argv[3], process.argv[2], function () { console.log('echo ready'); });
