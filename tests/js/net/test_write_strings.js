// A socket's write() and end() of a string: an ASCII one in an encoding that keeps its
// bytes goes the socket's short path (net_socket.c's fast_write, #17), any other the
// Writable's; the peer must get the same bytes either way, callbacks and 'finish' in
// node's order, and bytesWritten counting bytes. Runs the same under node.
'use strict';
var assert = require('assert');
var net = require('net');

var order = [];
var server = net.createServer(function (sock) {
  sock.write('abc', function (err) {
    assert.ifError(err);
    order.push('cb abc');
  });
  sock.write('de', 'latin1');
  sock.setDefaultEncoding('hex');
  sock.write('6667'); // 'fg': hex, the general path
  sock.setDefaultEncoding('utf8');
  sock.write('\u00e9'); // not ASCII: the general path, two bytes
  sock.on('finish', function () { order.push('finish'); });
  sock.end('z', function () {
    order.push('end cb');
    assert.strictEqual(sock.bytesWritten, 3 + 2 + 2 + 2 + 1);
  });
  order.push('sync');
});

server.listen(0, '127.0.0.1', function () {
  var c = net.connect(server.address().port, '127.0.0.1');
  var got = [];
  c.on('data', function (d) { got.push(d); });
  c.on('end', function () {
    assert.strictEqual(Buffer.concat(got).toString('utf8'), 'abcdefg\u00e9z');
    c.end();
    server.close();
  });
});

process.on('exit', function (code) {
  if (code !== 0) return;
  assert.deepStrictEqual(order, ['sync', 'cb abc', 'end cb', 'finish']); // node's order
  console.log('ok');
});
