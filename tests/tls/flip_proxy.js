// One-connection TCP proxy for tests/tls/run.sh (node): between a TLS client and a TLS 1.2
// server at HOST:PORT, it flips one bit in the last byte of the server's ServerKeyExchange
// (its signature) and passes everything else through. Prints "port N" once listening on
// HOST, "flipped" when it did. Usage: node flip_proxy.js HOST PORT
var net = require('net');
var host = process.argv[2], port = +process.argv[3];
var srv = net.createServer(function (c) {
  srv.close();
  var s = net.connect(port, host);
  c.pipe(s);
  var buf = Buffer.alloc(0), done = false;
  s.on('data', function (d) {
    buf = Buffer.concat([buf, d]);
    // Whole records only: a handshake record's messages are walked for type 12.
    while (buf.length >= 5 && buf.length >= 5 + buf.readUInt16BE(3)) {
      var n = 5 + buf.readUInt16BE(3), rec = Buffer.from(buf.slice(0, n));
      buf = buf.slice(n);
      if (rec[0] === 22 && !done) {
        for (var i = 5; i + 4 <= rec.length;) {
          var len = rec.readUIntBE(i + 1, 3);
          if (rec[i] === 12 && i + 4 + len <= rec.length) {
            rec[i + 4 + len - 1] ^= 1;
            done = true;
            console.log('flipped');
          }
          i += 4 + len;
        }
      }
      c.write(rec);
    }
  });
  s.on('end', function () { c.end(); });
  c.on('end', function () { s.end(); });
  s.on('error', function () { c.destroy(); });
  c.on('error', function () { s.destroy(); });
});
srv.listen(0, host, function () { console.log('port ' + srv.address().port); });
