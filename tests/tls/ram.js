// The RAM one TLS client session takes on a board (tests/tls/board.sh): connects to
// ram_server.js, sends N bytes in 1 KB writes while the server sends N, and prints
// process.memoryUsage() at each stage (rss: the RAM high-water mark on mps2-an385).
// Usage: ram.js CERTS_DIR HOST PORT [N] [MAXVERSION] (TLS 1.3 unless MAXVERSION 'TLSv1.2';
// "protocol" says which was used; "handshake ms": connect to secure, on the board's clock)
var a = process.argv, n = +a[5] || 65536;
function mem(stage) {
  var m = process.memoryUsage();
  console.log(stage + ' rss ' + m.rss + ' heap ' + m.heapUsed + ' peak ' + m.heapTotal + ' native ' + m.external);
}
mem('boot');
var tls = require('tls');
var ca = require(a[2] + '/certs.js')['ca.crt'];
mem('require');
var t0 = Date.now();
var c = tls.connect({ host: a[3], port: +a[4], servername: 'localhost', ca: ca, maxVersion: a[6] || undefined }, function () {
  console.log('handshake ms ' + (Date.now() - t0));
  mem('secure');
  console.log('protocol ' + c.getProtocol());
  var sent = 0, piece = Buffer.alloc(1024, 0x61);
  (function pump() {
    while (sent < n) {
      sent += piece.length;
      if (!c.write(piece)) return c.once('drain', pump);
    }
  })();
});
var got = 0, most = 0;
c.on('data', function (d) {
  got += d.length;
  if (d.length > most) most = d.length;
  if (got >= n) {
    mem('echoed');
    c.end();
  }
});
c.on('close', function () {
  mem('closed');
  console.log('largest read ' + most);
  console.log('received ' + got);
});
c.on('error', function (e) { console.log('error ' + e.code + ' ' + e.message); });
