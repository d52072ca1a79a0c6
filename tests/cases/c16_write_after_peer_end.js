// Both sides ended: a write in 'end' fails with EPIPE; the callback and then 'error'
// come on later ticks, not during the write (node's test-net-write-after-end-nt).
var net = require('net');
var server = net.createServer(function (s) { s.end(); });
server.listen(0, '127.0.0.1', function () {
  var client = net.connect(server.address().port, '127.0.0.1', function () {
    var inWrite = true;
    client.on('error', function (e) {
      console.log('error ' + e.code + ' during write ' + inWrite + ': ' + e.message);
      server.close();
    });
    client.on('end', function () {
      var ret = client.write('hello', function (e) { console.log('write cb ' + e.code + ' ' + e.name); });
      console.log('write returned ' + ret + ', destroyed ' + client.destroyed);
      inWrite = false;
    });
    client.on('close', function (h) { console.log('close ' + h); });
    client.end();
  });
});
