// connect() again on a closed socket (how MQTT and WebSocket clients recover): after a
// clean close, and after a refused connect. Each connection counts its own bytes.
var net = require('net');
var n = 0;
var server = net.createServer(function (s) {
  n++;
  s.end('hello ' + n);
  s.resume();
});
server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  var c = net.connect(port, '127.0.0.1');
  var round = 0;
  c.setEncoding('utf8');
  c.on('connect', function () {
    round++;
    console.log('connect ' + round + ' pending ' + c.pending + ' readyState ' + c.readyState + ' local ' + (c.localAddress === '127.0.0.1'));
    c.write('ab');
  });
  c.on('data', function (d) { console.log('data ' + d); });
  c.on('end', function () { console.log('end'); });
  c.on('close', function (h) {
    console.log('close ' + h + ' bytesRead ' + c.bytesRead + ' bytesWritten ' + c.bytesWritten + ' destroyed ' + c.destroyed);
    if (round < 3) {
      c.connect(port, '127.0.0.1');
      console.log('reconnecting: destroyed ' + c.destroyed + ' connecting ' + c.connecting + ' readyState ' + c.readyState);
    } else server.close(refused);
  });
});


function refused() {
  var probe = net.createServer();
  probe.listen(0, '127.0.0.1', function () {
    var port = probe.address().port;
    probe.close(function () {
      var c = net.connect(port, '127.0.0.1');
      var server = null;
      c.setEncoding('utf8');
      c.on('error', function (e) { console.log('error ' + e.code + ' ' + e.syscall); });
      c.on('connect', function () { console.log('connect'); });
      c.on('data', function (d) { console.log('data ' + d); });
      c.on('end', function () { console.log('end'); });
      c.on('close', function (hadError) {
        console.log('close ' + hadError);
        if (server) { server.close(function () { console.log('server closed'); }); return; }
        server = net.createServer(function (s) { s.end('welcome'); });
        server.listen(port, '127.0.0.1', function () { c.connect(port, '127.0.0.1'); });
      });
    });
  });
}
