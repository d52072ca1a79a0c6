// Petrel TLS client for tests/tls/run.sh.
// Usage: client.js CERTS_DIR HOST PORT SERVERNAME MODE [N] [CA] [MAXVERSION]
//   info   sends "hello petrel\n", prints one line with what the handshake gave and
//          the first line the server answered, then ends
//   bulk   sends N pattern bytes, half-closes, checks N echoed bytes: "received N mismatches M"
//   error  expects the connection to fail: prints "error CODE"
// CA is the name of the trusted root in CERTS_DIR (ca.crt by default); MAXVERSION the
// client's maxVersion ('TLSv1.2'; node's default, TLSv1.3, otherwise).
var tls = require('tls');
var Buffer = require('buffer').Buffer;
var a = process.argv;
var certs = require(a[2] + '/certs.js');
var mode = a[6], n = +a[7] || 0;
var opts = { host: a[3], port: +a[4], ca: certs[a[8] || 'ca.crt'], ALPNProtocols: ['petrel/1', 'http/1.1'] };
if (a[5] !== '-') opts.servername = a[5];
if (a[9]) opts.maxVersion = a[9];
var chunk = Buffer.alloc(65536);
for (var i = 0; i < chunk.length; i++) chunk[i] = (i * 7 + 3) & 255;
// Counts bytes of d that differ from the pattern at stream offset off (C-speed compares).
function mismatches(d, off) {
  var bad = 0, i = 0;
  while (i < d.length) {
    var p = (off + i) % 65536, k = Math.min(d.length - i, 65536 - p);
    if (!d.slice(i, i + k).equals(chunk.slice(p, p + k))) {
      for (var j = 0; j < k; j++) if (d[i + j] !== chunk[p + j]) bad++;
    }
    i += k;
  }
  return bad;
}
var t0 = Date.now();
var c = tls.connect(opts, function () {
  if (mode === 'info') {
    var p = c.getPeerCertificate();
    var text = '';
    c.setEncoding('utf8');
    c.on('data', function (d) {
      text += d;
      var nl = text.indexOf('\n');
      if (nl >= 0) {
        console.log('secure authorized=' + c.authorized + ' ' + c.getProtocol() + ' ' + c.getCipher().name +
          ' alpn=' + c.alpnProtocol + ' CN=' + p.subject.CN + ' fp=' + p.fingerprint256 + ' reply=' + text.slice(0, nl));
        c.end();
      }
    });
    c.write('hello petrel\n');
  } else if (mode === 'bulk') {
    var sent = 0;
    (function pump() {
      while (sent < n) {
        var k = Math.min(chunk.length, n - sent);
        sent += k;
        if (!c.write(k === chunk.length ? chunk : chunk.slice(0, k))) { c.once('drain', pump); return; }
      }
      c.end();
    })();
  } else {
    console.log('secure?! authorized=' + c.authorized);
    c.end();
  }
});
var got = 0, bad = 0;
if (mode === 'bulk') {
  c.on('data', function (d) {
    bad += mismatches(d, got);
    got += d.length;
  });
  c.on('end', function () {
    console.log('received ' + got + ' mismatches ' + bad);
    console.error('ms ' + (Date.now() - t0));
  });
}
c.on('error', function (e) { console.log('error ' + e.code); });
