// Promise's API: combinators, thenables, errors, finally, names; the .expected file is node v20's output.
var out = [];
function L() { out.push(Array.prototype.slice.call(arguments).join(' ')); }
function show(label, p) {
  p.then(function (v) { L(label, 'fulfilled', JSON.stringify(v)); },
         function (e) { L(label, 'rejected', e && e.name, e && e.message, e && e.errors ? JSON.stringify(e.errors) : ''); });
}
function later(v, fail) { return new Promise(function (res, rej) { setTimeout(function () { (fail ? rej : res)(v); }, 1); }); }
show('all', Promise.all([1, Promise.resolve(2), later(3), { then: function (r) { r(4); } }]));
show('all empty', Promise.all([]));
show('all reject', Promise.all([later(1), Promise.reject(new Error('no'))]));
show('all string', Promise.all('ab'));
show('all not iterable', Promise.all(5));
show('all undefined', Promise.all());
show('allSettled', Promise.allSettled([1, Promise.reject(new TypeError('t')), later(3)]));
show('race', Promise.race([later(1), Promise.resolve(2)]));
show('race reject', Promise.race([later(1), Promise.reject(new RangeError('r'))]));
show('race empty pending', Promise.race([]).then(function () { return 'never'; }).finally(function(){}));
show('any', Promise.any([Promise.reject(1), later(2), Promise.resolve(3)]));
show('any all rejected', Promise.any([Promise.reject(new Error('x')), Promise.reject(2)]));
show('any empty', Promise.any([]));
// thenables
var reads = 0;
var thenable = {};
Object.defineProperty(thenable, 'then', { get: function () { reads++; return function (res) { res('t'); res('again'); }; } });
show('thenable getter', Promise.resolve(thenable));
show('thenable throws', Promise.resolve({ then: function () { throw new Error('in then'); } }));
show('thenable throws after resolve', Promise.resolve({ then: function (r) { r('ok'); throw new Error('ignored'); } }));
show('then getter throws', Promise.resolve(Object.defineProperty({}, 'then', { get: function () { throw new Error('getter'); } })));
show('non-callable then', Promise.resolve({ then: 5 }).then(function (v) { return v.then; }));
var self = new Promise(function (res) { setTimeout(function () { res(self); }, 1); });
show('self', self);
// errors
show('executor throws', new Promise(function () { throw new Error('exec'); }));
show('executor throws after resolve', new Promise(function (res) { res('first'); throw new Error('late'); }));
show('reject twice', new Promise(function (res, rej) { rej(new Error('one')); rej(new Error('two')); res(3); }));
show('handler throws', Promise.resolve(1).then(function () { throw new SyntaxError('h'); }));
show('catch', Promise.reject(new Error('c')).catch(function (e) { return 'caught ' + e.message; }));
show('pass through', Promise.reject(new Error('p')).then(function () {}).then(null, function (e) { return 'late ' + e.message; }));
show('finally value', Promise.resolve('v').finally(function () { L('finally ran'); return 'ignored'; }));
show('finally reason', Promise.reject(new Error('fr')).finally(function () {}));
show('finally throws', Promise.resolve('v').finally(function () { throw new Error('ft'); }));
show('finally waits', Promise.resolve('w').finally(function () { return later('x'); }));
show('finally non-callable', Promise.resolve('nc').finally(5));
try { Promise(function () {}); } catch (e) { L('call without new', e.name, e.message); }
try { new Promise(5); } catch (e) { L('bad resolver', e.name, e.message); }
try { Promise.prototype.then.call({}, function () {}); } catch (e) { L('bad this', e.name); }
L('resolve identity', Promise.resolve(self) === self, Promise.resolve(1) !== Promise.resolve(1));
L('toString', Object.prototype.toString.call(self), String(self), self instanceof Promise);
L('lengths', Promise.length, Promise.prototype.then.length, Promise.prototype.catch.length, Promise.all.length);
L('names', Promise.all.name, Promise.allSettled.name, Promise.race.name, Promise.any.name, Promise.resolve.name, Promise.reject.name, Promise.prototype.finally.name, Promise.prototype.catch.name, queueMicrotask.name);
L('isPromise', require('util').types.isPromise(self), require('util').types.isPromise({ then: function () {} }), require('util').types.isPromise(Object.create(Promise.prototype)));
L('global', Object.keys(global).indexOf('Promise'), typeof global.Promise);
try { queueMicrotask(5); } catch (e) { L('queueMicrotask', e.name, e.code); }
setTimeout(function () {
  setTimeout(function () { L('reads', reads); console.log(out.join('\n')); }, 5);
}, 5);
