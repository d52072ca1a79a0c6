// Names that differ only in case, with the same length ("function"/"Function"), printed
// and used after many strings were made and freed. The C side finds names like these
// through Duktape's literal cache, which knows a string by its C address only
// (tools/duktape_patch.py, edit 17): a key whose bytes changed at a reused address
// would have come back as the other name. linux-asan stops any such key at its first
// use (runtime/static_key.c); here every answer is checked, and the output is node's.
'use strict';
var assert = require('assert');
var EventEmitter = require('events');
var stream = require('stream');

console.log('function'); // the reported case: printed as the first line of the output
var pairs = [['function', 'Function'], ['object', 'Object'], ['string', 'String'], ['number', 'Number'],
  ['boolean', 'Boolean'], ['symbol', 'Symbol'], ['data', 'Data'], ['end', 'End'], ['error', 'Error'],
  ['finish', 'Finish'], ['close', 'Close'], ['listener', 'Listener']];
pairs.forEach(function (p) { console.log(p[0] + ' ' + p[1]); });

// Many short-lived strings of those lengths, in both cases, as keys and values.
function churn() {
  var keep = [];
  for (var i = 0; i < 600; i++) {
    var p = pairs[i % pairs.length];
    var s = (i & 1 ? p[1] : p[0]).split('').join('');
    var o = {};
    o[s] = i;
    o[s.toUpperCase()] = s;
    keep.push(JSON.parse(JSON.stringify(o)));
    if (keep.length > 40) keep.shift();
  }
}

var streamsSeen = [];
for (var round = 0; round < 8; round++) (function (round) {
  churn();
  assert.strictEqual(typeof function () {}, 'function');
  assert.strictEqual(typeof {}, 'object');
  assert.strictEqual(typeof '', 'string');
  assert.strictEqual(typeof 1, 'number');
  assert.strictEqual(typeof true, 'boolean');
  assert.strictEqual(Object.prototype.toString.call(function () {}), '[object Function]');
  var e = new EventEmitter(), got = [];
  e.on('data', function (x) { got.push('data:' + x); });
  e.on('Data', function (x) { got.push('Data:' + x); });
  e.once('end', function () { got.push('end'); });
  e.once('End', function () { got.push('End'); });
  e.emit('data', 1); e.emit('Data', 2); e.emit('end'); e.emit('End'); e.emit('end');
  assert.strictEqual(got.join(' '), 'data:1 Data:2 end End');
  assert.deepStrictEqual([e.listenerCount('data'), e.listenerCount('Data'), e.listenerCount('end')], [1, 1, 0]);
  var chunks = [];
  var r = new stream.Readable({ read: function () {} });
  r.on('data', function (c) { chunks.push(String(c)); });
  r.push('function'); r.push('Function'); r.push(null);
  var w = new stream.Writable({ write: function (c, enc, cb) { chunks.push('w' + String(c)); cb(); } });
  w.on('finish', function () { chunks.push('finish'); });
  w.write('object'); w.end('Object');
  assert.strictEqual(Buffer.from('string').toString(), 'string');
  assert.strictEqual(Buffer.from('String').toString(), 'String');
  streamsSeen.push(chunks);
})(round);

process.on('exit', function () {
  streamsSeen.forEach(function (c) {
    assert.strictEqual(c.slice().sort().join('|'), 'Function|finish|function|wObject|wobject');
  });
  console.log(streamsSeen.length + ' rounds: ' + streamsSeen[0].slice().sort().join(' '));
});
