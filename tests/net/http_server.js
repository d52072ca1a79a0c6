// Helper for real_peers.sh: a minimal HTTP/1.0 responder on net, for curl.
var net = require('net');
var server = net.createServer(function (s) {
  var req = '';
  s.setEncoding('utf8');
  s.on('data', function (d) {
    req += d;
    if (req.indexOf('\r\n\r\n') < 0) return;
    var path = req.split(' ')[1];
    var body = 'hello from petrel, you asked for ' + path + '\n';
    s.end('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ' + Buffer.byteLength(body) + '\r\n\r\n' + body);
    server.close();
  });
});
server.listen(0, '127.0.0.1', function () { console.log('port ' + server.address().port); });
