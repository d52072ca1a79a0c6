// Run by emfile.sh under a low descriptor limit: holds every connection, counts
// the server's accept errors, and answers "ping" with "pong" once it has seen
// them (so the test knows the server recovered), then exits.
var net = require('net');
var held = [], errors = 0, first = null;
var server = net.createServer(function (s) {
  held.push(s);
  s.on('error', function () {});
  s.on('data', function (d) {
    if (String(d) !== 'ping') return;
    s.end('pong', function () {
      console.log('accept errors: ' + (errors > 0 ? 'yes' : 'no') + ', first: ' + first);
      process.exit(0);
    });
  });
  s.on('close', function () { held.splice(held.indexOf(s), 1); });
});
server.on('error', function (e) {
  if (!errors++) first = e.code + ' ' + e.syscall;
});
server.listen(0, '127.0.0.1', function () { console.log('port ' + server.address().port); });
