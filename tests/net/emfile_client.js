// node emfile_client.js PORT N: opens N connections to a server short of
// descriptors, closes them, then sends "ping" on a new one and prints the reply.
var net = require('net');
var port = +process.argv[2], n = +process.argv[3], socks = [], done = 0, ended = 0;
function next() {
  if (done === n) return closeAll();
  var s = net.connect(port, '127.0.0.1');
  socks.push(s);
  var settled = false;
  function settle() { if (!settled) { settled = true; done++; next(); } }
  s.on('connect', function () { setTimeout(settle, 5); });
  s.on('end', function () { ended++; });
  s.on('error', settle);
  s.on('close', settle);
}
function closeAll() {
  socks.forEach(function (s) { s.destroy(); });
  console.log('connections the server ended at once: ' + (ended > 0 ? 'some' : 'none'));
  setTimeout(function () {
    var s = net.connect(port, '127.0.0.1', function () { s.write('ping'); });
    var reply = '';
    s.on('data', function (d) { reply += d; });
    s.on('end', function () { console.log('reply: ' + reply); });
    s.on('error', function (e) { console.log('error: ' + e.code); });
  }, 200);
}
next();
