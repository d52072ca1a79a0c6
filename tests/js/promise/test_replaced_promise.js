// The promise APIs make the runtime's own promises, whatever user code put in the
// global Promise (node's use primordials). The .expected file is node v20's output.
'use strict';
var Real = Promise;
global.Promise = function Fake() { throw new Error('the fake Promise was used'); };
var util = require('util');
var p1 = util.promisify(function (cb) { cb(null, 'promisify'); })();
var p2 = require('timers/promises').setImmediate('timers/promises');
var p3 = require('events').once(process, 'custom');
process.emit('custom', 'once');
var p4 = require('dns/promises').lookup('127.0.0.1');
var p5 = require('stream/promises').finished(new (require('stream').PassThrough)().end());
[p1, p2, p3, p4, p5].forEach(function (p, i) {
  console.log(i + 1, p instanceof Real, Object.prototype.toString.call(p));
});
Real.all([p1, p2, p3, p4]).then(function (v) { console.log(JSON.stringify(v)); });
