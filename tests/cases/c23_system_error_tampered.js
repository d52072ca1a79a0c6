// System errors (a refused connect, a port in use) and process.emitWarning's warnings
// are made from the runtime's own Error, not the global one: a script that replaced the
// global Error still gets real errors with node's fields and messages.
var net = require('net');
var RealError = Error;
global.Error = function () { throw new RangeError('the user\'s Error ran'); };

function show(what, e, message) {
  console.log(what + ': ' + (message || e.message) + ' | ' + e.code + ' ' + e.syscall + ' | real Error: ' + (e instanceof RealError) +
    ' | keys ' + Object.keys(e).join(','));
}

var server = net.createServer(function (s) { s.destroy(); });
server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  var other = net.createServer();
  other.on('error', function (e) {
    show('listen', e, e.message.replace(String(port), 'PORT'));
    refused();
  });
  other.listen(port, '127.0.0.1');
});

function refused() {
  var c = net.connect(1, '127.0.0.1');
  c.on('error', function (e) { show('connect', e); server.close(); warnings(); });
}

function warnings() {
  process.on('warning', function (w) {
    console.log('warning: ' + w.name + ' ' + w.message + ' | real Error: ' + (w instanceof RealError));
  });
  process.emitWarning('made from a string', 'MyWarning');
  process.emitWarning(new TypeError('an error given'));
}
