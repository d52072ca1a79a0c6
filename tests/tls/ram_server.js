// Host peer of ram.js (node): one TLS connection; sends N bytes in one write (full
// 16 KB records, the most a board's input buffer must hold) and reads what the
// client sends. Usage: node ram_server.js CERTS_DIR PORT N [rsa|ec]
var tls = require('tls'), fs = require('fs'), a = process.argv, n = +a[4];
var name = a[5] === 'ec' ? 'server-ec' : 'server';
var s = tls.createServer({ key: fs.readFileSync(a[2] + '/' + name + '.key'), cert: fs.readFileSync(a[2] + '/' + name + '.crt') },
  function (c) {
    var got = 0;
    c.on('data', function (d) { got += d.length; if (got >= n) c.end(); });
    c.on('error', function () {});
    c.write(Buffer.alloc(n, 0x62));
    s.close();
  });
s.listen(+a[3], '127.0.0.1', function () { console.log('ready'); });
