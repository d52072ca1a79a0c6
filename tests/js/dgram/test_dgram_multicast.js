// Multicast over loopback: a receiver joins 239.255.7.7 on 127.0.0.1, a sender sets
// the multicast interface, loopback and TTL and sends to the group; dropMembership of a
// group never joined is node's EADDRNOTAVAIL, a bad group EINVAL. The lwIP boards have
// no multicast groups (docs/dgram.md): there addMembership must be the coded ENOSYS, a
// bad group still EINVAL, and the send options work.
var assert = require('assert');
var dgram = require('dgram');
var r = dgram.createSocket({ type: 'udp4', reuseAddr: true });
var steps = [];
r.bind(0, function () {
  assert.throws(function () { r.addMembership('foo'); }, { code: 'EINVAL', syscall: 'addMembership' });
  try {
    r.addMembership('239.255.7.7', '127.0.0.1');
  } catch (e) {
    assert.strictEqual(e.code, 'ENOSYS');
    assert.strictEqual(e.message, 'addMembership ENOSYS');
    var t = dgram.createSocket('udp4');
    t.bind(0, '127.0.0.1', function () {
      t.setMulticastInterface('127.0.0.1');
      assert.throws(function () { t.setMulticastInterface('10.9.9.9'); }, { code: 'EADDRNOTAVAIL' });
      assert.strictEqual(t.setMulticastTTL(1), 1);
      t.setMulticastLoopback(false);
      t.close();
      r.close();
      steps.push('no multicast here');
    });
    return;
  }
  assert.throws(function () { r.dropMembership('239.255.7.8'); }, { code: 'EADDRNOTAVAIL', syscall: 'dropMembership' });
  var s = dgram.createSocket('udp4');
  s.bind(0, '127.0.0.1', function () {
    try {
      s.setMulticastInterface('127.0.0.1');
    } catch (e) {
      // qemu-arm's user emulation (rpi here) does not pass IP_MULTICAST_IF on: the
      // system's coded answer, and no multicast over loopback to test
      assert.strictEqual(e.message, 'setMulticastInterface ENOPROTOOPT');
      r.close();
      s.close();
      steps.push('no IP_MULTICAST_IF here');
      return;
    }
    s.setMulticastLoopback(true);
    assert.strictEqual(s.setMulticastTTL(1), 1);
    s.send('mc', r.address().port, '239.255.7.7');
  });
  r.on('message', function (m, info) {
    assert.strictEqual(m.toString(), 'mc');
    assert.strictEqual(info.address, '127.0.0.1');
    r.dropMembership('239.255.7.7', '127.0.0.1');
    r.close();
    s.close();
    steps.push('multicast');
  });
});
process.on('exit', function () { assert.strictEqual(steps.length, 1); });
