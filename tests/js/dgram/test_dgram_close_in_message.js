// close() from a 'message' listener while more datagrams wait: none is delivered after
// it, 'close' follows on a tick, and the socket's record goes (nothing touches it after;
// the ASan boards check). A second socket closed from the first's listener too.
var assert = require('assert');
var dgram = require('dgram');
var a = dgram.createSocket('udp4'), b = dgram.createSocket('udp4'), tx = dgram.createSocket('udp4');
var gotA = 0, gotB = 0, closed = 0;
a.on('message', function () {
  gotA++;
  a.close();
  b.close(); // b may have datagrams waiting in the same dispatch round
});
b.on('message', function () { gotB++; });
a.on('close', function () { closed++; tx.close(); });
b.on('close', function () { closed++; });
var bound = 0;
function ready() {
  if (++bound < 2) return;
  var pa = a.address().port, pb = b.address().port;
  for (var i = 0; i < 10; i++) {
    tx.send('b' + i, pb, '127.0.0.1');
    tx.send('a' + i, pa, '127.0.0.1');
  }
}
a.bind(0, '127.0.0.1', ready);
b.bind(0, '127.0.0.1', ready);
process.on('exit', function () {
  assert.strictEqual(gotA, 1);
  assert.ok(gotB <= 10);
  assert.strictEqual(closed, 2);
});
