// A chunk for a flowing socket goes from the binding to the 'data' listeners without
// a call of the socket's onread (net_socket_read_direct, #17). What a listener sees
// there must be what the general path gives: bytesRead already counting the chunk,
// one listener or several in order, a throw reported as uncaught (the socket reads on and
// the ticks queued before the throw still run), and a socket that setEncoding()
// moves off the path gets strings. Runs the same under node.
'use strict';
var assert = require('assert');
var net = require('net');

var steps = [];
var client;
process.on('uncaughtException', function (err) {
  assert.strictEqual(err.message, 'thrown from data');
  steps.push('uncaught');
  client.write('b'); // the next chunk, once the throw was reported
});

var server = net.createServer(function (sock) {
  var chunks = 0;
  function first(d) {
    chunks++;
    assert.ok(Buffer.isBuffer(d));
    assert.strictEqual(sock.bytesRead, chunks); // counted before the listener runs
    steps.push('first ' + d.toString());
    if (chunks === 1) { // the only listener: called straight; the second from now on
      sock.on('data', second);
      process.nextTick(function () { steps.push('tick'); });
      throw new Error('thrown from data');
    }
    // The second chunk: later ones as strings, off the direct path.
    sock.setEncoding('utf8');
    sock.removeListener('data', first);
    sock.removeListener('data', second);
    sock.on('data', function (s) {
      assert.strictEqual(typeof s, 'string');
      assert.strictEqual(sock.bytesRead, 3);
      steps.push('string ' + s);
      sock.end('bye');
    });
    sock.write('ack');
  }
  function second(d) { steps.push('second ' + d.toString()); }
  sock.on('data', first);
});

server.listen(0, '127.0.0.1', function () {
  client = net.connect(server.address().port, '127.0.0.1');
  var got = '';
  client.setNoDelay(true);
  client.on('connect', function () { client.write('a'); });
  client.on('data', function (d) {
    got += d.toString();
    if (got === 'ack') client.write('c');
  });
  client.on('end', function () {
    assert.strictEqual(got, 'ackbye');
    client.end();
    server.close();
  });
});

process.on('exit', function (code) {
  if (code !== 0) return;
  assert.deepStrictEqual(steps, [
    'first a', 'uncaught', 'tick', // the second listener came during 'a'
    'first b', 'second b',
    'string c'
  ]);
  console.log('ok');
});
