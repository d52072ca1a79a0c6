// Many TLS connections at once in one Petrel process (tests/tls/run.sh), each ending
// differently: a clean echo and end, destroy mid-transfer (either side), destroy before
// the handshake, a paused reader. Every socket must emit 'close', the server must drain
// to 0 connections, echoed bytes must match, and the process must exit by itself
// (nothing left holding the loop). Prints "stress: N ok".
var tls = require('tls');
var Buffer = require('buffer').Buffer;
var certs = require(process.argv[2] + '/certs.js');
var N = +process.argv[3] || 60;
var t0 = Date.now();
var seed = 777;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }

var closed = 0, good = 0, problems = [];
var srv = tls.createServer({ key: certs['server.key'], cert: certs['server.crt'] }, function (s) {
  s.on('error', function () {});
  // The first byte says how the client ends; the server gives up mid-transfer on
  // some of the connections the client destroys anyway.
  s.once('data', function (d) {
    if (d[0] === 1 && rnd(2) === 0) { s.destroy(); return; }
    s.write(d);
    s.pipe(s);
  });
});
srv.on('tlsClientError', function () {});
srv.listen(0, '127.0.0.1', function () {
  var port = srv.address().port;
  var ctx = tls.createSecureContext({ ca: certs['ca.crt'] });
  for (var i = 0; i < N; i++) start(i, port, ctx);
});

function start(i, port, ctx) {
  var kind = i % 4, size = 1 + rnd(300000);
  var data = Buffer.alloc(size);
  for (var k = 0; k < size; k += 97) data[k] = (k + i) & 255;
  data[0] = kind;
  var got = [], gotLen = 0, errored = null;
  var c = tls.connect({ port: port, host: '127.0.0.1', secureContext: ctx });
  c.on('error', function (e) { errored = e; });
  c.on('data', function (d) { got.push(d); gotLen += d.length; });
  if (kind === 0) {
    c.on('secureConnect', function () { c.end(data); });
  } else if (kind === 1) {
    c.on('secureConnect', function () { c.write(data); setTimeout(function () { c.destroy(); }, rnd(20)); });
  } else if (kind === 2) {
    setTimeout(function () { c.destroy(); }, rnd(3)); // maybe before the handshake ends
  } else {
    c.on('secureConnect', function () {
      c.pause();
      c.end(data);
      setTimeout(function () { c.resume(); }, 30 + rnd(50));
    });
  }
  c.on('close', function () {
    closed++;
    if ((kind === 0 || kind === 3) && !errored) {
      if (gotLen === size && Buffer.concat(got).equals(data)) good++;
      else problems.push('#' + i + ' echoed ' + gotLen + ' of ' + size);
    } else {
      good++;
    }
    if (closed === N) {
      srv.close(function () {
        console.log(problems.length ? 'problems: ' + problems.join('; ') : 'stress: ' + good + ' ok');
        if (process.env.SHOW) console.log('ms ' + (Date.now() - t0));
      });
    }
  });
}
