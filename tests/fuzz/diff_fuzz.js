// diff_fuzz.js SEED CALLS [tamper]: the differential fuzz. The same seeded sequence of
// calls into the built-in modules runs under node and under Petrel (tests/fuzz/diff.sh
// runs both and compares); each call prints one line, "N NAME -> OUTCOME", where the
// outcome is what a user can see: "ok TYPE[ VALUE]" or "throw CLASS CODE", plus "+cbK"
// when the call ran K of our callbacks before returning. The call list below holds only
// names both runtimes have, and nothing a call returns feeds later choices, so both
// runtimes draw the same numbers and make the same calls: a line that differs is a
// divergence at that call (later lines may differ because of it; diff.sh reports the
// first one per seed first).
// "tamper": user code freezes or replaces a seeded few of the built-in objects
// (Object.prototype, the global Error, Buffer.from...), some before the modules are
// loaded and some after (see TAMPER_EARLY). Node's own code mostly does not read them
// (primordials); where Petrel's does, its lines differ from node's. The script
// captures what it needs itself first.
// "trace" as 5th argument prints each call's name on stderr first (for hangs).
// The run ends with one process.exit(VALUE) probe and the 'exit' event's code.
// DIFF_BATCH=N (environment) makes the calls in batches of N with the loop running
// between them, so that sockets connect, fail and close in the middle of the sequence;
// which of those events come before a later call depends on timing, in both runtimes,
// so that mode is for hand runs. The suite makes all calls in one batch: no event runs
// between them and the outcome is the same on a loaded machine.
'use strict';
var seed = +process.argv[2] || 1;
var CALLS = +process.argv[3] || 1000;
var BATCH = +process.env.DIFF_BATCH || CALLS;
var TAMPER = /^tamper/.test(process.argv[4] || '');
var ONLY = TAMPER && process.argv[4].length > 6 ? +process.argv[4].slice(7) : -1; // tamper=K: only target K
var TRACE = process.argv[5] === 'trace'; // each call's name on stderr before it runs

// Captured before any tampering: the script itself must not depend on built-ins.
var apply = Function.prototype.call.bind(Function.prototype.apply);
var bind = Function.prototype.call.bind(Function.prototype.bind);
var floor = Math.floor, stringify = JSON.stringify, S = String, hasOwn = Object.prototype.hasOwnProperty;
var Buf = Buffer, alloc = bind(Buffer.alloc, Buffer), freeze = Object.freeze, keys = Object.keys, getProto = Object.getPrototypeOf;
var slice = Function.prototype.call.bind(String.prototype.slice);
var split = Function.prototype.call.bind(String.prototype.split), test = Function.prototype.call.bind(RegExp.prototype.test);
var lines = [];
var write = bind(process.stdout.write, process.stdout), errWrite = bind(process.stderr.write, process.stderr);
function out(s) { lines[lines.length] = s; }
function flush() {
  if (!lines.length) return;
  var s = '';
  for (var i = 0; i < lines.length; i++) s += lines[i] + '\n';
  lines = [];
  try { write(s); } catch (e) { /* nothing to do */ }
}
var immediate = setImmediate, exit = process.exit, onProcess = bind(process.on, process);

// xorshift32 in 32-bit integer operations: exact in every engine (an LCG whose product
// passes 2^53 loses bits in doubles and falls into a short cycle).
seed = (seed ^ 0x5bd1e995) >>> 0 || 1;
function rnd() {
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  seed >>>= 0;
  return seed / 4294967296;
}
function pick(a) { return a[floor(rnd() * a.length)]; }


