// options.lookup as node calls it: {family, hints} (and all: true when any family will
// do); its answers are checked: a bad address or family is an 'error' event.
var net = require('net');
var server = net.createServer(function (s) { s.end(); });
function show(o) {
  return Object.keys(o).sort().map(function (k) { return k + '=' + o[k]; }).join(' ');
}
var steps = [
  function (next) { // family 4: one answer
    var c = net.connect({ host: 'example.test', port: server.address().port, family: 4,
      lookup: function (host, opts, cb) { console.log('lookup ' + host + ' ' + show(opts)); cb(null, '127.0.0.1', 4); } });
    c.on('lookup', function (e, a, f, h) { console.log('lookup event ' + e + ' ' + a + ' ' + f + ' ' + h); });
    c.on('connect', function () { console.log('connected to ' + c.remoteAddress); c.destroy(); next(); });
  },
  function (next) { // any family: all: true, a list
    var c = net.connect({ host: 'example.test', port: server.address().port,
      lookup: function (host, opts, cb) { console.log('lookup ' + show(opts)); cb(null, [{ address: '127.0.0.1', family: 4 }]); } });
    c.on('connect', function () { console.log('connected'); c.destroy(); next(); });
  },
  function (next) { // no address
    var c = net.connect({ host: 'example.test', port: 9, family: 4,
      lookup: function (host, opts, cb) { cb(null, undefined, 4); } });
    c.on('error', function (e) { console.log('error ' + e.name + ' ' + e.code + ' ' + e.message); next(); });
  },
  function (next) { // a family that is not 4 or 6, single and list forms
    var c = net.connect({ host: 'localhost', port: 0, family: 4,
      lookup: function (host, opts, cb) { cb(null, '127.0.0.1', 100); } });
    c.on('error', function (e) { console.log('error ' + e.name + ' ' + e.code + ' ' + e.message + ' ' + e.host + ' ' + e.port); next(); });
  },
  function (next) {
    var c = net.connect({ host: 'localhost', port: 0,
      lookup: function (host, opts, cb) { cb(null, [{ address: '127.0.0.1', family: 100 }]); } });
    c.on('error', function (e) { console.log('error ' + e.code + ' ' + e.message); next(); });
  },
  function (next) { // the lookup's own error
    var c = net.connect({ host: 'example.test', port: 9,
      lookup: function (host, opts, cb) { var e = new Error('nope'); e.code = 'EAI_AGAIN'; cb(e); } });
    c.on('lookup', function (e) { console.log('lookup event ' + (e && e.code)); });
    c.on('error', function (e) { console.log('error ' + e.code + ' ' + e.message); next(); });
  }
];
server.listen(0, '127.0.0.1', function () {
  (function run(i) {
    if (i === steps.length) { server.close(); return; }
    steps[i](function () { run(i + 1); });
  })(0);
});
