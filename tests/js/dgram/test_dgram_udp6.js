// udp6: an echo over ::1, a dual-stack '::' socket that takes IPv4 (rinfo and the
// sender as ::ffff:127.0.0.1), ipv6Only refusing it, and node:dgram.
var assert = require('assert');
var dgram = require('node:dgram');
assert.strictEqual(dgram, require('dgram'));
var steps = 0;
var s6 = dgram.createSocket('udp6');
s6.bind(0, '::1', function () {
  var a = s6.address();
  assert.strictEqual(a.address, '::1');
  assert.strictEqual(a.family, 'IPv6');
  var c = dgram.createSocket('udp6');
  c.send('six', a.port, '::1');
  c.on('message', function (m, r) {
    assert.strictEqual(m.toString(), 'six');
    assert.strictEqual(r.address, '::1');
    assert.strictEqual(r.family, 'IPv6');
    assert.strictEqual(r.port, a.port);
    c.close();
    s6.close(dual);
    steps++;
  });
  s6.on('message', function (m, r) {
    assert.strictEqual(r.family, 'IPv6');
    s6.send(m, r.port, r.address);
  });
});

function dual() {
  var d = dgram.createSocket('udp6');
  d.bind(0, function () {
    var a = d.address();
    assert.strictEqual(a.address, '::');
    var c = dgram.createSocket('udp4');
    d.on('message', function (m, r) {
      assert.strictEqual(m.toString(), 'four');
      assert.strictEqual(r.address, '::ffff:127.0.0.1');
      assert.strictEqual(r.family, 'IPv6');
      assert.strictEqual(r.port, c.address().port);
      c.close();
      d.close(v6only);
      steps++;
    });
    c.send('four', a.port, '127.0.0.1');
  });
}

function v6only() {
  var o = dgram.createSocket({ type: 'udp6', ipv6Only: true });
  o.bind(0, function () {
    // the port is free for IPv4: an ipv6Only socket does not hold it
    var c = dgram.createSocket('udp4');
    c.bind(o.address().port, '127.0.0.1', function () {
      c.close();
      o.close();
      steps++;
    });
  });
}
process.on('exit', function () { assert.strictEqual(steps, 3); });
