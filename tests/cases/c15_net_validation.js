// Arguments node's net checks, with its codes, classes and messages (one validator
// module in Petrel: modules/internal/validators.js).
var net = require('net');
function attempt(what, fn) {
  try {
    var r = fn();
    console.log(what + ': no error');
    if (r && typeof r.destroy === 'function') r.destroy();
  } catch (e) {
    console.log(what + ': ' + e.name + ' ' + e.code + ' | ' + e.message);
  }
}
attempt('lookup foobar', function () { return net.connect({ host: 'localhost', port: 80, lookup: 'foobar' }); });
attempt('lookup {}', function () { return net.connect({ host: 'localhost', port: 80, lookup: {} }); });
attempt('localPort foobar', function () { return net.connect({ host: 'localhost', port: 80, localPort: 'foobar' }); });
attempt('localAddress foobar', function () { return net.connect({ host: 'localhost', port: 80, localAddress: 'foobar' }); });
attempt('path {}', function () { return net.createConnection({ path: {} }); });
attempt('autoSelectFamily INVALID', function () { return net.connect({ port: 8080, autoSelectFamily: 'INVALID' }); });
attempt('autoSelectFamilyAttemptTimeout -10', function () {
  return net.connect({ port: 8080, autoSelectFamily: true, autoSelectFamilyAttemptTimeout: -10 });
});
attempt('autoSelectFamilyAttemptTimeout 1.5', function () {
  return net.connect({ port: 8080, autoSelectFamilyAttemptTimeout: 1.5 });
});
attempt('setDefaultAutoSelectFamilyAttemptTimeout 0', function () { net.setDefaultAutoSelectFamilyAttemptTimeout(0); });
net.setDefaultAutoSelectFamilyAttemptTimeout(9);
console.log('attempt timeout after 9: ' + net.getDefaultAutoSelectFamilyAttemptTimeout());
attempt('setDefaultAutoSelectFamily 1', function () { net.setDefaultAutoSelectFamily(1); });
attempt('objectMode', function () { return net.createConnection({ port: 8080, objectMode: true }); });
attempt('readableObjectMode', function () { return new net.Socket({ readableObjectMode: true }); });
attempt('writableObjectMode', function () { return new net.Socket({ writableObjectMode: 1 }); });
attempt('hints 3370', function () { return net.connect({ port: 42, hints: 3370 }); });
attempt('hints string', function () { return net.connect({ port: 42, hints: 'x' }); });
attempt('keepAliveInitialDelay string', function () { return net.connect({ port: 42, keepAlive: true, keepAliveInitialDelay: '1' }); });
attempt('listen signal', function () { return net.createServer().listen({ port: 0, signal: 'INVALID_SIGNAL' }); });
attempt('listen {}', function () { return net.createServer().listen({}); });
attempt('listen {port: true}', function () { return net.createServer().listen({ port: true }); });
attempt('listen -1', function () { return net.createServer().listen(-1); });
attempt('write true', function () { return new net.Socket().write(true); });
attempt('write {}', function () { return new net.Socket().write({}); });
