// Ordering of Promise jobs, nextTick, timers, immediates and I/O callbacks; the .expected file is node v20's output.
var net = require('net');
var log = [];
function L(s) { log.push(s); }
setTimeout(function () {
  L('timeout1');
  Promise.resolve().then(function () { L('timeout1 micro'); });
  process.nextTick(function () { L('timeout1 tick'); });
}, 0);
setTimeout(function () { L('timeout2'); }, 0);
setImmediate(function () {
  L('immediate1');
  Promise.resolve().then(function () { L('immediate1 micro'); });
  process.nextTick(function () { L('immediate1 tick'); });
});
setImmediate(function () { L('immediate2'); });
Promise.resolve().then(function () {
  L('micro1');
  process.nextTick(function () { L('tick from micro'); });
  Promise.resolve().then(function () { L('micro from micro'); });
});
queueMicrotask(function () { L('queueMicrotask'); });
process.nextTick(function () {
  L('tick1');
  Promise.resolve().then(function () { L('micro from tick'); });
  process.nextTick(function () { L('tick from tick'); });
});
new Promise(function (res) { L('executor sync'); res(1); }).then(function (v) { L('then ' + v); });
var p = Promise.resolve(Promise.resolve(2));
p.then(function (v) { L('adopted ' + v); });
new Promise(function (res) { res(Promise.resolve(3)); }).then(function (v) { L('resolved with promise ' + v); });
Promise.resolve().then(function () { L('a1'); }).then(function () { L('a2'); }).then(function () { L('a3'); });
Promise.resolve().then(function () { L('b1'); }).then(function () { L('b2'); }).then(function () { L('b3'); });
var server = net.createServer(function (c) {
  L('connection');
  Promise.resolve().then(function () { L('connection micro'); });
  process.nextTick(function () { L('connection tick'); });
  c.end();
  server.close();
});
server.listen(0, '127.0.0.1', function () {
  L('listening');
  Promise.resolve().then(function () { L('listening micro'); });
  var s = net.connect(server.address().port, '127.0.0.1');
  s.on('close', function () {
    L('client close');
    Promise.resolve().then(function () { L('close micro'); });
  });
  s.resume();
});
L('main end');
process.on('exit', function () { console.log(log.join('\n')); });
