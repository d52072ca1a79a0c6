// Run with PETREL_HEAP_LIMIT: the heap is filled, then a 60 KB datagram arrives. Its
// Buffer cannot be made: the datagram is dropped and counted (dropped(socket) is 1),
// never an uncaught error or an abort, and the socket goes on to receive the next one
// once the heap has room again.
'use strict';
var dgram = require('dgram');
var udp = process.binding('udp');
var rx = dgram.createSocket('udp4'), tx = dgram.createSocket('udp4');
var hog = [], got = [];
rx.on('message', function (m) { got.push(m.length); });
rx.bind(0, '127.0.0.1', function () {
  var port = rx.address().port;
  var big = Buffer.alloc(60000, 1), small = Buffer.alloc(10, 2);
  // All that a send allocates in JS first (it goes out on the next tick, after its
  // lookup), then the heap is filled.
  tx.send(big, port, '127.0.0.1');
  setImmediate(waitDrop);
  try { for (;;) hog.push(Buffer.alloc(8192)); } catch (e) { /* full */ }
  try { for (;;) hog.push([0, 0, 0, 0]); } catch (e) { /* fuller */ }
  function waitDrop() {
    if (udp.dropped(rx) === 0 && got.length === 0) {
      hog.length -= 16; // room for the next immediate (not for a 60 KB Buffer)
      return setImmediate(waitDrop);
    }
    hog = null; // room again
    var dropped = udp.dropped(rx);
    tx.send(small, port, '127.0.0.1');
    rx.once('message', function () {
      console.log('dropped ' + dropped + ', then received ' + got.join(','));
      rx.close();
      tx.close();
    });
  }
});
