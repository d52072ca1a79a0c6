// Writable/Readable rules the net module depends on: write() result and callback
// order, write after end / destroy, end twice, 'end' needing a consumer, pipe with
// backpressure, destroy(err) ordering.
var assert = require('assert');
var stream = require('stream');
var log = [];

// write() is judged after the synchronous _write attempt
var sync = new stream.Writable({ write: function (c, e, cb) { cb(); } });
assert.strictEqual(sync.write(Buffer.alloc(20000)), true);
assert.strictEqual(sync.writableLength, 0);
var slow = new stream.Writable({ highWaterMark: 10, write: function (c, e, cb) { setTimeout(cb, 2); } });
assert.strictEqual(slow.write('12345'), true);
assert.strictEqual(slow.write('67890'), false);
assert.strictEqual(slow.writableNeedDrain, true);
slow.on('drain', function () { log.push('drain'); });
slow.write('x', function (err) { log.push('cb x ' + err); });
slow.end(function () { log.push('end cb'); });
slow.end(function () { log.push('end cb 2'); });
slow.on('finish', function () {
  log.push('finish');
  slow.end(function (err) { log.push('late end ' + (err && err.code)); });
});

// write after end -> callback error, then 'error', then 'close'
var w = new stream.Writable({ write: function (c, e, cb) { cb(); } });
w.end();
var weLog = [];
w.on('error', function (e) { weLog.push('error ' + e.code); });
w.on('close', function () { weLog.push('close'); });
assert.strictEqual(w.write('x', function (e) { weLog.push('cb ' + e.code); }), false);

// write after destroy -> only the callback
var d = new stream.Writable({ write: function (c, e, cb) { cb(); } });
d.destroy();
var dLog = [];
d.on('error', function () { dLog.push('error (unexpected)'); });
d.write('x', function (e) { dLog.push('cb ' + e.code); });

// invalid chunks throw synchronously and leave the stream usable
var v = new stream.Writable({ write: function (c, e, cb) { cb(); } });
assert.throws(function () { v.write(5); }, { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(function () { v.write(null); }, { code: 'ERR_STREAM_NULL_VALUES' });
assert.throws(function () { v.write('x', 'bogus'); }, { code: 'ERR_UNKNOWN_ENCODING' });
assert.strictEqual(v.write('ok'), true);

// 'end' needs a consumer when data was buffered
var r = new stream.Readable({ read: function () {} });
var ended = false;
r.on('end', function () { ended = true; });
r.push('data');
r.push(null);
setTimeout(function () {
  assert.strictEqual(ended, false, "no 'end' while data sits unread");
  r.resume();
}, 10);

// pipe honours backpressure: a slow sink never holds more than its highWaterMark + one chunk
var produced = 0, maxQueued = 0, received = 0;
var src = new stream.Readable({
  read: function () {
    if (produced >= 200) { this.push(null); return; }
    produced++;
    this.push(Buffer.alloc(1000, 1));
  }
});
var sink = new stream.Writable({
  highWaterMark: 4000,
  write: function (c, e, cb) {
    received += c.length;
    if (this.writableLength > maxQueued) maxQueued = this.writableLength;
    setImmediate(cb);
  }
});
src.pipe(sink);

// destroy(err): 'error' then 'close', once
var x = new stream.Duplex({ read: function () {}, write: function (c, e, cb) { cb(); } });
var xLog = [];
x.on('error', function (e) { xLog.push('error ' + e.message); });
x.on('close', function () { xLog.push('close'); });
x.destroy(new Error('first'));
x.destroy(new Error('second'));
assert.strictEqual(x.destroyed, true);

process.on('exit', function () {
  // no 'drain': end() was called before the queue emptied (as in Node)
  assert.deepStrictEqual(log, ['cb x null', 'end cb', 'end cb 2', 'finish', 'late end ERR_STREAM_ALREADY_FINISHED']);
  assert.deepStrictEqual(weLog, ['cb ERR_STREAM_WRITE_AFTER_END', 'error ERR_STREAM_WRITE_AFTER_END', 'close']);
  assert.deepStrictEqual(dLog, ['cb ERR_STREAM_DESTROYED']);
  assert.ok(ended);
  assert.strictEqual(received, 200000);
  assert.ok(maxQueued <= 5000, 'sink queue bounded: ' + maxQueued);
  assert.deepStrictEqual(xLog, ['error first', 'close']);
  assert.strictEqual(x.errored.message, 'first');
});