// Functions called directly: module.path (resolved at start; missing ones show).
// Not clearImmediate: node's takes any object with no _destroyed as an Immediate and
// lowers its count of pending ones, after which node no longer runs immediates at all.
var FUNCS = ('buffer.Buffer.from buffer.Buffer.alloc buffer.Buffer.allocUnsafe buffer.Buffer.byteLength ' +
  'buffer.Buffer.concat buffer.Buffer.compare buffer.Buffer.isBuffer buffer.Buffer.isEncoding ' +
  'buffer.isAscii buffer.isUtf8 ' +
  'dns.lookup dns.setDefaultResultOrder dns.getDefaultResultOrder ' +
  'events.EventEmitter events.listenerCount events.getEventListeners events.setMaxListeners events.once ' +
  'net.Socket net.Server net.connect net.createConnection net.createServer net.isIP net.isIPv4 net.isIPv6 ' +
  'net.getDefaultAutoSelectFamily net.setDefaultAutoSelectFamily ' +
  'path.basename path.dirname path.extname path.format path.isAbsolute path.join path.normalize ' +
  'path.parse path.relative path.resolve path.toNamespacedPath ' +
  'process.cwd process.hrtime process.memoryUsage process.nextTick process.uptime process.emitWarning ' +
  'stream.Readable stream.Writable stream.Duplex stream.Transform stream.PassThrough stream.finished ' +
  'stream.pipeline stream.Readable.from ' +
  'string_decoder.StringDecoder ' +
  'timers.setTimeout timers.clearTimeout timers.setInterval timers.clearInterval timers.setImmediate ' +
  'util.format util.formatWithOptions util.inherits util.inspect util.isDeepStrictEqual util.deprecate ' +
  'util.types.isUint8Array util.types.isDate util.types.isRegExp util.promisify util.callbackify ' +
  'util.isArray util.stripVTControlCharacters ' +
  'assert.ok assert.equal assert.strictEqual assert.deepStrictEqual assert.notStrictEqual assert.throws ' +
  'assert.fail assert.ifError').split(' ');
// Methods: CLASS#name, called on an instance of CLASS (or, one time in eight, on any
// instance: "CLASS#name on OTHERCLASS"), through the class's prototype function.
var METHODS = {
  Buffer: ('readUInt8 readInt8 readUInt16LE readInt16BE readUInt32LE readInt32BE readFloatLE readDoubleBE ' +
    'readUIntLE readIntBE writeUInt8 writeInt8 writeUInt16BE writeInt16LE writeUInt32BE writeInt32LE ' +
    'writeFloatBE writeDoubleLE writeUIntBE writeIntLE toString write fill slice subarray copy equals ' +
    'compare indexOf lastIndexOf includes swap16 swap32 swap64 toJSON hexSlice latin1Write').split(' '),
  EventEmitter: ('on once off emit addListener prependListener prependOnceListener removeListener ' +
    'removeAllListeners setMaxListeners getMaxListeners listeners rawListeners listenerCount eventNames')
    .split(' '),
  Readable: 'push unshift read pause resume isPaused setEncoding pipe unpipe destroy on emit'.split(' '),
  Writable: 'write end cork uncork setDefaultEncoding destroy on emit'.split(' '),
  Duplex: 'write end push read pause resume destroy setEncoding'.split(' '),
  StringDecoder: 'write end'.split(' '),
  Socket: ('connect write end destroy pause resume setTimeout setNoDelay setKeepAlive address ref unref ' +
    'setEncoding read resetAndDestroy').split(' '),
  Server: 'listen close address getConnections ref unref'.split(' ')
};
var PROTOS; // once the modules are loaded
function protos() { return {
  Buffer: Buf.prototype, EventEmitter: M.events.prototype, Readable: M.stream.Readable.prototype,
  Writable: M.stream.Writable.prototype, Duplex: M.stream.Duplex.prototype,
  StringDecoder: M.string_decoder.StringDecoder.prototype, Socket: M.net.Socket.prototype,
  Server: M.net.Server.prototype
}; }

