// stream/promises (pipeline, finished), dns.promises and dns/promises, and node:
// names for every built-in. The .expected file is node v20's output.
'use strict';
var sp = require('stream/promises');
var dnsp = require('dns/promises');
var stream = require('stream');
console.log(Object.keys(sp).join(), typeof sp.pipeline, typeof sp.finished);
console.log(require('dns').promises === dnsp, require('node:dns/promises') === dnsp,
  require('node:stream/promises') === sp, typeof dnsp.lookup, dnsp.NOTFOUND, dnsp.TIMEOUT);
// node: names (those Petrel has; node has more)
var names = ['assert', 'buffer', 'console', 'dns', 'events', 'net', 'path', 'stream', 'string_decoder',
  'timers', 'util', 'dns/promises', 'stream/promises', 'timers/promises'];
console.log('node:', names.map(function (n) { return require('node:' + n) === require(n); }).join());
var M = require('module');
console.log('builtinModules', names.filter(function (n) { return M.builtinModules.indexOf(n) < 0; }).join() || 'all',
  Object.isFrozen(M.builtinModules), require.resolve('node:timers/promises'));
try { require('node:nothing'); } catch (e) { console.log(e.code); }

function writer(got) {
  return new stream.Writable({ write: function (c, e, cb) { got.push(String(c)); cb(); } });
}
var steps = [
  function () {
    return Promise.all([
      dnsp.lookup('127.0.0.1'), dnsp.lookup('127.0.0.1', { all: true }), dnsp.lookup('::1', 6),
      require('dns').promises.lookup('10.1.2.3', { family: 4 })
    ]).then(function (v) { console.log('lookup', JSON.stringify(v)); });
  },
  function () {
    try { dnsp.lookup(5); } catch (e) { console.log('lookup throws', e.code, e.message); }
    try { dnsp.lookup('a', { family: 5 }); } catch (e) { console.log('lookup throws', e.code); }
  },
  function () {
    var got = [];
    var r = new stream.Readable({ read: function () {} });
    r.push('a');
    r.push('b');
    r.push(null);
    return sp.pipeline(r, new stream.PassThrough(), writer(got)).then(function (v) {
      console.log('pipeline', v, got.join());
    });
  },
  function () {
    var r = new stream.Readable({ read: function () {} });
    setTimeout(function () { r.destroy(new Error('mid')); }, 1);
    return sp.pipeline(r, new stream.PassThrough(), writer([])).then(null, function (e) {
      console.log('pipeline rejects', e.message);
    });
  },
  function () {
    var got = [];
    var r = new stream.Readable({ read: function () {} });
    r.push('x');
    r.push(null);
    return sp.pipeline(r, writer(got), { end: true }).then(function () { console.log('pipeline options', got.join()); });
  },
  function () {
    var r = new stream.Readable({ read: function () {} });
    r.resume();
    r.push('z');
    r.push(null);
    return sp.finished(r).then(function (v) { console.log('finished', v); });
  },
  function () {
    var r = new stream.Readable({ read: function () {} });
    setTimeout(function () { r.destroy(); }, 1);
    return sp.finished(r).then(null, function (e) { console.log('finished rejects', e.code, e.message); });
  },
  function () {
    var w = writer([]);
    w.end('last');
    return sp.finished(w).then(function () { console.log('writable finished', w.writableFinished); });
  },
  function () {
    var r = new stream.Readable({ read: function () {} });
    setTimeout(function () { r.destroy(new Error('broken')); }, 1);
    return sp.finished(r, { cleanup: true }).then(null, function (e) {
      console.log('finished error', e.message, r.listenerCount('error'));
    });
  },
  function () { // already closed: no event will come
    var r = new stream.Readable({ read: function () {} });
    r.destroy();
    return new Promise(function (res) { r.on('close', res); }).then(function () {
      return sp.finished(r);
    }).then(null, function (e) { console.log('finished after close', e.code); });
  },
  function () {
    var r = new stream.Readable({ read: function () {} });
    r.on('error', function () {});
    r.destroy(new Error('gone'));
    return new Promise(function (res) { r.on('close', res); }).then(function () {
      return sp.finished(r);
    }).then(null, function (e) { console.log('finished after error', e.message); });
  }
];
steps.reduce(function (p, f) { return p.then(f); }, Promise.resolve());
