// A paused socket whose buffer is empty still sees the peer's FIN: 'end' comes
// while it is paused (Node keeps reading while paused, up to highWaterMark).
'use strict';
var net = require('net');
var srv = net.createServer(function (s) { s.end('hello'); });
srv.listen(0, '127.0.0.1', function () {
  var c = net.connect(srv.address().port, '127.0.0.1');
  var paused = false;
  c.on('data', function (d) {
    console.log('data', String(d));
    c.pause();
    paused = true;
    setTimeout(function () {
      console.log('resume');
      paused = false;
      c.resume();
    }, 300);
  });
  c.on('end', function () { console.log('end, paused:', paused, 'isPaused():', c.isPaused()); });
  c.on('close', function () { console.log('close'); srv.close(); });
});
