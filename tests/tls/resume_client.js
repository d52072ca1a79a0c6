// Session resumption as a client, for tests/tls/run.sh: connects to HOST:PORT, keeps
// the session its 'session' event gives, connects again offering it, and prints
// "first reused=BOOL second reused=BOOL" (a server that resumes: false, true).
// Usage: resume_client.js CERTS_DIR HOST PORT SERVERNAME
var tls = require('tls');
var a = process.argv;
var certs = require(a[2] + '/certs.js');
var saved = null, seen = [];
function one(session, then) {
  var c = tls.connect({ host: a[3], port: +a[4], servername: a[5], ca: certs['ca.crt'], session: session }, function () {
    seen.push(c.isSessionReused());
    c.end();
  });
  c.on('session', function (s) { saved = s; });
  c.on('error', function (e) { console.log('error ' + e.code); process.exitCode = 1; });
  c.resume();
  c.on('close', then);
}
one(undefined, function () {
  if (!saved) { console.log('no session event'); process.exitCode = 1; return; }
  one(saved, function () { console.log('first reused=' + seen[0] + ' second reused=' + seen[1]); });
});
