// Ordering of Promise jobs, nextTick, timers, immediates and I/O callbacks; the .expected file is node v20's output.
// Only orders node guarantees (from a timer callback the immediates run before the next
// timer); on mps2-an385 a socket's 'close' comes in another phase than on linux, so
// nothing here orders a timer against an immediate from an I/O callback.
var net = require('net');
var log = [];
function L(s) { log.push(s); }
function both(label) {
  Promise.resolve().then(function () { L(label + ' micro'); });
  process.nextTick(function () { L(label + ' tick'); });
}
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
Promise.resolve(Promise.resolve(2)).then(function (v) { L('adopted ' + v); });
new Promise(function (res) { res(Promise.resolve(3)); }).then(function (v) { L('resolved with promise ' + v); });
Promise.resolve().then(function () { L('a1'); }).then(function () { L('a2'); }).then(function () { L('a3'); });
Promise.resolve().then(function () { L('b1'); }).then(function () { L('b2'); }).then(function () { L('b3'); });
setTimeout(function () {
  L('timeout A');
  both('timeout A');
  setImmediate(function () { L('immediate 1'); both('immediate 1'); });
  setImmediate(function () { L('immediate 2'); });
  setTimeout(function () {
    L('timeout B');
    both('timeout B');
    var server = net.createServer(function (c) {
      L('connection');
      both('connection');
      c.end();
      server.close();
    });
    server.listen(0, '127.0.0.1', function () {
      L('listening');
      both('listening');
      var s = net.connect(server.address().port, '127.0.0.1');
      s.on('close', function () {
        L('client close');
        both('client close');
        setImmediate(function () { L('immediate 3'); both('immediate 3'); });
      });
      s.resume();
    });
  }, 0);
}, 0);
L('main end');
process.on('exit', function () { console.log(log.join('\n')); });
