// TLS server for tools/bench/tls.sh, ES5 so that petrel and node run the same file.
// Usage: tls_server.js CERTS_DIR MODE [N] [HOST]: prints "listening PORT", serves until killed.
//   echo     pipes every connection back to itself
//   source   sends N bytes to each connection, then ends it
//   hello    ends each connection at once (handshake benchmark)
//   hello1   sends one byte and ends (TLS 1.3 resumption benchmark: node's server sends
//            its tickets with its first write, none when it only ends)
//   cache    as hello, without tickets: sessions kept by 'newSession'/'resumeSession'
var tls = require('tls');
var Buffer = require('buffer').Buffer;
var certs = require(process.argv[2] + '/certs.js');
var mode = process.argv[3], n = +process.argv[4] || 0, host = process.argv[5] || '127.0.0.1';
var key = process.env.BENCH_TLS_KEY || 'server';
var chunk = Buffer.alloc(65536, 0x5a);
// Node's default versions (TLS 1.2 and 1.3): the client picks (s_time -tls1_2 / -tls1_3).
var opts = { key: certs[key + '.key'], cert: certs[key + '.crt'] };
if (mode === 'cache') opts.secureOptions = 16384; // SSL_OP_NO_TICKET
var srv = tls.createServer(opts, function (s) {
  s.on('error', function () {});
  if (mode === 'echo') { s.pipe(s); return; }
  if (mode === 'hello' || mode === 'cache') { s.end(); s.resume(); return; }
  if (mode === 'hello1') { s.end('x'); s.resume(); return; }
  var left = n;
  s.resume();
  (function pump() {
    while (left > 0) {
      var k = Math.min(left, chunk.length);
      left -= k;
      if (!s.write(k === chunk.length ? chunk : chunk.slice(0, k))) { s.once('drain', pump); return; }
    }
    s.end();
  })();
});
if (mode === 'cache') {
  var store = {};
  srv.on('newSession', function (id, data, done) { store[id.toString('hex')] = data; done(); });
  srv.on('resumeSession', function (id, cb) { cb(null, store[id.toString('hex')] || null); });
}
srv.listen(0, host, function () { console.log('listening ' + srv.address().port); });
