// A UDP client for real peers (tests/net/real_peers.sh): sends datagrams of 1..60000
// bytes to 127.0.0.1:PORT (argv[2]) one at a time, each after the previous one's echo,
// checks each echo byte for byte, and prints "echoed N mismatches M".
var dgram = require('dgram');
var port = +process.argv[2];
var sizes = [1, 100, 1472, 1473, 9000, 60000, 0, 65507], i = 0, bad = 0;
var c = dgram.createSocket('udp4');
function payload(n) {
  var b = Buffer.alloc(n);
  for (var k = 0; k < n; k++) b[k] = (k * 7 + n) & 0xff;
  return b;
}
c.on('message', function (m) {
  if (!m.equals(payload(sizes[i]))) bad++;
  if (++i === sizes.length) {
    console.log('echoed ' + i + ' mismatches ' + bad);
    return c.close();
  }
  c.send(payload(sizes[i]), port, '127.0.0.1');
});
c.send(payload(sizes[0]), port, '127.0.0.1');
