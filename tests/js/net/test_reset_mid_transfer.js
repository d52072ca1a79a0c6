// The peer resets (RST) in the middle of a transfer: the sender gets 'error' ECONNRESET
// or EPIPE, then 'close'(true); no 'end'; the runtime keeps running.
var assert = require('assert');
var net = require('net');
var events = [];
var server = net.createServer(function (s) {
  var n = 0;
  s.on('data', function (d) {
    n += d.length;
    if (n > 100000) s.resetAndDestroy();
  });
});
server.listen(0, '127.0.0.1', function () {
  var c = net.connect(server.address().port, '127.0.0.1');
  var buf = Buffer.alloc(16384, 1), timer;
  c.on('connect', function () {
    timer = setInterval(function () { c.write(buf); }, 1);
  });
  c.on('end', function () { events.push('end'); });
  c.on('error', function (e) {
    events.push('error');
    assert.ok(e.code === 'ECONNRESET' || e.code === 'EPIPE', e.code);
    assert.ok(typeof e.errno === 'number' && e.errno < 0);
    assert.ok(e.syscall === 'read' || e.syscall === 'write');
  });
  c.on('close', function (hadError) {
    events.push('close ' + hadError);
    clearInterval(timer);
    server.close();
  });
});
process.on('exit', function () {
  assert.deepStrictEqual(events, ['error', 'close true']);
});
