// A UDP echo server for real peers (tests/net/real_peers.sh): prints "port N", echoes
// every datagram to its sender, and closes after COUNT datagrams (argv[2], default 1).
var dgram = require('dgram');
var left = +process.argv[2] || 1;
var s = dgram.createSocket('udp4');
s.on('message', function (m, r) {
  s.send(m, r.port, r.address, function () {
    if (--left === 0) s.close();
  });
});
s.bind(0, '127.0.0.1', function () { console.log('port ' + s.address().port); });
