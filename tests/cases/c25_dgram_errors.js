// dgram's argument checks and state errors, with node's codes, classes and messages;
// EADDRINUSE from a second bind (syscall 'bind', ExceptionWithHostPort's form).
var dgram = require('dgram');
function t(name, f) { try { var r = f(); console.log(name, 'ok', r === undefined ? '' : r); } catch (e) { console.log(name, e.name, e.code, e.message); } }
var s = dgram.createSocket('udp4');
t('bad type', function () { dgram.createSocket('udp5'); });
t('bad type obj', function () { dgram.createSocket({ type: 'tcp' }); });
t('address unbound', function () { return s.address(); });
t('remote unbound', function () { return s.remoteAddress(); });
t('setBroadcast unbound', function () { s.setBroadcast(true); });
t('setTTL str', function () { s.setTTL('a'); });
t('connect port 0', function () { s.connect(0, '127.0.0.1'); });
t('connect port str', function () { s.connect('abc'); });
t('connect addr num', function () { s.connect(80, 5); });
t('send bad buf', function () { s.send(5, 80, '127.0.0.1'); });
t('send bad list', function () { s.send([1, 2], 80, '127.0.0.1'); });
t('send port neg', function () { s.send('x', -1, '127.0.0.1'); });
t('send addr num', function () { s.send('x', 80, 5); });
t('send offset oob', function () { s.send(Buffer.alloc(4), 5, 1, 80, '127.0.0.1'); });
t('send length oob', function () { s.send(Buffer.alloc(4), 1, 4, 80, '127.0.0.1'); });
t('disconnect', function () { s.disconnect(); });
t('recv buf size unbound', function () { s.getRecvBufferSize(); });
t('bad buf size', function () { s.setRecvBufferSize(-1); });
t('addMembership none', function () { s.addMembership(); });
s.bind(0, '127.0.0.1', function () {
  t('bind again', function () { s.bind(0); });
  t('setTTL 0', function () { s.setTTL(0); });
  t('setTTL 64', function () { return s.setTTL(64); });
  t('setBroadcast', function () { s.setBroadcast(true); });
  t('remote not connected', function () { s.remoteAddress(); });
  var p = s.address().port;
  var b = dgram.createSocket('udp4');
  b.on('error', function (e) {
    console.log('b error', e.message === 'bind EADDRINUSE 127.0.0.1:' + p, e.code, e.errno, e.syscall, e.address, e.port === p, Object.keys(e).join());
    b.close(function () {
      s.close();
      t('close twice', function () { s.close(); });
      t('send closed', function () { s.send('x', 80, '127.0.0.1'); });
      t('bind closed', function () { s.bind(); });
      t('address closed', function () { s.address(); });
      t('ref closed', function () { return s.ref() === s; });
    });
  });
  b.bind(p, '127.0.0.1');
});
