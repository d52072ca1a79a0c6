// Readable.prototype[Symbol.asyncIterator] and readable.iterator(), driven by hand as
// Babel's for-await code drives them (next, return, throw): chunks as read() gives them,
// object mode, the stream's error, an early return (the stream destroyed with an
// AbortError), destroyOnReturn: false, and a socket read to its end. Also
// Symbol.asyncIterator itself. The .expected file is node v20's output.
'use strict';
var stream = require('stream');
var Readable = stream.Readable;
var d = Object.getOwnPropertyDescriptor(Symbol, 'asyncIterator');
console.log(typeof Symbol.asyncIterator, String(Symbol.asyncIterator), d.writable, d.enumerable, d.configurable);
var proto = Readable.prototype;
console.log(typeof proto[Symbol.asyncIterator], proto[Symbol.asyncIterator].length, typeof proto.iterator, proto.iterator.length);

// for await (const c of it) body(c), as a promise chain
function forAwait(iterable, body) {
  var it = iterable[Symbol.asyncIterator]();
  function step() {
    return it.next().then(function (r) {
      if (r.done) return 'done';
      if (body(r.value) === 'break') return it['return']().then(function () { return 'break'; });
      return step();
    });
  }
  return step();
}

function collect() {
  var r = new Readable({ read: function () {} });
  r.push('a');
  r.push('b');
  setTimeout(function () { r.push('c'); r.push(null); }, 2);
  var got = [];
  return forAwait(r, function (c) { got.push(String(c)); }).then(function (how) {
    console.log('chunks', JSON.stringify(got), how, r.destroyed);
  });
}

function objects() {
  var r = new Readable({ objectMode: true, read: function () {} });
  r.push({ n: 1 });
  r.push({ n: 2 });
  r.push(null);
  var got = [];
  return forAwait(r, function (c) { got.push(c.n); }).then(function () { console.log('objects', got.join()); });
}

function errored() {
  var r = new Readable({ read: function () {} });
  r.on('close', function () { console.log('errored close'); });
  setTimeout(function () { r.destroy(new Error('kaboom')); }, 2);
  return forAwait(r, function () {}).then(null, function (e) { console.log('caught', e.message); });
}

function early() {
  var r = new Readable({ read: function () {} });
  r.push('x');
  r.on('error', function (e) { console.log('early error event', e.name, e.code); });
  r.on('close', function () { console.log('early close'); });
  return forAwait(r, function (c) { console.log('early chunk', String(c)); return 'break'; }).then(function (how) {
    console.log('early', how, r.destroyed);
    return new Promise(function (res) { setTimeout(res, 1); });
  });
}

function keep() {
  var r = new Readable({ read: function () {} });
  r.push('y');
  var it = r.iterator({ destroyOnReturn: false });
  console.log('iterator', it.stream === r, Object.prototype.toString.call(it), it[Symbol.asyncIterator]() === it);
  return it.next().then(function (res) {
    console.log('kept chunk', String(res.value), res.done);
    return it['return']('v');
  }).then(function (res) {
    console.log('kept', JSON.stringify(res), r.destroyed, r.listenerCount('readable'));
    try { r.iterator(5); } catch (e) { console.log('iterator options', e.code, e.message); }
  });
}

function manual() {
  var r = new Readable({ read: function () {} });
  r.push('q');
  r.push(null);
  var it = r[Symbol.asyncIterator]();
  return it.next().then(function (a) {
    return it.next().then(function (b) {
      return it.next().then(function (c) {
        console.log('manual', String(a.value), a.done, b.value, b.done, c.value, c.done);
      });
    });
  });
}

function thrown() {
  var r = new Readable({ read: function () {} });
  r.push('q');
  r.on('error', function (e) { console.log('thrown error event', e.message); });
  var it = r[Symbol.asyncIterator]();
  return it.next().then(function () {
    return it['throw'](new Error('thrown in'));
  }).then(null, function (e) {
    console.log('throw rejects', e.message, r.destroyed);
    return it.next();
  }).then(function (res) {
    console.log('after throw', JSON.stringify(res));
    return new Promise(function (res) { setTimeout(res, 1); });
  });
}

function unstarted() {
  var r = new Readable({ read: function () {} });
  var it = r[Symbol.asyncIterator]();
  return it['return'](7).then(function (res) {
    console.log('unstarted return', JSON.stringify(res), r.destroyed, r.listenerCount('readable'));
  });
}

function socket() {
  var net = require('net');
  var server = net.createServer(function (s) {
    var total = '';
    forAwait(s, function (c) { total += c; }).then(function (how) {
      console.log('server read', JSON.stringify(total), how, s.destroyed);
      server.close();
    });
  });
  return new Promise(function (resolve) {
    server.on('close', resolve);
    server.listen(0, '127.0.0.1', function () {
      var c = net.connect(server.address().port, '127.0.0.1', function () {
        c.write('hello ');
        c.end('world');
      });
    });
  });
}

[collect, objects, errored, early, keep, manual, thrown, unstarted, socket].reduce(function (p, f) {
  return p.then(f);
}, Promise.resolve());
