// UNIX-domain sockets: what every board answers alike (docs/net.md). Connecting to a
// path where nothing is gives ENOENT, asynchronously, with node's message and fields,
// in each call form; the socket's state while it tries. (Listening on a path works on
// the POSIX boards only: tests/js/net/test_unix_sockets.js checks both kinds.)
'use strict';
var net = require('net');
var missing = '/nonexistent-petrel-c19/server.sock';
var forms = [
  function (cb) { return net.connect(missing, cb); },
  function (cb) { return net.createConnection({ path: missing }, cb); },
  function (cb) { return new net.Socket().connect(missing, cb); },
  function (cb) { return new net.Socket().connect({ path: missing, port: 80 }, cb); }
];
var i = 0;
function next() {
  if (i === forms.length) { console.log('done'); return; }
  var n = i++;
  var order = [];
  var s = forms[n](function () { console.log('connected?!'); });
  console.log(n, 'sync', s.connecting, s.pending, s.readyState, s.remoteAddress, s.localAddress,
    JSON.stringify(s.address()));
  process.nextTick(function () { order.push('tick'); });
  s.on('lookup', function () { order.push('lookup'); });
  s.on('error', function (e) {
    order.push('error');
    console.log(n, e.message, e.code, e.errno, e.syscall, e.address, e.port, Object.keys(e).join());
    console.log(n, 'in error', s.connecting, s.destroyed, s.readyState);
  });
  s.on('close', function (hadError) {
    order.push('close ' + hadError);
    console.log(n, order.join(', '), s.remoteAddress, s.bytesRead, s.bytesWritten);
    next();
  });
}
next();
