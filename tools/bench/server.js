// The benchmark server, run identically by petrel and node (ES5):
//   server.js sink | source BYTES | echo | churn | idle
// Prints "port N" when listening; run.sh stops it when the measurement is done.
var net = require('net');
var mode = process.argv[2], bytes = +process.argv[3] || 0;
var chunk = Buffer.alloc(65536, 0x73);

var server = net.createServer(function (s) {
  if (mode === 'sink') {
    s.on('data', function () {});
    s.on('end', function () { s.end(); });
  } else if (mode === 'source') {
    var left = bytes;
    var pump = function () {
      while (left > 0) {
        var n = Math.min(left, chunk.length);
        left -= n;
        if (!s.write(n === chunk.length ? chunk : chunk.slice(0, n))) { s.once('drain', pump); return; }
      }
      s.end();
    };
    s.resume();
    pump();
  } else if (mode === 'echo') {
    s.setNoDelay(true);
    s.on('data', function (d) { s.write(d); });
  } else if (mode === 'churn') {
    s.on('data', function () { s.end('k'); });
  } else if (mode === 'idle') {
    s.on('data', function () {});
  }
  s.on('error', function () {});
});
server.listen(0, '127.0.0.1', function () { console.log('port ' + server.address().port); });
