// A TCP echo server and a client talking to it, in one script.
// Run: make run-example   (or: build/linux/petrel examples/echo.js)
var net = require('net');

var server = net.createServer(function (socket) {
  console.log('server: connection from %s:%d', socket.remoteAddress, socket.remotePort);
  socket.pipe(socket); // echo everything back
  socket.on('end', function () { console.log('server: client ended'); });
});

server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  console.log('server: listening on 127.0.0.1:%d', port);

  var client = net.connect(port, '127.0.0.1', function () {
    console.log('client: connected');
    client.end('Hello from Petrel!');
  });
  var reply = '';
  client.setEncoding('utf8');
  client.on('data', function (chunk) { reply += chunk; });
  client.on('end', function () {
    console.log('client: echoed back: %s', reply);
    server.close(function () { console.log('server: closed'); });
  });
});
