// A UDP echo over loopback: node's event order (the bind's 'listening' on a later tick,
// 'message' after it, send callbacks on a tick, 'close' after close() returns),
// rinfo's fields, every send form (string, Buffer, offset/length, an array of chunks,
// a Uint8Array, an empty datagram) and the implicit bind of a first send.
var dgram = require('dgram');
var order = [];
function log(s) { order.push(s); console.log(s); }
var srv = dgram.createSocket('udp4');
srv.on('message', function (m, r) {
  log('server message ' + JSON.stringify(m.toString()) + ' size ' + r.size + ' ' + r.address + ' ' + r.family +
    ' ' + (typeof r.port) + ' keys ' + Object.keys(r).join(','));
  srv.send(m, r.port, r.address);
});
srv.on('close', function () { log('server close'); });
srv.on('listening', function () {
  log('server listening');
  var a = srv.address();
  log('address ' + a.address + ' ' + a.family + ' ' + (a.port > 0) + ' keys ' + Object.keys(a).join(','));
  var c = dgram.createSocket('udp4', function (m) {
    log('client message ' + JSON.stringify(m.toString()) + ' isBuffer ' + Buffer.isBuffer(m));
    if (++got === 6) {
      c.close(function () { log('client close callback'); srv.close(); });
      log('after client close()');
    }
  });
  var got = 0;
  c.on('listening', function () { log('client listening (implicit bind) port>0 ' + (c.address().port > 0)); });
  // sent one at a time: each goes out after the previous one's echo came back
  var sends = [
    function () { c.send('one', a.port, '127.0.0.1', function (err, n) { log('sent one ' + err + ' ' + n); }); },
    function () { c.send(Buffer.from('xxtwoxx'), 2, 3, a.port, '127.0.0.1', function (err, n) { log('sent two ' + err + ' ' + n); }); },
    function () { c.send(['th', Buffer.from('r'), 'ee'], a.port, '127.0.0.1', function (err, n) { log('sent three ' + err + ' ' + n); }); },
    function () { c.send(new Uint8Array([102, 111, 117, 114]), a.port, '127.0.0.1'); },
    function () { c.send('', a.port, '127.0.0.1', function (err, n) { log('sent empty ' + err + ' ' + n); }); },
    function () { c.send('six', a.port); } // address defaults to 127.0.0.1
  ];
  c.on('message', function () { if (sends.length) sends.shift()(); });
  sends.shift()();
  log('after first send (sync)');
});
srv.bind(0, '127.0.0.1');
log('after bind (sync)');
process.on('exit', function () { console.log('exit'); });
