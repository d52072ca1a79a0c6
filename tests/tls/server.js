// Petrel TLS server for tests/tls/run.sh: serves ONE connection, then closes.
// Usage: server.js CERTS_DIR MODE HOST [N [PORT]]. Prints "port N" once listening
// (on PORT, by default any free one: a board behind a port forward needs a fixed one), then
// what it saw. MODE:
//   hello       sends "hello from petrel\n" and ends (prints protocol, cipher, SNI, ALPN)
//   echo        echoes everything (pipe), ends when the client ends
//   source      sends N bytes of the test pattern, then ends
//   sink        reads until N bytes, checks them against the pattern, prints
//               "received N mismatches M", then ends
//   clientcert  asks for a client certificate (trusting ca.crt), prints what it got
//   resume      serves N connections, prints "reused BOOL" for each and ends it
//   sessioncache  as resume, without tickets: the sessions are kept by 'newSession' and
//               given back by 'resumeSession' (prints "newSession" / "resumeSession known BOOL")
// Handshake failures print "tlsClientError CODE".
var tls = require('tls');
var Buffer = require('buffer').Buffer;
var dir = process.argv[2], mode = process.argv[3], host = process.argv[4] || '127.0.0.1', n = +process.argv[5] || 0;
var certs = require(dir + '/certs.js');
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

var opts = { key: certs['server.key'], cert: certs['server.crt'], ALPNProtocols: ['petrel/1', 'http/1.1'] };
// hello12: the hello server with maxVersion 'TLSv1.2'
if (mode === 'hello12') { opts.maxVersion = 'TLSv1.2'; mode = 'hello'; }
if (mode === 'clientcert') { opts.requestCert = true; opts.rejectUnauthorized = false; opts.ca = certs['ca.crt']; }
var resuming = mode === 'resume' || mode === 'sessioncache';
if (mode === 'sessioncache') opts.secureOptions = 16384; // SSL_OP_NO_TICKET
var served = 0;
var srv = tls.createServer(opts, function (s) {
  if (!resuming || ++served >= n) srv.close();
  console.log('secure ' + s.getProtocol() + ' ' + s.getCipher().name + ' sni=' + s.servername + ' alpn=' + s.alpnProtocol);
  s.on('error', function (e) { console.log('socket error ' + e.code); });
  if (mode === 'hello') {
    s.end('hello from petrel\n');
    s.resume();
  } else if (mode === 'echo') {
    s.pipe(s);
  } else if (mode === 'source') {
    var sent = 0;
    (function pump() {
      while (sent < n) {
        var k = Math.min(chunk.length, n - sent);
        sent += k;
        if (!s.write(k === chunk.length ? chunk : chunk.slice(0, k))) { s.once('drain', pump); return; }
      }
      s.end();
    })();
    s.resume();
  } else if (mode === 'sink') {
    var got = 0, bad = 0;
    s.on('data', function (d) {
      bad += mismatches(d, got);
      got += d.length;
      if (got >= n) {
        console.log('received ' + got + ' mismatches ' + bad);
        s.end();
      }
    });
  } else if (resuming) {
    console.log('reused ' + s.isSessionReused());
    s.end('hello\n');
    s.resume();
  } else if (mode === 'clientcert') {
    var p = s.getPeerCertificate();
    console.log('client authorized=' + s.authorized + ' CN=' + (p.subject ? p.subject.CN : undefined));
    s.end('bye\n');
    s.resume();
  }
});
if (mode === 'sessioncache') {
  var store = {};
  srv.on('newSession', function (id, data, done) {
    console.log('newSession');
    store[id.toString('hex')] = data;
    done();
  });
  srv.on('resumeSession', function (id, cb) {
    console.log('resumeSession known ' + !!store[id.toString('hex')]);
    cb(null, store[id.toString('hex')]);
  });
}
srv.on('tlsClientError', function (e) { console.log('tlsClientError ' + e.code); srv.close(); });
srv.listen(+process.argv[6] || 0, host, function () { console.log('port ' + srv.address().port); });
