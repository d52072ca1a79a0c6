// A send's errors: EMSGSIZE for a datagram over 65,507 bytes goes to the send callback
// (ExceptionWithHostPort: the address and port given) and, with no callback, nowhere
// (node reports it to nobody); the socket lives on and sends the next one.
var dgram = require('dgram');
var rx = dgram.createSocket('udp4');
rx.on('message', function (m, r) {
  console.log('got ' + m.length + ' bytes');
  rx.close();
  tx.close();
});
rx.bind(0, '127.0.0.1', function () {
  var port = rx.address().port;
  tx.send(Buffer.alloc(65508), port, '127.0.0.1', function (err, n) {
    console.log('big: ' + err.message.replace(String(port), 'PORT') + ' ' + err.code + ' ' + err.errno + ' ' +
      err.syscall + ' ' + (err.port === port) + ' ' + n + ' keys ' + Object.keys(err).join(','));
    tx.send(Buffer.alloc(70000), port, '127.0.0.1'); // no callback: not reported
    tx.send(Buffer.alloc(1000), port, '127.0.0.1', function (err, n) { console.log('next: ' + err + ' ' + n); });
  });
});
var tx = dgram.createSocket('udp4');
tx.on('error', function (e) { console.log('error event ' + e.message); });
