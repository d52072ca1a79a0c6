// The Writable state's counters, highWaterMark and flags live in one C block
// (modules/stream_packed.c): user code reads and writes them by name as in Node,
// each state has its own values, and a write through JS is what C then sees.
'use strict';
var assert = require('assert');
var stream = require('stream');

var pending = [];
var w = new stream.Writable({ highWaterMark: 10, write: function (c, e, cb) { pending.push(cb); } });
var ws = w._writableState;
var other = new stream.Writable({ write: function (c, e, cb) { cb(); } });
var os = other._writableState;
assert.strictEqual(ws.highWaterMark, 10);
assert.strictEqual(w.writableHighWaterMark, 10);
assert.strictEqual(os.highWaterMark, 16384);
assert.strictEqual(new stream.Writable({ objectMode: true })._writableState.highWaterMark, 16);
assert.strictEqual(new stream.Duplex({ writableHighWaterMark: 7 })._writableState.highWaterMark, 7);

assert.strictEqual(w.write(Buffer.alloc(4)), true);
assert.strictEqual(ws.length, 4);
assert.strictEqual(ws.writelen, 4);
assert.strictEqual(ws.pendingcb, 1);
assert.strictEqual(ws.writing, true);
assert.strictEqual(w.write('abcdefgh'), false); // queued: 12 >= 10
assert.strictEqual(w.writableLength, 12);
assert.strictEqual(ws.needDrain, true);
assert.strictEqual(w.writableNeedDrain, true);
assert.strictEqual(ws.bufferedIndex, 0);
assert.strictEqual(ws.buffered.length, 1);
// the other state and the defaults did not move
assert.strictEqual(os.length, 0);
assert.strictEqual(os.writing, false);
assert.strictEqual(os.needDrain, false);
assert.strictEqual(os.pendingcb, 0);

// JS writes reach C: a higher mark makes the next write return true
ws.highWaterMark = 100;
assert.strictEqual(w.writableHighWaterMark, 100);
assert.strictEqual(w.write(Buffer.alloc(1)), true);
assert.strictEqual(ws.length, 13);
ws.highWaterMark = 3;
assert.strictEqual(ws.highWaterMark, 3);
assert.strictEqual(w.write(Buffer.alloc(1)), false);

w.cork();
assert.strictEqual(ws.corked, 1);
assert.strictEqual(w.writableCorked, 1);
w.uncork();
assert.strictEqual(ws.corked, 0);

var drained = 0;
w.on('drain', function () { drained++; });
var done = 0;
function next() {
  var cb = pending.shift();
  if (cb) {
    cb();
    setImmediate(next);
    return;
  }
  assert.strictEqual(ws.length, 0);
  assert.strictEqual(ws.pendingcb, 0);
  assert.strictEqual(ws.writing, false);
  assert.strictEqual(drained, 1);
  done++;
  w.end(function () {
    assert.strictEqual(ws.finished, true);
    assert.strictEqual(ws.ending, true);
    assert.strictEqual(os.finished, false);
    assert.strictEqual(done, 1);
    console.log('ok');
  });
}
setImmediate(next);
