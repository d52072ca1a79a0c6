// The states' flags are bits of one number behind accessors (modules/stream_packed.c),
// a socket's server and allowHalfOpen come from its prototype until set, and a
// writable state gets its stream on the first write: user code must still read
// and write the same values as in Node.
'use strict';
var assert = require('assert');
var stream = require('stream');
var net = require('net');

var r = new stream.Readable({ read: function () {} });
var rs = r._readableState;
var rDefaults = {
  flowing: null, ended: false, endEmitted: false, reading: false, sync: true, needReadable: false,
  emittedReadable: false, readableListening: false, resumeScheduled: false, errorEmitted: false,
  destroyed: false, closed: false, closeEmitted: false, readingMore: false, dataEmitted: false
};
Object.keys(rDefaults).forEach(function (k) { assert.strictEqual(rs[k], rDefaults[k], 'readable ' + k); });
var w = new stream.Writable({ write: function (c, e, cb) { cb(); } });
var ws = w._writableState;
var wDefaults = {
  finalCalled: false, needDrain: false, ending: false, ended: false, finished: false, destroyed: false,
  writing: false, sync: true, bufferProcessing: false, prefinished: false, errorEmitted: false,
  closed: false, closeEmitted: false
};
Object.keys(wDefaults).forEach(function (k) { assert.strictEqual(ws[k], wDefaults[k], 'writable ' + k); });

// Each state has its own flags; JS writes and reads them as plain fields.
var r2 = new stream.Readable({ read: function () {} });
r2._readableState.needReadable = true;
assert.strictEqual(r2._readableState.needReadable, true);
assert.strictEqual(rs.needReadable, false);
r2._readableState.flowing = false;
assert.strictEqual(r2.readableFlowing, false);
assert.strictEqual(r2.isPaused(), true);
r2._readableState.flowing = null;
assert.strictEqual(r2.readableFlowing, null);
// As in Node 20, a flag stores a value's truthiness; flowing keeps null (and
// undefined as null).
r2._readableState.reading = 5;
assert.strictEqual(r2._readableState.reading, true);
r2._readableState.reading = null;
assert.strictEqual(r2._readableState.reading, false);
r2._readableState.flowing = undefined;
assert.strictEqual(r2._readableState.flowing, null);
r2._readableState.flowing = 'yes';
assert.strictEqual(r2._readableState.flowing, true);
r2._readableState.flowing = null;

var got = [];
r.on('data', function (d) { got.push(String(d)); });
assert.strictEqual(rs.flowing, true);
r.push('a');
r.push(null);
w.write('x');
w.end();

// Sockets: server, _server and allowHalfOpen as Node has them.
var client = new net.Socket();
assert.strictEqual(client.server, null);
assert.strictEqual(client._server, null);
assert.strictEqual(client.allowHalfOpen, false);
assert.strictEqual(new net.Socket({ allowHalfOpen: true }).allowHalfOpen, true);
assert.strictEqual(new stream.Duplex().allowHalfOpen, true);
assert.strictEqual(new stream.Duplex({ allowHalfOpen: false }).allowHalfOpen, false);

var seen = 0;
function check(srv, halfOpen, c) {
  assert.strictEqual(c.server, srv);
  assert.strictEqual(c._server, srv);
  assert.strictEqual(c.allowHalfOpen, halfOpen);
  assert.strictEqual(c._readableState.flowing, null);
  c.server = 'other';
  assert.strictEqual(c.server, 'other');
  assert.strictEqual(c._server, srv);
  c.on('data', function (d) { c.end(d); });
  if (halfOpen) c.on('end', function () { c.end(); });
}
var a = net.createServer(function (c) { check(a, false, c); });
var b = net.createServer({ allowHalfOpen: true }, function (c) { check(b, true, c); });
a.listen(0, '127.0.0.1', function () {
  b.listen(0, '127.0.0.1', function () {
    [a, b].forEach(function (srv) {
      var cl = net.connect(srv.address().port, '127.0.0.1', function () { cl.write('ping'); });
      var echo = [];
      cl.on('data', function (d) { echo.push(String(d)); });
      cl.on('end', function () { cl.end(); });
      cl.on('close', function () {
        assert.strictEqual(echo.join(''), 'ping');
        assert.strictEqual(cl._writableState.finished, true);
        assert.strictEqual(cl._readableState.endEmitted, true);
        srv.close();
        if (++seen === 2) {
          assert.deepStrictEqual(got, ['a']);
          assert.strictEqual(rs.endEmitted, true);
          assert.strictEqual(ws.finished, true);
          console.log('ok');
        }
      });
    });
  });
});
