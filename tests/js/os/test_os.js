// os (modules/os_binding.c) against node 20's API: every function's type and shape, the
// figures' relations (free <= total, uptime grows), the interfaces in node's form (the
// loopback always: lwIP's on a board, the host's on linux), and the board's own
// figures on a device (its RAM, Petrel's version). Prints "os ok" and the check count.
'use strict';
var assert = require('assert');
var os = require('os');
assert.strictEqual(require('node:os'), os);
var board = process.platform === 'none';
var checks = 0;
function ok(v, what) { assert.ok(v, what); checks++; }
function eq(a, b, what) { assert.strictEqual(a, b, what); checks++; }

eq(os.EOL, '\n');
eq(os.devNull, '/dev/null');
eq(os.arch(), process.arch);
eq(os.platform(), process.platform);
ok(os.endianness() === 'LE' || os.endianness() === 'BE');
['hostname', 'type', 'release', 'version', 'machine', 'tmpdir', 'homedir'].forEach(function (f) {
  eq(typeof os[f](), 'string', f);
  ok(os[f]().length > 0, f + ' not empty');
});
ok(os.tmpdir().length === 1 || os.tmpdir().slice(-1) !== '/', 'tmpdir without a trailing slash');

var total = os.totalmem(), free = os.freemem();
eq(typeof total, 'number');
eq(typeof free, 'number');
ok(total > 0 && free > 0 && free <= total, 'free ' + free + ' <= total ' + total);
var up = os.uptime();
ok(typeof up === 'number' && up > 0, 'uptime');

var load = os.loadavg();
ok(Array.isArray(load) && load.length === 3, 'loadavg');
load.forEach(function (v) { ok(typeof v === 'number' && v >= 0); });

var cpus = os.cpus();
ok(Array.isArray(cpus) && cpus.length >= 1, 'cpus');
eq(os.availableParallelism(), cpus.length);
cpus.forEach(function (c) {
  eq(typeof c.model, 'string');
  eq(typeof c.speed, 'number');
  eq(Object.keys(c.times).join(), 'user,nice,sys,idle,irq');
  Object.keys(c.times).forEach(function (k) { ok(typeof c.times[k] === 'number' && c.times[k] >= 0); });
});
if (!board) ok(cpus[0].times.idle + cpus[0].times.user > 0, 'a host counts CPU time (/proc/stat)');

var ifs = os.networkInterfaces();
eq(typeof ifs, 'object');
ok(ifs.lo, 'a loopback named lo');
var v4 = ifs.lo.filter(function (a) { return a.family === 'IPv4'; })[0];
eq(JSON.stringify(v4), JSON.stringify({ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4',
  mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }));
Object.keys(ifs).forEach(function (name) {
  ifs[name].forEach(function (a) {
    var keys = ['address', 'netmask', 'family', 'mac', 'internal', 'cidr'];
    if (a.family === 'IPv6') keys.push('scopeid');
    eq(Object.keys(a).join(), keys.join(), name + ' ' + a.address);
    ok(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(a.mac), 'mac ' + a.mac);
    var bits = a.cidr.split('/')[1];
    eq(a.cidr, a.address + '/' + bits);
    eq(typeof a.internal, 'boolean');
  });
});
// a fresh object each call, as node's
ok(os.networkInterfaces() !== ifs);

if (board) {
  eq(os.type(), 'Petrel');
  eq(os.release(), process.version.replace(/^v/, ''));
  ok(total <= 64 * 1024 * 1024, 'a board: its RAM, not a host\'s');
  var eth = ifs.eth0 && ifs.eth0.filter(function (a) { return a.family === 'IPv4'; })[0];
  if (eth) {
    eq(eth.internal, false);
    ok(eth.mac !== '00:00:00:00:00:00', 'the NIC\'s mac');
  }
}

setTimeout(function () {
  ok(os.uptime() >= up, 'uptime grows');
  console.log('os ok', checks);
}, 20);
