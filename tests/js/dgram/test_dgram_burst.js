// Bursts of datagrams over loopback: every one that arrives is whole and in order
// (loopback reorders nothing); what the receive buffer cannot take is dropped and
// counted (process.binding('udp').dropped: the kernel's count on Linux, lwIP's ring on
// the lwIP boards), never an abort, so received + dropped is what was sent. The end
// marker is sent again on each loop turn until it arrives (it may be dropped too).
var assert = require('assert');
var dgram = require('dgram');
var udp = process.binding('udp');

function burst(n, recvBufferSize, done) {
  var rx = dgram.createSocket({ type: 'udp4', recvBufferSize: recvBufferSize });
  var tx = dgram.createSocket('udp4');
  var got = 0, last = -1, ended = false, markers = 0;
  rx.on('message', function (m) {
    if (m.length === 0) { // the marker: everything before it arrived or was dropped
      if (ended) return;
      ended = true;
      var dropped = udp.dropped(rx); // markers sent before this one may be among them
      // -1: the system does not count its drops (qemu-arm's user emulation has no
      // SO_RXQ_OVFL): what arrived is checked, not the count
      if (dropped !== -1) {
        assert.ok(got + dropped >= n && got + dropped <= n + markers - 1, got + ' received, ' + dropped + ' dropped');
      }
      rx.close();
      tx.close();
      done(got, dropped);
      return;
    }
    assert.strictEqual(m.length, 64);
    var i = m.readUInt32BE(0);
    assert.ok(i > last, 'in order');
    for (var k = 4; k < 64; k++) assert.strictEqual(m[k], i & 0xff);
    last = i;
    got++;
  });
  rx.bind(0, '127.0.0.1', function () {
    var port = rx.address().port;
    for (var i = 0; i < n; i++) {
      var b = Buffer.alloc(64, i & 0xff);
      b.writeUInt32BE(i, 0);
      tx.send(b, port, '127.0.0.1');
    }
    (function marker() {
      if (ended) return;
      markers++;
      tx.send(Buffer.alloc(0), port, '127.0.0.1', function () { setImmediate(marker); });
    })();
  });
}

var results = [];
// 100 x 64 B fit any default buffer: nothing is dropped
burst(100, undefined, function (got, dropped) {
  assert.strictEqual(got, 100);
  results.push('all');
  // a small buffer (4 KiB: 64 datagrams in lwIP's ring, fewer in Linux's, which
  // counts its overhead) and 100 datagrams: some are dropped, and counted
  burst(100, 4096, function (got, dropped) {
    assert.ok(got < 100);
    assert.ok(got > 0 && dropped !== 0, got + ' received, ' + dropped + ' dropped');
    results.push('dropped');
  });
});
process.on('exit', function () { assert.deepStrictEqual(results, ['all', 'dropped']); });
