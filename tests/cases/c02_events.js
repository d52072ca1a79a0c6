// EventEmitter: order, once, prepend, removal during emit, error rules.
var EventEmitter = require('events');
var e = new EventEmitter();
var log = [];
e.on('x', function (a, b) { log.push('on ' + a + b); });
e.prependListener('x', function () { log.push('prepended'); });
e.once('x', function () { log.push('once'); });
function self() { log.push('self-remove'); e.removeListener('x', self); }
e.on('x', self);
e.on('newListener', function (n) { log.push('newListener ' + n); });
e.on('y', function () {});
console.log('emit', e.emit('x', 1, 2));
console.log('emit again', e.emit('x', 3, 4));
console.log(log.join(', '));
console.log('count', e.listenerCount('x'), EventEmitter.listenerCount(e, 'x'));
console.log('names', e.eventNames().join(','));
try { e.emit('error', new Error('boom')); } catch (err) { console.log('thrown', err.message); }
try { e.emit('error', 'text'); } catch (err) { console.log('wrapped', err.code); }
e.on('error', function (err) { console.log('handled', err.message); });
console.log('emit error with listener', e.emit('error', new Error('ok')));
console.log('no listeners', e.emit('nothing'));
