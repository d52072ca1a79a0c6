// connect() on a socket that is connected or connecting: one more 'connect' on the
// same connection (whatever the address), then EISCONN; EALREADY while connecting;
// EISCONN at once on an accepted socket. Never a second connection.
var net = require('net');
function show(e) { return e.code + ' ' + e.syscall + ' ' + e.message.replace(/:\d+/g, ':PORT'); }
var accepted = 0;
var s1 = net.createServer(function (s) {
  accepted++;
  s.resume();
  s.on('end', function () { s.end(); });
});
var s2 = net.createServer(function (s) {
  s.on('error', function (e) { console.log('accepted socket: ' + show(e)); });
  s.on('close', function () { console.log('accepted socket closed'); });
  s.connect(s1.address().port, '127.0.0.1');
});
function again(next) {
  var c = net.connect(s1.address().port, '127.0.0.1');
  var k = 0;
  c.on('connect', function () {
    k++;
    var remote = c.remotePort === s1.address().port ? 's1' : 's2';
    console.log('connect ' + k + ' remote ' + remote + ' accepted ' + accepted);
    if (k < 3) c.connect(s2.address().port, '127.0.0.1');
  });
  c.on('error', function (e) { console.log('error ' + show(e)); });
  c.on('close', function (h) { console.log('close ' + h); next(); });
}
function twiceWhileConnecting(next) {
  var c = net.connect(s1.address().port, '127.0.0.1');
  c.connect(s1.address().port, '127.0.0.1');
  console.log('connecting ' + c.connecting);
  c.on('connect', function () { console.log('unexpected connect'); });
  c.on('error', function (e) { console.log('error ' + show(e)); });
  c.on('close', function (h) { console.log('close ' + h); next(); });
}
function acceptedSide(next) {
  var c = net.connect(s2.address().port, '127.0.0.1');
  c.resume();
  c.on('close', function (h) { console.log('client of s2 closed ' + h); next(); });
}
s1.listen(0, '127.0.0.1', function () {
  s2.listen(0, '127.0.0.1', function () {
    again(function () {
      twiceWhileConnecting(function () {
        acceptedSide(function () { s1.close(); s2.close(); });
      });
    });
  });
});
