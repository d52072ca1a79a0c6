// Hostile bytes, both directions, in one Petrel process (tests/tls/run.sh):
//  - a TLS server (with an SNICallback) gets N mutated copies of a real ClientHello
//    (random bytes flipped, truncated, extended) and random junk: each must end in
//    'tlsClientError' with a code;
//  - a TLS client gets N mutated copies of a real server's first flight: each must end
//    in 'error' with a code;
//  - a TLS client offers N mutated copies of a real saved session (its ticket included)
//    to a server: each connection must end secure (resumed or not) or in a coded error.
// Nothing may crash or hang. Prints "server: N coded" / "client: N coded" and the codes seen.
// Usage: garbage.js CERTS_DIR [N] [MAXVERSION]: MAXVERSION ('TLSv1.2') caps every client
// and server here; by default they speak TLS 1.3 (whose server flight is mostly
// encrypted records after the ServerHello).
var tls = require('tls');
var net = require('net');
var Buffer = require('buffer').Buffer;
var certs = require(process.argv[2] + '/certs.js');
var N = +process.argv[3] || 60;
var V = process.argv[4] || undefined; // maxVersion of every client and server here
var seed = 12345;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }

function mutate(b) {
  var c = Buffer.from(b), kind = rnd(4);
  if (kind === 0) { // flip a few bytes
    for (var k = 0; k < 1 + rnd(4); k++) c[rnd(c.length)] ^= 1 + rnd(255);
    return c;
  }
  if (kind === 1) return c.slice(0, rnd(c.length)); // truncated
  if (kind === 2) { // random junk after a valid-looking header
    for (var i = 5; i < c.length; i++) c[i] = rnd(256);
    return c;
  }
  var j = Buffer.alloc(1 + rnd(300)); // pure junk
  for (var q = 0; q < j.length; q++) j[q] = rnd(256);
  return j;
}
// A code as Node gives: ERR_*, a system error, or a certificate verdict (EE_KEY_TOO_SMALL...).
function isCoded(e) { return e && typeof e.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(e.code); }

var codes = {};
function capture(cb) { // a real ClientHello, and a real server's first flight
  var hello = null;
  var raw = net.createServer(function (s) {
    s.once('data', function (d) { hello = d; s.destroy(); raw.close(); });
  });
  raw.listen(0, '127.0.0.1', function () {
    var c = tls.connect({ port: raw.address().port, host: '127.0.0.1', servername: 'localhost', rejectUnauthorized: false,
      maxVersion: V });
    c.on('error', function () {});
    c.on('close', function () {
      var srv = tls.createServer({ key: certs['server.key'], cert: certs['server.crt'], maxVersion: V });
      srv.on('tlsClientError', function () {});
      srv.listen(0, '127.0.0.1', function () {
        var r = net.connect(srv.address().port, '127.0.0.1', function () { r.write(hello); });
        r.once('data', function (flight) { r.destroy(); srv.close(); cb(hello, flight); });
      });
    });
  });
}

function serverSide(hello, done) {
  var coded = 0, seen = 0;
  // With an SNICallback and a session cache, so that tls.js's own ClientHello reader
  // sees every mutation too, and a mutated session ID goes to 'resumeSession'.
  var srv = tls.createServer({ key: certs['server.key'], cert: certs['server.crt'], handshakeTimeout: 500, maxVersion: V,
    SNICallback: function (servername, cb) { cb(null); } });
  srv.on('newSession', function (id, data, cb) { cb(); });
  srv.on('resumeSession', function (id, cb) {
    codes['server asked resumeSession'] = 1;
    cb(null, id.length & 1 ? null : Buffer.from('not a session'));
  });
  // Every other hello offers a session ID: 32 bytes spliced in where the ID's length is (a
  // TLS 1.2 hello has none; TLS 1.3's compatibility-mode hello has one, so there the
  // splice makes one more kind of malformed hello).
  var withId = Buffer.concat([hello.slice(0, 43), Buffer.from([32]), Buffer.alloc(32, 7), hello.slice(44)]);
  withId.writeUInt16BE(withId.length - 5, 3);
  withId.writeUInt16BE(withId.length - 9, 7); // the handshake's 24-bit length (< 64 KiB)
  srv.on('secureConnection', function (s) { s.destroy(); });
  srv.on('tlsClientError', function (e, s) {
    if (isCoded(e)) coded++; else console.log('uncoded server error: ' + e);
    codes['server ' + e.code] = 1;
    s.destroy();
  });
  srv.listen(0, '127.0.0.1', function () {
    var port = srv.address().port;
    (function one() {
      if (seen === N) { srv.close(); console.log('server: ' + coded + ' coded of ' + N); done(); return; }
      seen++;
      var before = coded;
      var c = net.connect(port, '127.0.0.1', function () { c.end(mutate(seen & 1 ? withId : hello)); });
      c.on('error', function () {});
      c.resume();
      c.on('close', function () {
        // The server may report after our close: give it a moment.
        setTimeout(function () {
          if (coded === before) { coded++; codes['server (closed quietly or completed)'] = 1; }
          one();
        }, 30);
      });
    })();
  });
}

function clientSide(flight, done) {
  var coded = 0, seen = 0;
  var raw = net.createServer(function (s) {
    s.once('data', function () { s.end(mutate(flight)); });
    s.on('error', function () {});
  });
  raw.listen(0, '127.0.0.1', function () {
    var port = raw.address().port;
    (function one() {
      if (seen === N) { raw.close(); console.log('client: ' + coded + ' coded of ' + N); done(); return; }
      seen++;
      var c = tls.connect({ port: port, host: '127.0.0.1', ca: certs['ca.crt'], maxVersion: V });
      c.on('secureConnect', function () { console.log('client: secure with mutated bytes?!'); });
      c.on('error', function (e) {
        if (isCoded(e)) coded++; else console.log('uncoded client error: ' + e);
        codes['client ' + e.code] = 1;
      });
      c.on('close', function () { one(); });
    })();
  });
}

function sessions(done) {
  var handled = 0, seen = 0, resumed = 0, saved = null;
  var srv = tls.createServer({ key: certs['server.key'], cert: certs['server.crt'], maxVersion: V }, function (s) { s.end(); });
  srv.on('tlsClientError', function () {});
  srv.listen(0, '127.0.0.1', function () {
    var port = srv.address().port;
    (function one() {
      if (seen === N + 1) {
        srv.close();
        console.log('sessions: ' + handled + ' handled of ' + N + (resumed ? ' (some resumed)' : ''));
        done();
        return;
      }
      var first = seen++ === 0, outcome = null;
      var c = tls.connect({ port: port, host: '127.0.0.1', ca: certs['ca.crt'], session: first ? undefined : mutate(saved),
        maxVersion: V });
      c.on('session', function (ses) { if (first) saved = ses; });
      c.on('secureConnect', function () { outcome = 'secure'; if (c.isSessionReused()) resumed++; });
      c.on('error', function (e) {
        outcome = isCoded(e) ? 'coded' : 'uncoded';
        if (!isCoded(e)) console.log('uncoded session error: ' + e);
        codes['session ' + e.code] = 1;
      });
      c.resume();
      c.on('close', function () {
        if (!first && outcome && outcome !== 'uncoded') handled++;
        if (first && !saved) { console.log('sessions: no session to mutate'); srv.close(); done(); return; }
        one();
      });
    })();
  });
}

capture(function (hello, flight) {
  serverSide(hello, function () {
    clientSide(flight, function () {
      sessions(function () {
        console.log('codes: ' + Object.keys(codes).sort().join(', '));
      });
    });
  });
});
