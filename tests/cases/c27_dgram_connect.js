// A connected UDP socket: 'connect' on a later tick, remoteAddress(), send without an
// address (and its error with one), ERR_SOCKET_DGRAM_IS_CONNECTED, disconnect, and
// ref/unref: an unref'd bound socket does not hold the process.
var dgram = require('dgram');
function attempt(what, fn) {
  try { var r = fn(); console.log(what + ': ok' + (r === undefined ? '' : ' ' + r)); } catch (e) {
    console.log(what + ': ' + e.name + ' ' + e.code + ' | ' + e.message);
  }
}
var srv = dgram.createSocket('udp4');
srv.bind({ port: 0, address: '127.0.0.1' }, function () {
  var port = srv.address().port;
  var c = dgram.createSocket({ type: 'udp4' });
  c.connect(port, '127.0.0.1', function () {
    console.log('connect callback');
    var r = c.remoteAddress();
    console.log('remote ' + r.address + ' ' + r.family + ' ' + (r.port === port));
    attempt('connect again', function () { c.connect(port, '127.0.0.1'); });
    attempt('send with port', function () { c.send('x', port, '127.0.0.1'); });
    c.send('hello', function (err, n) { console.log('sent ' + err + ' ' + n); });
  });
  c.on('connect', function () { console.log('connect event'); });
  console.log('after connect (sync)');
  var first = true;
  srv.on('message', function (m, r) {
    console.log('server got ' + m + (first ? ' from the client ' + (r.port === c.address().port) : ''));
    if (!first) return;
    first = false;
    attempt('disconnect', function () { c.disconnect(); });
    attempt('remote after disconnect', function () { c.remoteAddress(); });
    attempt('disconnect again', function () { c.disconnect(); });
    c.unref();
    srv.unref();
    console.log('unref returns the socket ' + (srv.unref() === srv));
  });
});
process.on('exit', function () { console.log('exit with both bound and unref'); });
