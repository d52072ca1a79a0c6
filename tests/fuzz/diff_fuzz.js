// diff_fuzz.js SEED CALLS [tamper]: the differential fuzz. The same seeded sequence of
// calls into the built-in modules runs under node and under Petrel (tests/fuzz/diff.sh
// runs both and compares); each call prints one line, "N NAME -> OUTCOME", where the
// outcome is what a user can see: "ok TYPE[ VALUE]" or "throw CLASS CODE", plus "+cbK"
// when the call ran K of our callbacks before returning. The call list below holds only
// names both runtimes have, and nothing a call returns feeds later choices, so both
// runtimes draw the same numbers and make the same calls: a line that differs is a
// divergence at that call (later lines may differ because of it; diff.sh reports the
// first one per seed first).
// "tamper": before the calls, user code freezes or replaces a seeded handful of the
// built-in objects (Array.prototype, Error, the global Buffer...). Node's own code does
// not read them after start-up (primordials); the runtime's must not depend on them
// either. The script captures what it needs itself before tampering.
// "trace" as 5th argument prints each call's name on stderr first (for hangs).
// The run ends with one process.exit(VALUE) probe and the 'exit' event's code.
'use strict';
var seed = +process.argv[2] || 1;
var CALLS = +process.argv[3] || 1000;
var TAMPER = process.argv[4] === 'tamper';
var TRACE = process.argv[5] === 'trace'; // each call's name on stderr before it runs

// Captured before any tampering: the script itself must not depend on built-ins.
var apply = Function.prototype.call.bind(Function.prototype.apply);
var bind = Function.prototype.call.bind(Function.prototype.bind);
var floor = Math.floor, stringify = JSON.stringify, S = String, hasOwn = Object.prototype.hasOwnProperty;
var alloc = bind(Buffer.alloc, Buffer), freeze = Object.freeze, keys = Object.keys, getProto = Object.getPrototypeOf;
var slice = Function.prototype.call.bind(String.prototype.slice);
var lines = [];
var write = bind(process.stdout.write, process.stdout);
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

var M = {};
var MODS = ['net', 'buffer', 'events', 'stream', 'dns', 'timers', 'util', 'path', 'string_decoder', 'assert'];
for (var mi = 0; mi < MODS.length; mi++) M[MODS[mi]] = require(MODS[mi]);
M.process = process;

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
var PROTOS = {
  Buffer: Buffer.prototype, EventEmitter: M.events.prototype, Readable: M.stream.Readable.prototype,
  Writable: M.stream.Writable.prototype, Duplex: M.stream.Duplex.prototype,
  StringDecoder: M.string_decoder.StringDecoder.prototype, Socket: M.net.Socket.prototype,
  Server: M.net.Server.prototype
};

var known = require('./diff_known.js');
var targets = [];
(function () {
  var i, c, j;
  for (i = 0; i < FUNCS.length; i++) {
    if (hasOwn.call(known.notCalled, FUNCS[i])) continue;
    var parts = FUNCS[i].split('.'), o = M;
    for (j = 0; j < parts.length && o !== undefined && o !== null; j++) o = o[parts[j]];
    targets.push({ name: FUNCS[i], f: o });
  }
  for (c in METHODS) {
    for (i = 0; i < METHODS[c].length; i++) {
      targets.push({ name: c + '#' + METHODS[c][i], f: PROTOS[c][METHODS[c][i]], cls: c });
    }
  }
  targets.push({ name: 'process.exitCode=', set: [process, 'exitCode'] });
})();
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
  if (p === bufferProto || p === u8Proto) return true;
  if (depth > 3 || (p !== objectProto && p !== arrayProto)) return false;
  var k = keys(v);
  for (var i = 0; i < k.length; i++) if (!plain(v[k[i]], depth + 1)) return false;
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
function outcomeOf(v, name, args) {
  var t = v === null ? 'null' : typeof v;
  if (NONDET.test(name) || (SHOWS_FIELDS.test(name) && !plain(args, 0))) return t;
  if (t === 'number' || t === 'boolean' || t === 'undefined') return t + ' ' + S(v);
  if (t === 'string') return t + ' ' + v.length + ' ' + stringify(slice(v, 0, 40));
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
  return 'throw ' + className(e) + ' ' + (code === undefined ? '-' : S(code));
}