var known = require('./diff_known.js');
var targets = [];
function buildTargets() {
  var i, c, j;
  PROTOS = protos();
  for (i = 0; i < FUNCS.length; i++) {
    if (hasOwn.call(known.notCalled, FUNCS[i])) continue;
    var parts = split(FUNCS[i], '.'), o = M;
    for (j = 0; j < parts.length && o !== undefined && o !== null; j++) o = o[parts[j]];
    targets.push({ name: FUNCS[i], f: o });
  }
  for (c in METHODS) {
    for (i = 0; i < METHODS[c].length; i++) {
      targets.push({ name: c + '#' + METHODS[c][i], f: PROTOS[c][METHODS[c][i]], cls: c });
    }
  }
  targets.push({ name: 'process.exitCode=', set: [process, 'exitCode'] });
}
var NONDET = /^(process\.(cwd|hrtime|memoryUsage|uptime)|.*#address|.*getConnections)$/;
// util.inspect and util.format show an object's own fields, which are the runtime's
// own business for the runtime's objects: their text is compared only when every
// argument is plain data (primitives, arrays, plain objects, buffers, our callbacks).
var SHOWS_FIELDS = /^util\.(inspect|format|formatWithOptions)$/;
var objectProto = Object.prototype, arrayProto = Array.prototype, bufferProto = Buffer.prototype;
var u8Proto = Uint8Array.prototype;
function plain(v, depth) {
  if (v === null || typeof v !== 'object') return typeof v !== 'function' || v.ours === true;
  var p = getProto(v);
  var k = keys(v), i;
  if (p === bufferProto || p === u8Proto) { // plain unless it has fields of its own
    for (i = 0; i < k.length; i++) if (!test(/^[0-9]+$/, k[i])) return false;
    return true;
  }
  if (depth > 3 || (p !== objectProto && p !== arrayProto)) return false;
  for (i = 0; i < k.length; i++) if (!plain(v[k[i]], depth + 1)) return false;
  return true;
}

// Our callbacks: a call that runs one before it returns shows "+cbK"; each returns a
// value fixed when it was made.
var syncCalls = 0, inCall = false;
function callback(v) {
  return mark(function () { if (inCall) syncCalls++; return v; }); // anonymous in both
}
function mark(f) {
  f.ours = true;
  return f;
}
var KEYS = ['port', 'host', 'encoding', 'allowHalfOpen', 'highWaterMark', 'timeout', 'family',
  'hints', 'all', 'verbatim', 'objectMode', 'read', 'write', 'final', 'transform', 'length', 'start',
  'end', 'backlog', 'readable', 'writable', 'lookup', 'keepAlive', 'noDelay', 'path', 'ipv6Only',
  'emitClose', 'autoDestroy', 'decodeStrings', 'defaultEncoding', 'captureRejections', 'exclusive',
  'pauseOnConnect', 'localAddress', 'localPort', 'depth', 'colors', 'compact', 'breakLength',
  'showHidden', 'sorted', 'code', 'signal', 'fd', 'base', 'name', 'ext', 'dir', 'root'];
var instances = {}, all = [];
function value(depth) {
  var r = rnd() * (depth > 2 ? 0.6 : 1);
  if (r < 0.05) return undefined;
  if (r < 0.1) return null;
  if (r < 0.2) {
    return pick([0, -1, 1, 2, 4, 8, 65535, 65536, 1e9, -1e9, NaN, Infinity, -Infinity, 0.5, 2147483648,
      4294967296, 9007199254740991, -0]);
  }
  if (r < 0.3) {
    return pick(['', 'a', 'utf8', 'hex', 'base64', 'latin1', 'ucs2', 'ascii', 'binary', '127.0.0.1', '::1',
      'localhost', '0', '80', '-1', 'x', '1.5', 'data', 'error', 'end', '/a/b', '../c', 'a.txt',
      '%s %d %j %o', '\u0000', '\ud800', 'ipv4first', 'verbatim']);
  }
  if (r < 0.35) return rnd() < 0.5;
  if (r < 0.45) return alloc(floor(rnd() * 24), floor(rnd() * 256));
  if (r < 0.5) return new Uint8Array(floor(rnd() * 10));
  if (r < 0.6) return callback(value(depth + 1));
  var i, n;
  if (r < 0.7) {
    var a = [];
    for (i = 0, n = rnd() * 4; i < n; i++) a[a.length] = value(depth + 1);
    return a;
  }
  if (r < 0.8) {
    var o = {};
    for (i = 0, n = rnd() * 4; i < n; i++) o[pick(KEYS)] = value(depth + 1);
    return o;
  }
  if (r < 0.95) return pick(all);
  var t = pick(targets);
  return t.name === 'Socket#connect' ? 0 : t.f || 0; // see `connected` below
}

// node aborts (an assertion in tcp_wrap.cc) when a socket whose TCP handle is still
// open is connected again to a path, so each socket is connected at most once here.
var connected = [];
function connectAgain(t, self) {
  if (t.name !== 'Socket#connect') return false;
  for (var i = 0; i < connected.length; i++) if (connected[i] === self) return true;
  connected[connected.length] = self;
  return false;
}

function className(v) {
  var p, c;
  try {
    p = getProto(v);
    c = p && hasOwn.call(p, 'constructor') ? p.constructor : null;
    return c && typeof c.name === 'string' ? c.name : 'Object';
  } catch (e) { return '?'; }
}
// JSON.stringify, with every character outside printable ASCII as \uXXXX: engines
// differ on lone surrogates.
var charCode = Function.prototype.call.bind(String.prototype.charCodeAt);
function quote(s) {
  var q = stringify(s), o = '';
  for (var i = 0; i < q.length; i++) {
    var c = charCode(q, i);
    o += c >= 0x20 && c < 0x7f ? q[i] : '\\u' + slice('000' + c.toString(16), -4);
  }
  return o;
}
function outcomeOf(v, name, args) {
  var t = v === null ? 'null' : typeof v;
  if (test(NONDET, name) || (test(SHOWS_FIELDS, name) && !plain(args, 0))) return t;
  if (t === 'number' || t === 'boolean' || t === 'undefined') return t + ' ' + S(v);
  if (t === 'string') return t + ' ' + v.length + ' ' + quote(slice(v, 0, 40));
  if (t === 'object') {
    var c = className(v);
    return t + ' ' + c + (c === 'Buffer' || c === 'Array' ? ' ' + v.length : '');
  }
  return t;
}
function withThis(self, args) { // [self].concat(args), without Array.prototype
  var a = [self];
  for (var i = 0; i < args.length; i++) a[i + 1] = args[i];
  return a;
}
function thrown(e) {
  if (e === null || typeof e !== 'object') return 'throw ' + (e === null ? 'null' : typeof e);
  var code;
  try { code = e.code; } catch (x) { code = '?'; }
  outOfMemory(code);
  return 'throw ' + className(e) + ' ' + (code === undefined ? '-' : S(code));
}

// A board that runs out of memory (its test-limits.txt lists this fuzz) stops here with
// the coded error, exit 1: its output would be cut anyway (flush drops what it cannot
// write), and the run could otherwise wait for ever on a handle that the rest of the
// run, dropped, would have closed. Node never gets here.
function outOfMemory(code) {
  if (code !== 'ERR_MEMORY_ALLOCATION_FAILED') return;
  flush();
  try { errWrite('Error: alloc failed (ERR_MEMORY_ALLOCATION_FAILED): the fuzz stops\n'); } catch (e) { /* nothing to do */ }
  exit(1);
}

// Tampering: [what, [owner, key] or a function giving the object to freeze]. The first
// group runs before any module is loaded (the runtime's lazily loaded code must cope),
// the second once the modules are there. Of a prototype's methods, those node's own code
// does not call at run time (it has its primordials) are replaced; not Array.prototype.push,
// slice, splice or Function.prototype.call/apply/bind: node breaks on those too.
var G = global;
var TAMPER_EARLY = [
  ['freeze', function () { return Object.prototype; }, 'Object.prototype'], ['freeze', function () { return Array.prototype; }, 'Array.prototype'],
  ['freeze', function () { return Function.prototype; }, 'Function.prototype'], ['freeze', function () { return Error.prototype; }, 'Error.prototype'],
  ['freeze', function () { return TypeError.prototype; }, 'TypeError.prototype'], ['freeze', function () { return RangeError.prototype; }, 'RangeError.prototype'],
  ['freeze', function () { return String.prototype; }, 'String.prototype'], ['freeze', function () { return Uint8Array.prototype; }, 'Uint8Array.prototype'],
  ['freeze', function () { return Math; }, 'Math'], ['freeze', function () { return JSON; }, 'JSON'],
  ['freeze', function () { return Object; }, 'Object'], ['freeze', function () { return Array; }, 'Array'],
  ['replace', [Object, 'keys'], 'Object.keys'], ['replace', [Object, 'defineProperty'], 'Object.defineProperty'], ['replace', [Object, 'create'], 'Object.create'],
  ['replace', [JSON, 'stringify'], 'JSON.stringify'], ['replace', [Math, 'floor'], 'Math.floor'], ['replace', [Array, 'isArray'], 'Array.isArray'],
  ['replace', [process, 'nextTick'], 'process.nextTick'], ['replace', [process, 'emitWarning'], 'process.emitWarning'],
  ['replace', [G, 'Buffer'], 'global.Buffer'], ['replace', [G, 'setTimeout'], 'global.setTimeout'], ['replace', [G, 'clearTimeout'], 'global.clearTimeout'],
  ['replace', [G, 'setImmediate'], 'global.setImmediate'], ['replace', [G, 'Error'], 'global.Error'], ['replace', [G, 'TypeError'], 'global.TypeError'],
  ['replace', [G, 'RangeError'], 'global.RangeError'], ['replace', [G, 'Object'], 'global.Object'], ['replace', [G, 'Array'], 'global.Array'],
  ['replace', [G, 'String'], 'global.String'], ['replace', [G, 'Math'], 'global.Math'], ['replace', [G, 'JSON'], 'global.JSON'],
  ['replace', [Math, 'min'], 'Math.min'], ['replace', [Math, 'max'], 'Math.max'], ['replace', [Object, 'getPrototypeOf'], 'Object.getPrototypeOf'],
  ['replace', [Object, 'getOwnPropertyNames'], 'Object.getOwnPropertyNames'], ['replace', [Object, 'assign'], 'Object.assign'],
  ['replace', [String.prototype, 'slice'], 'String.prototype.slice'], ['replace', [String.prototype, 'indexOf'], 'String.prototype.indexOf'],
  ['replace', [String.prototype, 'split'], 'String.prototype.split'], ['replace', [String.prototype, 'replace'], 'String.prototype.replace'],
  ['replace', [String.prototype, 'toLowerCase'], 'String.prototype.toLowerCase'], ['replace', [String.prototype, 'charCodeAt'], 'String.prototype.charCodeAt'],
  ['replace', [Array.prototype, 'join'], 'Array.prototype.join'], ['replace', [Array.prototype, 'indexOf'], 'Array.prototype.indexOf'],
  ['replace', [Array.prototype, 'forEach'], 'Array.prototype.forEach'], ['replace', [Array.prototype, 'sort'], 'Array.prototype.sort'],
  ['replace', [RegExp.prototype, 'test'], 'RegExp.prototype.test'], ['replace', [Object.prototype, 'hasOwnProperty'], 'Object.prototype.hasOwnProperty'],
  ['replace', [Object.prototype, 'toString'], 'Object.prototype.toString']
];
var TAMPER_LATE = [
  ['freeze', function () { return Buf.prototype; }, 'Buffer.prototype'], ['freeze', function () { return Buf; }, 'Buffer'],
  ['freeze', function () { return M.events.prototype; }, 'EventEmitter.prototype'], ['freeze', function () { return M.stream.Readable.prototype; }, 'Readable.prototype'],
  ['freeze', function () { return M.stream.Writable.prototype; }, 'Writable.prototype'], ['freeze', function () { return M.net.Socket.prototype; }, 'net.Socket.prototype'],
  ['freeze', function () { return M.net.Server.prototype; }, 'net.Server.prototype'], ['freeze', function () { return process; }, 'process'],
  ['replace', [Buf, 'from'], 'Buffer.from'], ['replace', [Buf, 'alloc'], 'Buffer.alloc'], ['replace', [Buf, 'isBuffer'], 'Buffer.isBuffer'],
  ['replace', [Buf, 'byteLength'], 'Buffer.byteLength']
];
var Thrown = RangeError;
function thrower() { throw new Thrown('tampered'); }
function tamper(list, group) {
  var n = 1 + floor(rnd() * 2);
  for (var i = 0; i < n; i++) {
    var k = floor(rnd() * list.length), t = list[k];
    if (ONLY >= 0) k = ONLY - (group === 'late' ? TAMPER_EARLY.length : 0), t = list[k], i = n;
    if (!t) continue;
    var what = group + ' #' + k + ' ' + t[0] + ' ' + t[2];
    if (hasOwn.call(known.notTampered, t[2])) {
      out('tamper ' + what + ' -> not done (diff_known.js)');
      continue;
    }
    try {
      if (t[0] === 'freeze') freeze(t[1]());
      else t[1][0][t[1][1]] = thrower;
      out('tamper ' + what + ' -> ok');
    } catch (e) { out('tamper ' + what + ' -> ' + thrown(e)); }
  }
}

function fresh() { // a new instance of a class picked at random ({} if that throws)
  var k = floor(rnd() * 8);
  try { return make1(k); } catch (e) { return {}; }
}
function make1(k) {
  var S2 = M.stream;
  switch (k) {
    case 0: return alloc(4, 1);
    case 1: return new M.events();
    case 2: return new S2.Readable({ read: function () {} });
    case 3: return new S2.Writable({ write: function (c, e, cb) { cb(); } });
    case 4: return new S2.PassThrough();
    case 5: return new M.string_decoder.StringDecoder('utf8');
    case 6: return new M.net.Socket();
    default: return new M.net.Server();
  }
}

function make() { // the instances methods run on, the same ones in both runtimes
  var S2 = M.stream, i;
  for (i = 0; i < 4; i++) {
    add('Buffer', alloc([0, 3, 8, 16][i], i * 60));
    add('EventEmitter', new M.events());
  }
  add('Readable', new S2.Readable({ read: function () {} }));
  add('Readable', new S2.Readable({ read: function () {}, objectMode: true }));
  add('Writable', new S2.Writable({ write: function (c, e, cb) { cb(); } }));
  add('Writable', new S2.Writable({ write: function (c, e, cb) { cb(); }, decodeStrings: false }));
  add('Duplex', new S2.Duplex({ read: function () {}, write: function (c, e, cb) { cb(); } }));
  add('Duplex', new S2.PassThrough());
  add('StringDecoder', new M.string_decoder.StringDecoder('utf8'));
  add('StringDecoder', new M.string_decoder.StringDecoder('base64'));
  add('Socket', new M.net.Socket());
  add('Socket', new M.net.Socket({ allowHalfOpen: true }));
  add('Server', new M.net.Server());
  function add(c, o) {
    (instances[c] = instances[c] || []).push(o);
    all.push(o);
    if (typeof o.on === 'function') o.on('error', function () {});
  }
}

onProcess('uncaughtException', function (e) { // errors in callbacks: not compared
  if (TRACE) process.stderr.write('uncaught ' + (e && e.stack) + '\n');
  var code;
  try { code = e && e.code; } catch (x) { /* a fuzzed getter */ }
  outOfMemory(code);
});
onProcess('exit', function (code) { out('exit ' + code); flush(); });

var done = 0;
function batch() {
  for (var k = 0; k < BATCH && done < CALLS; k++, done++) {
    var t = pick(targets);
    var args = [];
    for (var i = 0, n = rnd() * 4; i < n; i++) args[args.length] = value(0);
    var own = !t.cls || rnd() < 0.875;
    // another class's instance is a fresh one: what the call does to it stays there
    var self = !own ? fresh() : t.cls ? pick(instances[t.cls]) : pick(all);
    var asNew = !t.cls && !t.set && rnd() < 0.3;
    var res;
    if (TRACE) process.stderr.write(done + ' ' + t.name + '\n');
    syncCalls = 0;
    inCall = true;
    try {
      if (t.set) { t.set[0][t.set[1]] = args[0]; res = 'ok set'; }
      else if (typeof t.f !== 'function') res = 'missing';
      else if (connectAgain(t, self)) res = 'skipped: connected before';
      else if (asNew) res = 'ok ' + outcomeOf(new (apply(bind, t.f, withThis(null, args)))(), t.name, args);
      else res = 'ok ' + outcomeOf(apply(t.f, self, args), t.name, args);
    } catch (e) { res = thrown(e); }
    inCall = false;
    out(done + ' ' + (asNew ? 'new ' : '') + t.name + (own ? '' : ' on ' + className(self)) + ' -> ' + res +
      (syncCalls ? ' +cb' + syncCalls : ''));
  }
  flush();
  if (done < CALLS) {
    immediate(batch);
    return;
  }
  for (var j = 0; j < all.length; j++) {
    try {
      if (typeof all[j].destroy === 'function') all[j].destroy();
      if (typeof all[j].close === 'function') all[j].close();
    } catch (e) { /* fuzzed objects may refuse */ }
  }
  if (process.exitCode !== undefined && process.exitCode !== 0) out('exitCode ' + S(process.exitCode));
  var code = value(1);
  out('probe process.exit(' + (typeof code === 'string' ? quote(code) : typeof code) + ')');
  try { exit(code); out('exit returned'); } catch (e) { out('exit -> ' + thrown(e)); }
  exit(0);
}

// Constants: node's values on Linux.
var CONSTS = ('dns.ADDRCONFIG dns.V4MAPPED dns.ALL dns.NOTFOUND dns.CONNREFUSED dns.NODATA dns.TIMEOUT ' +
  'dns.BADFAMILY dns.BADHINTS dns.NONAME buffer.kMaxLength buffer.kStringMaxLength buffer.INSPECT_MAX_BYTES ' +
  'buffer.constants.MAX_LENGTH buffer.constants.MAX_STRING_LENGTH events.defaultMaxListeners ' +
  'events.captureRejections events.errorMonitor path.sep path.delimiter process.platform process.arch ' +
  'process.exitCode').split(' ');
function constants() {
  for (var ci = 0; ci < CONSTS.length; ci++) {
    var cp = split(CONSTS[ci], '.'), cv = M;
    for (var cj = 0; cj < cp.length && cv !== undefined && cv !== null; cj++) cv = cv[cp[cj]];
    out('const ' + CONSTS[ci] + ' -> ' + (typeof cv === 'symbol' ? 'symbol' : typeof cv + ' ' + S(cv)));
  }
}

var M = {};
if (TAMPER) tamper(TAMPER_EARLY, 'early');
var MODS = ['net', 'buffer', 'events', 'stream', 'dns', 'timers', 'util', 'path', 'string_decoder', 'assert'];
for (var mi = 0; mi < MODS.length; mi++) {
  try { M[MODS[mi]] = require(MODS[mi]); } catch (e) { out('require ' + MODS[mi] + ' -> ' + thrown(e)); }
}
M.process = process;
buildTargets();
constants();
make();
if (TAMPER) tamper(TAMPER_LATE, 'late');
immediate(batch);
