// Helper for tests/tap/run.sh, run by node on the Linux side: a minimal DNS
// server on argv[2]:53 that answers A queries for "petrel.test" with argv[3]
// and NXDOMAIN for every other name.
var dgram = require('dgram');
var sock = dgram.createSocket('udp4');
sock.on('message', function (q, rinfo) {
  var i = 12, labels = [];
  while (q[i] !== 0) { labels.push(q.slice(i + 1, i + 1 + q[i]).toString()); i += q[i] + 1; }
  var qtype = q.readUInt16BE(i + 1), qend = i + 5;
  var name = labels.join('.').toLowerCase(), known = name === 'petrel.test';
  var hdr = Buffer.alloc(12);
  q.copy(hdr, 0, 0, 2);
  hdr.writeUInt16BE(known ? 0x8180 : 0x8183, 2);
  hdr.writeUInt16BE(1, 4);
  var answer = Buffer.alloc(0);
  if (known && qtype === 1) {
    answer = Buffer.alloc(16);
    answer.writeUInt16BE(0xc00c, 0);
    answer.writeUInt16BE(1, 2);
    answer.writeUInt16BE(1, 4);
    answer.writeUInt32BE(60, 6);
    answer.writeUInt16BE(4, 10);
    process.argv[3].split('.').forEach(function (b, k) { answer[12 + k] = +b; });
    hdr.writeUInt16BE(1, 6);
  }
  sock.send(Buffer.concat([hdr, q.slice(12, qend), answer]), rinfo.port, rinfo.address);
});
sock.bind(53, process.argv[2], function () { console.log('dns ready'); });
