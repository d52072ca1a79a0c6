// util.promisify: custom, the copied properties, this and arguments, errors, and the
// custom forms of setTimeout, setImmediate and dns.lookup. The .expected file is node v20's output.
'use strict';
var util = require('util');
var out = [];
function L() { out.push(Array.prototype.slice.call(arguments).join(' ')); }

function foo(a, b, cb) { cb(null, a + b, 'extra'); }
foo.prop = 1;
var pf = util.promisify(foo);
L('copied', pf.name, pf.length, pf.prop, Object.getPrototypeOf(pf) === Function.prototype, typeof pf);
L('custom', util.promisify(pf) === pf, pf[util.promisify.custom] === pf,
  util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'), typeof util.promisify.custom);
L('promisify', util.promisify.name, util.promisify.length);
function Base() {}
function Klass() {}
Object.setPrototypeOf(Klass, Base);
L('prototype kept', Object.getPrototypeOf(util.promisify(Klass)) === Base);
function c() {}
c[util.promisify.custom] = function () { return 'custom value'; };
L('custom fn', util.promisify(c)(), util.promisify(c) === c[util.promisify.custom]);
function bad() {}
bad[util.promisify.custom] = 5;
try { util.promisify(bad); } catch (e) { L(e.name, e.code, e.message); }
try { util.promisify(5); } catch (e) { L(e.name, e.code, e.message); }
try { util.promisify(); } catch (e) { L(e.name, e.code, e.message); }

var anon = util.promisify(function (cb) { cb(); });
var onceP = util.promisify(require('events').prototype.once);
L('names', JSON.stringify(anon.name), anon.length, onceP.name, onceP.length, util.promisify(Buffer.from).name);

var steps = [];
steps.push(pf(1, 2).then(function (v) { L('one value', v); }));
steps.push(util.promisify(function (cb) { cb(new Error('bad')); })().then(null, function (e) { L('rejected', e.message); }));
steps.push(util.promisify(function () { throw new TypeError('sync'); })().then(null, function (e) { L('thrown', e.name, e.message); }));
steps.push(util.promisify(function (cb) { cb(0, 'zero'); })().then(function (v) { L('falsy error', v); }));
steps.push(util.promisify(function (cb) { cb(); })().then(function (v) { L('no value', v); }));
steps.push(util.promisify(function (x, cb) { cb(null, arguments.length, x); })('x').then(function (v) { L('arguments', v); }));
var obj = { x: 5, m: function (cb) { cb(null, this.x); } };
obj.pm = util.promisify(obj.m);
steps.push(obj.pm().then(function (v) { L('this', v); }));

var dns = require('dns');
steps.push(util.promisify(dns.lookup)('127.0.0.1').then(function (v) { L('lookup', JSON.stringify(v)); }));
steps.push(util.promisify(dns.lookup)('127.0.0.1', { all: true }).then(function (v) { L('lookup all', JSON.stringify(v)); }));
steps.push(util.promisify(dns.lookup)('::1', 6).then(function (v) { L('lookup 6', JSON.stringify(v)); }));
L('lookup symbols', Object.getOwnPropertySymbols(dns.lookup).map(String).join());

var tp = require('timers/promises');
L('timers', util.promisify(setTimeout) === tp.setTimeout, util.promisify(setImmediate) === tp.setImmediate,
  setTimeout[util.promisify.custom] === tp.setTimeout, setImmediate[util.promisify.custom] === tp.setImmediate,
  Object.getOwnPropertyDescriptor(setTimeout, util.promisify.custom).enumerable);
steps.push(util.promisify(setTimeout)(2, 'slept').then(function (v) { L('sleep', v); }));
steps.push(util.promisify(setImmediate)('immediate').then(function (v) { L('immediate', v); }));
// a listen callback: the server's own method
var net = require('net');
var server = net.createServer();
steps.push(util.promisify(server.listen).call(server, 0, '127.0.0.1').then(function (v) {
  L('listen', v, typeof server.address().port);
  return util.promisify(server.close).call(server);
}).then(function (v) { L('closed', v); }));

Promise.all(steps).then(function () {
  out.sort(); // the order of independent settlements is not what this checks
  console.log(out.join('\n'));
});
