// Values and forms node's net tests read: isIP of odd input, setNoDelay/setKeepAlive
// told to the handle only on a change (keepAliveInitialDelay clamped at 0), the 'end'
// listener of a socket without half-open, _connecting, _connectionKey, listen() with
// port undefined/null, listen({fd}) as an 'error', and the DEP0121 warning once.
var net = require('net');
console.log('isIP zone with @: ' + net.isIP('fe80::2008%eth0@1') + ', zone eth0: ' + net.isIP('fe80::2008%eth0') +
  ', object: ' + net.isIP({ toString: function () { return '127.0.0.1'; } }) + ', 123: ' + net.isIP(123) +
  ', null: ' + net.isIP(null));
var calls = [];
function fakeHandle() {
  return {
    setNoDelay: function (on) { calls.push('noDelay ' + on); },
    setKeepAlive: function (on, secs) { calls.push('keepAlive ' + on + ' ' + secs); },
    readStart: function () {}, readStop: function () {}
  };
}
var s = new net.Socket({ handle: fakeHandle() });
s.setNoDelay(false); s.setNoDelay(0); s.setNoDelay(); s.setNoDelay('yes'); s.setNoDelay(''); s.setNoDelay(true);
s.setKeepAlive(true, 1500); s.setKeepAlive(true, 1999); s.setKeepAlive(true, 3000); s.setKeepAlive(false, 3000);
s.setKeepAlive(false);
console.log(calls.join(', '));
console.log('end listeners: ' + new net.Socket().listenerCount('end') + ' ' +
  new net.Socket({ allowHalfOpen: true }).listenerCount('end'));
process.on('warning', function (w) { console.log('warning ' + w.name + ' ' + w.code + ': ' + w.message); });
net._setSimultaneousAccepts(); net._setSimultaneousAccepts();
var delays = [[123, 0], [456123, 456], [-123000, 0], [undefined, 0]];
var server = net.createServer(function (c) { c.end(); });
server.listen({ port: undefined, host: '127.0.0.1' }, function () {
  var a = server.address();
  console.log('port undefined: random port ' + (a.port > 0) + ', key ' +
    (server._connectionKey === '4:127.0.0.1:0'));
  (function next(i) {
    if (i === delays.length) return nullPort();
    var c = net.connect({ port: a.port, host: '127.0.0.1', keepAlive: true, keepAliveInitialDelay: delays[i][0] });
    console.log('connecting ' + c.connecting + ' _connecting ' + c._connecting);
    c._handle.setKeepAlive = function (on, secs) { console.log('keepAlive ' + on + ' ' + secs + ' want ' + delays[i][1]); };
    c.on('connect', function () { console.log('_connecting ' + c._connecting); });
    c.resume();
    c.on('close', function () { next(i + 1); });
  })(0);
});
function nullPort() {
  server.close();
  var s2 = net.createServer();
  s2.listen(null, '127.0.0.1', function () {
    console.log('port null: random port ' + (s2.address().port > 0));
    s2.close();
    net.createServer().listen({ fd: 0 }).on('error', function (e) {
      console.log('fd 0: ' + e.code + ' ' + e.syscall + ' ' + e.message);
    });
  });
}
