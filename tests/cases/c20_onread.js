// options.onread: data goes into the user's buffer, at most its length at a time, and to
// callback(nread, buf) with the socket as this; no 'data' events; buffer() is asked for
// a buffer for every read, the one that finds the end too; pause() or a false return
// stops reading until resume(), and nothing is lost.
var net = require('net');
var message = Buffer.from('hello world');
function serve(next) {
  var server = net.createServer(function (s) { server.close(); s.end(message); });
  server.listen(0, '127.0.0.1', function () { next(server.address().port); });
}
var cases = [
  function (port, done) {
    var sockBuf = Buffer.alloc(8), got = [];
    net.connect({ port: port, host: '127.0.0.1', onread: { buffer: sockBuf, callback: function (n, buf) {
      got.push(n + ':' + (buf === sockBuf) + ':' + (this instanceof net.Socket) + ':' + buf.toString('latin1', 0, n));
    } } }).on('data', function () { console.log('unexpected data'); }).on('end', function () {
      console.log('static buffer: ' + got.join(' '));
      done();
    });
  },
  function (port, done) {
    var pool = [Buffer.alloc(2), Buffer.alloc(2), Buffer.alloc(2)], idx = -1, asked = 0, got = [];
    net.connect({ port: port, host: '127.0.0.1', onread: {
      buffer: function () { asked++; idx = (idx + 1) % pool.length; return pool[idx]; },
      callback: function (n, buf) { got.push((buf === pool[idx]) + buf.toString('latin1', 0, n)); }
    } }).on('data', function () {}).on('end', function () {
      console.log('buffer pool: ' + got.join('|') + ' asked ' + asked);
      done();
    });
  },
  function (port, done) {
    var got = [], paused = false;
    net.connect({ port: port, host: '127.0.0.1', onread: { buffer: Buffer.alloc(4), callback: function (n, buf) {
      if (paused) console.log('callback while paused');
      got.push(buf.toString('latin1', 0, n));
      paused = true;
      this.pause();
      var self = this;
      setImmediate(function () { paused = false; self.resume(); });
    } } }).on('data', function () {}).on('end', function () {
      console.log('pause in callback: ' + got.join('|'));
      done();
    });
  },
  function (port, done) {
    var got = [], c;
    c = net.connect({ port: port, host: '127.0.0.1', onread: { buffer: Buffer.alloc(3), callback: function (n, buf) {
      got.push(buf.toString('latin1', 0, n) + (this.isPaused() ? '' : ''));
      setImmediate(function () { c.resume(); });
      return false;
    } } });
    c.on('data', function () {}).on('end', function () {
      console.log('false return: ' + got.join('|') + ' bytesRead ' + c.bytesRead);
      done();
    });
  }
];
(function run(i) {
  if (i === cases.length) return;
  serve(function (port) { cases[i](port, function () { run(i + 1); }); });
})(0);
