// process.stdin piped into a TCP connection (a tiny netcat): the server prints what came.
var net = require('net');
var srv = net.createServer(function (s) {
  var got = '';
  s.setEncoding('utf8');
  s.on('data', function (d) { got += d; });
  s.on('end', function () { console.log('server got ' + JSON.stringify(got)); s.end(); srv.close(); });
});
srv.listen(0, '127.0.0.1', function () {
  var c = net.connect(srv.address().port, '127.0.0.1');
  process.stdin.pipe(c);
});
