// events.once: the arguments array, 'error' rejects (and is itself awaitable), the
// listeners it leaves, argument errors as rejections, an EventTarget-like emitter, a
// signal-like object, and the microtask turns its promise takes (the order of the
// lines below is node's). The .expected file is node v20's output.
'use strict';
var events = require('events');
var once = events.once, EventEmitter = events.EventEmitter;
var ee = new EventEmitter();
console.log('once', once.name, once.length, typeof once);
var t = 0;
function tick(label) { Promise.resolve().then(function () { console.log('tick', ++t, label || ''); }); }

once(ee, 'x').then(function (v) {
  console.log('x', JSON.stringify(v), ee.listenerCount('x'), ee.listenerCount('error'));
});
console.log('listening', ee.listenerCount('x'), ee.listenerCount('error'));
ee.emit('x', 1, 2);
ee.emit('x', 3);
tick('a'); tick('b'); tick('c'); tick('d');

once(ee, 'y').then(null, function (e) {
  console.log('y rejected', e.message, ee.listenerCount('y'), ee.listenerCount('error'));
});
ee.emit('error', new Error('boom'));
once(ee, 'error').then(function (v) { console.log('error event', v.length, v[0].message, ee.listenerCount('error')); });
ee.emit('error', new Error('e2'));

once({}, 'z').then(null, function (e) { console.log('not an emitter', e.code, e.message); });
once(ee, 'z', { signal: 5 }).then(null, function (e) { console.log('bad signal', e.code, e.message); });
once(ee, 'z', { signal: { aborted: true, reason: 'why' } }).then(null, function (e) {
  console.log('aborted', e.name, e.code, e.message, e.cause, Object.keys(e).join());
});
// a signal-like EventTarget that aborts later
var listeners = {};
var signal = {
  aborted: false,
  addEventListener: function (n, f, o) { console.log('signal add', n, o && o.once); listeners[n] = f; },
  removeEventListener: function (n) { console.log('signal remove', n); }
};
once(ee, 'never', { signal: signal }).then(null, function (e) {
  console.log('abort later', e.name, ee.listenerCount('never'), ee.listenerCount('error'));
});
var target = {
  handlers: {},
  addEventListener: function (n, f, o) { console.log('target add', n, o && o.once); this.handlers[n] = f; },
  removeEventListener: function (n) { console.log('target remove', n); }
};
once(target, 'ping').then(function (v) { console.log('target event', JSON.stringify(v)); });
target.handlers.ping({ type: 'ping' });

setTimeout(function () {
  signal.aborted = true;
  listeners.abort();
  // a server's 'listening', then its 'close'
  var server = require('net').createServer();
  once(server, 'listening').then(function (v) {
    console.log('listening event', v.length, typeof server.address().port);
    server.close();
    return once(server, 'close');
  }).then(function (v) { console.log('close event', v.length); });
  server.listen(0, '127.0.0.1');
}, 1);
