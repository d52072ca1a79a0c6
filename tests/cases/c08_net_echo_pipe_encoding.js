// net: echo through pipe with multi-byte text split across writes, setEncoding on the client.
var net = require('net');
var server = net.createServer(function (s) { s.pipe(s); });
server.listen(0, '127.0.0.1', function () {
  var c = net.connect(server.address().port, '127.0.0.1');
  var text = '';
  c.setEncoding('utf8');
  c.on('data', function (d) { text += d; });
  c.on('end', function () {
    console.log('echo:', text, text.length);
    console.log('bytes', c.bytesRead, c.bytesWritten);
    server.close(function () { console.log('server closed'); });
  });
  var euro = Buffer.from('€');
  c.write(euro.slice(0, 1));
  setTimeout(function () {
    c.write(euro.slice(1));
    c.end(' and 𝄞 done');
  }, 30);
});
