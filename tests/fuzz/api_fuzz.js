// api_fuzz.js SEED CALLS [trace]: calls the built-in modules' functions and methods
// with random arguments and random `this` values, CALLS times, from a seeded generator
// (the same SEED makes the same calls). Any exception is fine; what must not happen
// is a crash, a sanitizer report, a hang, or a runtime that stops running timers and
// immediates: the script ends with "done CALLS" and exit status 0 only if the loop
// kept turning. Live objects (a listening server, a connected pair of sockets, a bound
// UDP socket) are in the pool, so methods also run against real handles. tests/fuzz/run.sh runs it.
'use strict';
var seed = +process.argv[2] || 1;
var CALLS = +process.argv[3] || 1000;
var TRACE = process.argv[4] === 'trace';
var say = (function () { // stderr, bound now: fuzzed calls may end process.stdout
  var w = process.stderr.write.bind(process.stderr);
  return function (s) { try { w(s + '\n'); } catch (e) { return e; } }; // the error, if any
})();

function rnd() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
}
function pick(a) { return a[Math.floor(rnd() * a.length)]; }

var modules = {};
['net', 'buffer', 'events', 'stream', 'dns', 'timers', 'util', 'assert', 'path', 'string_decoder', 'tls',
  'dgram']
  .forEach(function (m) {
    try { modules[m] = require(m); } catch (e) { /* not on this board (tls) */ }
  });

// Functions to call: every own function of each module, of their prototypes, and of
// the functions' prototypes, one level down. Names starting with '_' are internals
// (Node's are no safer), and some functions end the process or never return.
// Kept as two arrays (and the names only when tracing): an object and a name string per
// function took 128 KB of a board's heap (745 functions; as arrays 13 KB).
var funcs = [], owners = [], names = [];
var SKIP = /^(exit|reallyExit|abort|kill|repl|start)$/;
function collect(o, name, depth) {
  Object.getOwnPropertyNames(o).forEach(function (k) {
    var v;
    try { v = o[k]; } catch (e) { return; }
    if (typeof v !== 'function' || k.charAt(0) === '_' || SKIP.test(k)) return;
    funcs.push(v);
    owners.push(o);
    if (TRACE) names.push(name + '.' + k);
    if (depth < 2 && v.prototype) collect(v.prototype, name + '.' + k + '.prototype', depth + 1);
  });
}
Object.keys(modules).forEach(function (m) { collect(modules[m], m, 0); });

var pool = []; // objects made along the way, used as arguments and as `this`
var KEYS = ['port', 'host', 'encoding', 'allowHalfOpen', 'highWaterMark', 'timeout', 'family',
  'hints', 'objectMode', 'read', 'write', 'length', 'start', 'end', 'backlog', 'readable',
  'writable', 'lookup', 'keepAlive', 'noDelay', 'servername', 'path', 'ipv6Only', 'type', 'address',
  'reuseAddr', 'recvBufferSize', 'sendBufferSize'];
function value(depth) {
  var r = rnd() * (depth > 2 ? 0.6 : 1);
  if (r < 0.05) return undefined;
  if (r < 0.1) return null;
  if (r < 0.2) {
    return pick([0, -1, 1, 65535, 65536, 1e9, -1e9, NaN, Infinity, -Infinity, 0.5, 2147483648,
      4294967296, 9007199254740991]);
  }
  if (r < 0.3) {
    return pick(['', 'a', 'utf8', 'hex', 'base64', 'latin1', 'ucs2', '127.0.0.1', '::1',
      'localhost', '0', '80', '-1', new Array(1001).join('x'), '\u0000', '\ud800']);
  }
  if (r < 0.35) return rnd() < 0.5;
  if (r < 0.45) return Buffer.alloc(Math.floor(rnd() * 100), 7);
  if (r < 0.5) return new Uint8Array(Math.floor(rnd() * 10));
  if (r < 0.6) return function () { return value(depth + 1); };
  var i, n;
  if (r < 0.7) {
    var a = [];
    for (i = 0, n = rnd() * 4; i < n; i++) a.push(value(depth + 1));
    return a;
  }
  if (r < 0.8) {
    var o = {};
    for (i = 0, n = rnd() * 4; i < n; i++) o[pick(KEYS)] = value(depth + 1);
    return o;
  }
  if (r < 0.9) return pool.length ? pick(pool) : {};
  return pick(funcs);
}

function keep(r) {
  if (!r || typeof r !== 'object' || pool.length >= 200) return;
  pool.push(r);
  if (typeof r.on === 'function') {
    try { r.on('error', function () {}); } catch (e) { /* a fuzzed `on` */ }
  }
}

process.on('uncaughtException', function () {}); // errors from callbacks are fine too

var done = 0, stalled = false;
var kick = setInterval(function () { if (stalled) { stalled = false; batch(); } }, 10);
function batch() {
  for (var k = 0; k < 50 && done < CALLS; k++, done++) {
    // All of it in the try: on a board the heap may run out while making the arguments
    // too, and the run must go on (not stop with the error swallowed below).
    try {
      var fi = Math.floor(rnd() * funcs.length); // pick(funcs), by index
      if (TRACE) say(done + ' ' + names[fi]);
      var args = [];
      for (var i = 0, n = rnd() * 4; i < n; i++) args.push(value(0));
      var self = rnd() < 0.5 || !pool.length ? owners[fi] : pick(pool);
      var asNew = rnd() < 0.3;
      keep(asNew ? new (Function.prototype.bind.apply(funcs[fi], [null].concat(args)))() : funcs[fi].apply(self, args));
    } catch (e) { /* any exception is an acceptable answer */ }
  }
  if (done < CALLS) {
    // setImmediate may be out of heap itself (a coded error): the interval made at the
    // start, which needs no allocation, tries again.
    try { setImmediate(batch); } catch (e) { stalled = true; }
    return;
  }
  clearInterval(kick);
  pool.forEach(function (o) {
    try {
      if (typeof o.destroy === 'function') o.destroy();
      if (typeof o.close === 'function') o.close();
    } catch (e) { /* fuzzed objects may refuse */ }
  });
  // What the run kept goes before the report, which needs heap itself: on a 256 KiB
  // board the pool may hold most of it. A report that still finds no room is not
  // swallowed: its (coded) error ends the run, exit 1.
  pool.length = 0;
  setTimeout(function () { // the timers still run
    var err = say('done ' + done);
    if (err) throw err;
    process.exit(0);
  }, 100);
}

// Live handles first: a server and a connected pair, and a bound UDP socket that
// fuzzed sends may reach.
var net = modules.net;
var udp = modules.dgram.createSocket('udp4', function (m) { keep(m); });
keep(udp);
udp.bind(0, '127.0.0.1');
var server = net.createServer(function (s) { keep(s); });
keep(server);
server.listen(0, '127.0.0.1', function () {
  var client = net.connect(server.address().port, '127.0.0.1', function () { setImmediate(batch); });
  keep(client);
});
