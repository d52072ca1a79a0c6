// TLS client for the KeyUpdate checks (tests/tls/key_update.sh): connects (servername
// localhost, trusting ca.crt), answers each piece of data with "ack " + it, prints
// what it sees, and ends once data containing "end" came.
// Usage: keyupdate_client.js CERTS_DIR HOST PORT
var tls = require('tls');
var a = process.argv;
var certs = require(a[2] + '/certs.js');
var c = tls.connect({ host: a[3], port: +a[4], servername: 'localhost', ca: certs['ca.crt'] }, function () {
  console.log('secure ' + c.getProtocol());
});
c.setEncoding('utf8');
c.on('data', function (d) {
  console.log('data ' + JSON.stringify(d));
  if (d.indexOf('end') >= 0) c.end();
  else c.write('ack ' + d);
});
c.on('error', function (e) { console.log('error ' + e.code); });
c.on('close', function () { console.log('close'); });
