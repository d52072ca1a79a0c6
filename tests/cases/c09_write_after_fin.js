// Peer ends first (allowHalfOpen false): a write inside 'end' is still delivered;
// after the automatic end, write() returns false and its callback gets EPIPE.
var net = require('net');
var server = net.createServer(function (s) {
  var got = '';
  s.on('data', function (d) { got += d; });
  s.on('end', function () { console.log('server got ' + got); });
  s.end('bye');
});
server.listen(0, '127.0.0.1', function () {
  var c = net.connect(server.address().port, '127.0.0.1');
  c.resume();
  c.on('end', function () {
    console.log('in end: writable ' + c.writable + ' writableEnded ' + c.writableEnded);
    c.write('reply from end', function (e) { console.log('write in end cb ' + e); });
  });
  c.on('error', function (e) { console.log('error ' + e.code); });
  c.on('close', function (h) {
    console.log('close ' + h);
    console.log('write after close returns ' + c.write('late', function (e) { console.log('late cb ' + (e && e.code)); }));
    server.close();
  });
});
