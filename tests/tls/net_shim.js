// net_shim.js: the net module with TLS underneath, for running the shared net
// conformance cases over tls (tests/tls/net_cases.sh puts it in place of
// require('net')). Servers are tls.createServer with the test certificate (their
// connection listener is the 'secureConnection' listener); net.connect and
// net.createConnection are tls.connect without verification (the certificate is the
// tests' own). Everything else (Socket, isIP...) is net's.
'use strict';
var net = require('net');
var tls = require('tls');
var certs = require('./certs.js');
var shim = {};
Object.keys(net).forEach(function (k) { shim[k] = net[k]; });

function copy(o) {
  var r = {};
  if (o) Object.keys(o).forEach(function (k) { r[k] = o[k]; });
  return r;
}

shim.createServer = function (options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  var o = copy(options);
  o.key = certs['server.key'];
  o.cert = certs['server.crt'];
  return listener ? tls.createServer(o, listener) : tls.createServer(o);
};

// net.connect's forms: (options[, cb]), (path[, cb]), (port[, host][, cb])
shim.connect = shim.createConnection = function () {
  var a = Array.prototype.slice.call(arguments);
  var cb = typeof a[a.length - 1] === 'function' ? a.pop() : undefined;
  var o;
  if (a[0] !== null && typeof a[0] === 'object') o = copy(a[0]);
  else if (typeof a[0] === 'string' && a[0] !== '' && isNaN(+a[0])) o = { path: a[0] };
  else {
    o = { port: a[0] };
    if (typeof a[1] === 'string') o.host = a[1];
  }
  o.rejectUnauthorized = false;
  return cb ? tls.connect(o, cb) : tls.connect(o);
};

module.exports = shim;