function tamper() {
  var G = global;
  var TARGETS = [
    ['freeze', Object.prototype], ['freeze', Array.prototype], ['freeze', Function.prototype],
    ['freeze', Error.prototype], ['freeze', TypeError.prototype], ['freeze', RangeError.prototype],
    ['freeze', String.prototype], ['freeze', Buffer.prototype], ['freeze', Uint8Array.prototype],
    ['freeze', M.events.prototype], ['freeze', M.stream.Readable.prototype],
    ['freeze', M.stream.Writable.prototype], ['freeze', M.net.Socket.prototype], ['freeze', process],
    ['freeze', Buffer], ['freeze', Math], ['freeze', JSON], ['freeze', Object], ['freeze', Array],
    ['replace', Array.prototype, 'push'], ['replace', Array.prototype, 'slice'],
    ['replace', Array.prototype, 'splice'], ['replace', Array.prototype, 'indexOf'],
    ['replace', Array.prototype, 'forEach'], ['replace', Array.prototype, 'join'],
    ['replace', Array.prototype, 'concat'], ['replace', Array.prototype, 'shift'],
    ['replace', Function.prototype, 'call'], ['replace', Function.prototype, 'apply'],
    ['replace', Function.prototype, 'bind'], ['replace', String.prototype, 'slice'],
    ['replace', String.prototype, 'charCodeAt'], ['replace', String.prototype, 'toLowerCase'],
    ['replace', String.prototype, 'indexOf'], ['replace', String.prototype, 'split'],
    ['replace', Object, 'keys'], ['replace', Object, 'defineProperty'], ['replace', Object, 'create'],
    ['replace', Object, 'assign'], ['replace', JSON, 'stringify'], ['replace', Math, 'floor'],
    ['replace', Math, 'min'], ['replace', Math, 'max'], ['replace', Buffer, 'from'],
    ['replace', Buffer, 'alloc'], ['replace', Buffer, 'isBuffer'], ['replace', Buffer, 'byteLength'],
    ['replace', Buffer.prototype, 'slice'], ['replace', Buffer.prototype, 'toString'],
    ['replace', process, 'nextTick'], ['replace', process, 'emitWarning'],
    ['replace', G, 'Buffer'], ['replace', G, 'setTimeout'], ['replace', G, 'clearTimeout'],
    ['replace', G, 'setImmediate'], ['replace', G, 'Error'], ['replace', G, 'TypeError'],
    ['replace', G, 'RangeError'], ['replace', G, 'Object'], ['replace', G, 'Array'],
    ['replace', G, 'String'], ['replace', G, 'Math'], ['replace', G, 'JSON'], ['replace', G, 'Promise']
  ];
  function thrower() { throw new RangeError('tampered'); }
  var n = 1 + floor(rnd() * 3);
  for (var i = 0; i < n; i++) {
    var t = pick(TARGETS);
    var idx = -1;
    for (var k = 0; k < TARGETS.length; k++) if (TARGETS[k] === t) idx = k;
    var what = t[0] + ' #' + idx + (t[2] ? ' .' + t[2] : '');
    try {
      if (t[0] === 'freeze') freeze(t[1]);
      else t[1][t[2]] = thrower;
      out('tamper ' + what + ' -> ok');
    } catch (e) { out('tamper ' + what + ' -> ' + thrown(e)); }
  }
}

function make() { // the instances methods run on, the same ones in both runtimes
  var S2 = M.stream, i;
  for (i = 0; i < 4; i++) {
    add('Buffer', Buffer.alloc([0, 3, 8, 16][i], i * 60));
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

onProcess('uncaughtException', function (e) { if (TRACE) process.stderr.write('uncaught ' + (e && e.stack) + '\n'); }); // errors in callbacks: not compared
onProcess('exit', function (code) { out('exit ' + code); flush(); });

var done = 0;
function batch() {
  for (var k = 0; k < 50 && done < CALLS; k++, done++) {
    var t = pick(targets);
    var args = [];
    for (var i = 0, n = rnd() * 4; i < n; i++) args[args.length] = value(0);
    var own = !t.cls || rnd() < 0.875;
    var self = own && t.cls ? pick(instances[t.cls]) : pick(all);
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
  out('probe process.exit(' + (typeof code === 'string' ? stringify(code) : typeof code) + ')');
  try { exit(code); out('exit returned'); } catch (e) { out('exit -> ' + thrown(e)); }
  exit(0);
}

// Constants: node's values on Linux.
var CONSTS = ('dns.ADDRCONFIG dns.V4MAPPED dns.ALL dns.NOTFOUND dns.CONNREFUSED dns.NODATA dns.TIMEOUT ' +
  'dns.BADFAMILY dns.BADHINTS dns.NONAME buffer.kMaxLength buffer.kStringMaxLength buffer.INSPECT_MAX_BYTES ' +
  'buffer.constants.MAX_LENGTH buffer.constants.MAX_STRING_LENGTH events.defaultMaxListeners ' +
  'events.captureRejections events.errorMonitor path.sep path.delimiter process.platform process.arch ' +
  'process.exitCode').split(' ');
for (var ci = 0; ci < CONSTS.length; ci++) {
  var cp = CONSTS[ci].split('.'), cv = M;
  for (var cj = 0; cj < cp.length && cv !== undefined && cv !== null; cj++) cv = cv[cp[cj]];
  out('const ' + CONSTS[ci] + ' -> ' + (typeof cv === 'symbol' ? 'symbol' : typeof cv + ' ' + S(cv)));
}
make();
if (TAMPER) tamper();
immediate(batch);
