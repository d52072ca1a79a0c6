// TLS 1.3 resumed handshakes per second, for tools/bench/tls.sh (node): `openssl s_time
// -reuse` does not wait for 1.3's tickets, this client does. One connection at a time (as
// s_time): each offers the newest ticket (the 'session' event of the connection before),
// waits for the next ticket, then ends. Prints resumed connections per second of wall
// clock, or "fail" with the counts when fewer than 90 % of them resumed.
// Usage: node tls_resume13.js PORT SECONDS
var tls = require('tls');
var port = +process.argv[2], secs = +process.argv[3], sess = null, conns = 0, reused = 0, t0 = 0;
(function next() {
  if (t0 && Date.now() - t0 >= secs * 1000) {
    var s = (Date.now() - t0) / 1000;
    console.log(reused >= conns * 0.9 ? (reused / s).toFixed(0) : 'fail(' + reused + '/' + conns + ')');
    return;
  }
  var c = tls.connect({ port: port, host: '127.0.0.1', rejectUnauthorized: false, session: sess,
    minVersion: 'TLSv1.3' }, function () {
    if (!t0) { t0 = Date.now(); return; } // the first, full handshake is not counted
    conns++;
    if (c.isSessionReused()) reused++;
  });
  var done = false;
  c.on('session', function (s) { sess = s; if (!done) { done = true; c.end(); } });
  c.on('data', function () {});
  c.on('error', function (e) { console.log('fail ' + e.code); process.exit(1); });
  c.on('close', next);
})();
