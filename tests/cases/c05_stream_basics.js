// Readable/Writable/Transform basics: event order, backpressure numbers, pipe.
var stream = require('stream');
var log = [];
var r = new stream.Readable({ read: function () {} });
var w = new stream.Writable({
  highWaterMark: 4,
  write: function (chunk, enc, cb) { log.push('write ' + chunk); setTimeout(cb, 1); }
});
w.on('drain', function () { log.push('drain'); });
// The log is printed once the three streams are done (events, not a fixed wait).
var pending = 3;
function done() { if (--pending === 0) setTimeout(function () { console.log(log.join('\n')); }, 0); }
w.on('finish', function () { log.push('finish'); done(); });
console.log('write returns', w.write('ab'), w.write('cd'), w.writableLength);
w.end('ef', function () { log.push('end cb'); });
r.on('data', function (d) { log.push('data ' + d); });
r.on('end', function () { log.push('end'); done(); });
r.push('x'); r.push('y'); r.push(null);
var up = new stream.Transform({ transform: function (c, e, cb) { cb(null, String(c).toUpperCase()); } });
var out = '';
var sink = new stream.Writable({ write: function (c, e, cb) { out += c; cb(); } });
sink.on('finish', function () { log.push('piped ' + out); done(); });
up.pipe(sink);
up.write('hello '); up.end('world');
