// Run in the REPL's raw mode under PETREL_HEAP_LIMIT (raw_oom_sweep.py): 400 loopback
// connections echoed by a server, more than the heap holds at every limit the sweep
// tries (up to ~1.1 MB; 200 fitted at its top once a connection cost less). The run
// must end as an uncaught error (exit 1) whose report, the coded out-of-memory error,
// reaches the tool.
'use strict';
var net = require('net');
var N = 400, closed = 0;
var server = net.createServer(function (s) {
  var got = '';
  s.setEncoding('utf8');
  s.on('data', function (d) { got += d; });
  s.on('end', function () { s.end('re:' + got); });
});
server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  for (var i = 0; i < N; i++) {
    (function (i) {
      var c = net.connect(port, '127.0.0.1', function () { c.end(String(i)); });
      var reply = '';
      c.setEncoding('utf8');
      c.on('data', function (d) { reply += d; });
      c.on('close', function () {
        if (++closed === N) server.close(function () { console.log('all ' + N + ' closed'); });
      });
    })(i);
  }
});
