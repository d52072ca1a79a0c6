// More sockets than a small board's stack has pcbs for (mps2-an385: 8 UDP pcbs, one of
// them DNS's): each bind either gives 'listening' or a coded 'error' (ENOMEM, syscall
// 'bind'), never a crash; once they are closed every pcb is back and a bind works.
var assert = require('assert');
var dgram = require('dgram');
var K = 12, settled = 0, ok = 0, failed = 0, socks = [];
for (var i = 0; i < K; i++) {
  (function (s) {
    socks.push(s);
    s.on('listening', function () { ok++; done(); });
    s.on('error', function (e) {
      assert.strictEqual(e.code, 'ENOMEM');
      assert.strictEqual(e.syscall, 'bind');
      assert.throws(function () { s.address(); }, { code: 'EBADF' }); // back to unbound
      failed++;
      done();
    });
    s.bind(0, '127.0.0.1');
  })(dgram.createSocket('udp4'));
}
var finished = false;
function done() {
  if (++settled < K) return;
  assert.ok(ok >= 4, ok + ' bound');
  socks.forEach(function (s) { s.close(); });
  var again = [];
  for (var j = 0; j < ok; j++) again.push(dgram.createSocket('udp4'));
  var n = 0;
  again.forEach(function (s) {
    s.bind(0, '127.0.0.1', function () {
      if (++n < again.length) return;
      again.forEach(function (x) { x.close(); });
      finished = true;
    });
  });
}
process.on('exit', function () { assert.ok(finished); });
