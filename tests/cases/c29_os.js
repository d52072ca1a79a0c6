// os: what node prints that is the same on any machine (the values a host and a board
// share; tests/js/os has the rest).
'use strict';
var os = require('os');
console.log(JSON.stringify(os.EOL), os.devNull, os.endianness());
console.log(os.arch() === process.arch, os.platform() === process.platform);
var fns = ['arch', 'availableParallelism', 'cpus', 'endianness', 'freemem', 'homedir', 'hostname',
  'loadavg', 'machine', 'networkInterfaces', 'platform', 'release', 'tmpdir', 'totalmem', 'type',
  'uptime', 'version'];
console.log(fns.map(function (f) { return f + ':' + typeof os[f]; }).join(' '));
console.log(typeof os.hostname(), typeof os.totalmem(), typeof os.freemem(), typeof os.uptime());
console.log(os.freemem() <= os.totalmem(), os.uptime() > 0, os.loadavg().length);
var lo = os.networkInterfaces().lo;
console.log(lo.filter(function (a) { return a.family === 'IPv4'; })[0]);
var cpu = os.cpus()[0];
console.log(Object.keys(cpu), Object.keys(cpu.times));
