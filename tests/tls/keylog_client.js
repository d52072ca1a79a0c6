// The 'keylog' event as a client, for tests/tls/run.sh: connects to HOST:PORT (maxVersion
// MAXVERSION if given), prints every key log line it is given, then "secure PROTOCOL",
// and ends. run.sh checks the lines against the ones node's server logged for the same
// connection (the same secrets: the lines decrypt a capture as node's do).
// Usage: keylog_client.js CERTS_DIR HOST PORT SERVERNAME [MAXVERSION]
var tls = require('tls');
var a = process.argv;
var certs = require(a[2] + '/certs.js');
var c = tls.connect({ host: a[3], port: +a[4], servername: a[5], ca: certs['ca.crt'], maxVersion: a[6] || undefined },
  function () {
    console.log('secure ' + c.getProtocol());
    c.end();
  });
c.on('keylog', function (line) { process.stdout.write('keylog ' + line.toString('latin1')); });
c.on('error', function (e) { console.log('error ' + e.code); process.exitCode = 1; });
c.resume();
