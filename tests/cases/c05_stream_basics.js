// Readable/Writable/Transform basics: event order, backpressure numbers, pipe.
var stream = require('stream');
var log = [];
var r = new stream.Readable({ read: function () {} });
var w = new stream.Writable({
  highWaterMark: 4,
  write: function (chunk, enc, cb) { log.push('write ' + chunk); setTimeout(cb, 1); }
});
w.on('drain', function () { log.push('drain'); });
w.on('finish', function () { log.push('finish'); });
console.log('write returns', w.write('ab'), w.write('cd'), w.writableLength);
w.end('ef', function () { log.push('end cb'); });
r.on('data', function (d) { log.push('data ' + d); });
r.on('end', function () { log.push('end'); });
r.push('x'); r.push('y'); r.push(null);
var up = new stream.Transform({ transform: function (c, e, cb) { cb(null, String(c).toUpperCase()); } });
var out = '';
var sink = new stream.Writable({ write: function (c, e, cb) { out += c; cb(); } });
sink.on('finish', function () { log.push('piped ' + out); });
up.pipe(sink);
up.write('hello '); up.end('world');
setTimeout(function () { console.log(log.join('\n')); }, 50);
