// After a burst of connections, the garbage their reference cycles leave (a socket and
// its listeners' closures) is collected once the loop goes idle, without waiting for
// the next allocation to start Duktape's mark-and-sweep (runtime/loop.c).
var assert = require('assert');
var net = require('net');
var gc = process.binding('core').gc;
var N = 300, C = 8, started = 0, closed = 0;
var server = net.createServer(function (s) { s.end('x'); s.resume(); });
function one(port) {
  started++;
  var c = net.connect(port, '127.0.0.1');
  c.on('data', function () { c.gotData = true; });
  c.on('end', function () { c.end(); });
  c.on('close', function () {
    closed++;
    if (started < N) one(port);
    else if (closed === N) finish();
  });
}
function finish() {
  server.close();
  var afterBurst = process.memoryUsage().heapUsed;
  // Timers never fire early: by then the loop has slept at least once, and before
  // sleeping it collects when the heap has grown.
  setTimeout(function () {
    var idle = process.memoryUsage().heapUsed;
    gc();
    var floor = process.memoryUsage().heapUsed;
    console.log('heap after burst ' + (afterBurst >> 10) + ' KiB, idle ' + (idle >> 10) +
      ' KiB, after a forced collection ' + (floor >> 10) + ' KiB');
    assert(idle <= floor + 16384, 'idle heap ' + idle + ' should be within 16 KiB of ' + floor);
  }, 200);
}
server.listen(0, '127.0.0.1', function () {
  for (var i = 0; i < C; i++) one(server.address().port);
});
