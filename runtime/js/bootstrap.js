// Bootstrap: compiled as `function (core) { ... }` and called once with the
// core binding. Builds process, require, timers and the globals, and returns
// the entry points main.c calls (runMain, runEval, runRepl, exit).
function (core) {
'use strict';
var global = new Function('return this')();
var builtinModules = {};

// ---- built-in modules ---------------------------------------------------
function BuiltinModule(id) {
  this.id = id;
  this.exports = {};
  this.loaded = false;
}

function requireBuiltin(id) {
  var m = builtinModules[id];
  if (m) return m.exports;
  var fn = core.compileBuiltin(id);
  if (fn === undefined) throw moduleNotFound(id, null);
  m = builtinModules[id] = new BuiltinModule(id);
  fn.call(m.exports, m.exports, requireBuiltin, m, process, global);
  m.loaded = true;
  // Compiling a built-in takes a while on a slow board (~100 ms for net under QEMU):
  // timers set after it count from now, not from before it.
  if (core.updateNow) core.updateNow();
  return m.exports;
}

function isUserBuiltin(id) {
  return id.indexOf('internal/') !== 0 && core.hasBuiltin(id);
}

function moduleNotFound(request, parent) {
  var msg = "Cannot find module '" + request + "'";
  if (parent && parent.filename) msg += '\nRequire stack:\n- ' + parent.filename;
  var e = new Error(msg);
  e.code = 'MODULE_NOT_FOUND';
  return e;
}

// ---- process (an EventEmitter, completed once events is loaded) ---------
var process = { binding: core.binding }; // events needs its binding at once
global.process = process;
var EventEmitter = requireBuiltin('events');
Object.setPrototypeOf(process, EventEmitter.prototype);
EventEmitter.call(process);
var errors = requireBuiltin('internal/errors');

var board = core.board;
process.title = 'petrel';
process.version = 'v' + core.version;
process.versions = { petrel: core.version, duktape: core.duktapeVersion };
// The TLS library's version, as node's `openssl` entry: read from the tls binding
// (made on first use) only when asked, and only on boards that have it.
if (core.hasBuiltin('tls')) {
  Object.defineProperty(process.versions, 'mbedtls', {
    enumerable: true,
    configurable: true,
    get: function () { return process.binding('tls').engine.replace(/^mbedTLS /, ''); }
  });
}
process.platform = core.platform;
process.arch = core.arch;
process.board = board;
process.argv = core.argv();
process.execArgv = [];
process.execPath = process.argv[0];
process.env = core.env();
process.exitCode = undefined;
process.binding = core.binding;
process.cwd = core.cwd;
process.memoryUsage = core.memoryUsage;
process.release = { name: 'petrel' };
process.features = {};
var startTime = core.hrtime();
process.hrtime = function hrtime(prev) {
  var t = core.hrtime();
  if (prev) {
    var s = t[0] - prev[0], ns = t[1] - prev[1];
    if (ns < 0) { s--; ns += 1e9; }
    return [s, ns];
  }
  return t;
};
process.uptime = function () {
  var d = process.hrtime(startTime);
  return d[0] + d[1] / 1e9;
};

// nextTick: a queue drained after every callback from C (see runtime/callback.c).
// Parallel arrays (function + up to three arguments) so that queuing a tick
// allocates nothing on the hot path; more arguments go in an array.
var tickFn = [], tickA = [], tickB = [], tickC = [], tickN = [];
var tickHead = 0, tickTail = 0;
// The entry counts only once all of it is stored: on a full heap any store may throw,
// and a half-stored entry would later run its function without its arguments.
process.nextTick = function nextTick(fn, a, b, c) {
  if (typeof fn !== 'function') throw errors.invalidArgType('callback', 'function', fn);
  var n = arguments.length - 1, i = tickTail;
  if (n > 3) {
    tickA[i] = Array.prototype.slice.call(arguments, 1);
    n = -1;
  } else {
    tickA[i] = a;
    tickB[i] = b;
    tickC[i] = c;
  }
  tickN[i] = n;
  tickFn[i] = fn;
  if (tickHead === tickTail) core.markTicks();
  tickTail = i + 1;
};
function runTicks() {
  while (tickHead < tickTail) {
    var i = tickHead++;
    var fn = tickFn[i], a = tickA[i], b = tickB[i], c = tickC[i], n = tickN[i];
    tickFn[i] = tickA[i] = tickB[i] = tickC[i] = undefined;
    try {
      if (n === 0) fn();
      else if (n === 1) fn(a);
      else if (n === 2) fn(a, b);
      else if (n === 3) fn(a, b, c);
      else fn.apply(undefined, a);
    } catch (e) {
      fatalException(e);
    }
  }
  tickHead = tickTail = 0;
}
Object.defineProperty(process, '_tickCallback', { value: runTicks, writable: true });
global.queueMicrotask = function queueMicrotask(fn) {
  if (typeof fn !== 'function') throw errors.invalidArgType('callback', 'function', fn);
  process.nextTick(fn);
};

function describeError(err) {
  try {
    return requireBuiltin('util').inspect(err);
  } catch (e) {
    return (err && err.stack) || String(err);
  }
}

var exiting = false;
function emitExit(code) {
  if (!exiting) {
    exiting = true;
    process._exiting = true;
    process.emit('exit', code);
  }
  return process.exitCode !== undefined ? (process.exitCode | 0) : code;
}
var exitHook = null; // the REPL's raw mode ends a run instead of the process
process.exit = function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (exitHook) exitHook(process.exitCode !== undefined ? process.exitCode | 0 : 0);
  var c = emitExit(process.exitCode !== undefined ? process.exitCode | 0 : 0);
  core.reallyExit(c);
};
process.reallyExit = core.reallyExit;
process.abort = function () { core.reallyExit(134); };

var uncaughtHook = null; // set by the REPL: errors there are reported, not fatal
function fatalException(err) {
  if (uncaughtHook && uncaughtHook(err)) return;
  if (process.listenerCount('uncaughtException') > 0) {
    process.emit('uncaughtException', err, 'uncaughtException');
    return;
  }
  try {
    core.print(2, 'Uncaught ' + describeError(err) + '\n');
  } catch (e) {
    // The heap is full (often why err was thrown): strings that exist already,
    // printed one by one, need no allocation.
    core.print(2, 'Uncaught ');
    core.print(2, err && typeof err.name === 'string' ? err.name : 'Error');
    core.print(2, ': ');
    core.print(2, err && typeof err.message === 'string' ? err.message : '');
    core.print(2, '\n');
  }
  process.exitCode = 1;
  core.reallyExit(emitExit(1) || 1);
}

Object.defineProperty(process, '_fatalException', { value: fatalException, writable: true });

// Node's forms: (warning[, type[, code]][, ctor]) and (warning, {type, code, detail}).
process.emitWarning = function emitWarning(warning, type, code) {
  var detail;
  if (type !== null && typeof type === 'object') {
    code = type.code;
    detail = type.detail;
    type = type.type;
  }
  if (typeof type !== 'string') type = 'Warning';
  if (typeof code !== 'string') code = undefined;
  if (typeof warning === 'string') {
    warning = new Error(warning);
    warning.name = type;
    if (code !== undefined) warning.code = code;
    if (typeof detail === 'string') warning.detail = detail;
  }
  if (warning && warning.name === 'DeprecationWarning' && process.noDeprecation) return;
  process.nextTick(function () {
    process.emit('warning', warning);
    var msg = warning && warning.message !== undefined ? warning.message : String(warning);
    core.print(2, '(petrel) ' + (warning && warning.code ? '[' + warning.code + '] ' : '') +
      ((warning && warning.name) || 'Warning') + ': ' + msg + '\n' +
      (warning && typeof warning.detail === 'string' ? warning.detail + '\n' : ''));
  });
};

function stdStream(fd) {
  var s = new EventEmitter();
  s.fd = fd;
  s.isTTY = core.isTTY();
  s.writable = true;
  s.write = function (chunk, enc, cb) {
    if (typeof enc === 'function') cb = enc;
    core.print(fd, typeof chunk === 'string' ? chunk : String(global.Buffer && global.Buffer.isBuffer(chunk) ? chunk.toString() : chunk));
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };
  s.end = function (chunk) { if (chunk !== undefined) s.write(chunk); };
  return s;
}
process.stdout = stdStream(1);
process.stderr = stdStream(2);
// process.stdin is made on first use (internal/stdin.js); the REPL owns the input
// while it runs.
var stdin = null, replRunning = false;
Object.defineProperty(process, 'stdin', {
  get: function () {
    return stdin || (stdin = requireBuiltin('internal/stdin')(function () { return !replRunning; }));
  },
  enumerable: true,
  configurable: true
});

// ---- globals --------------------------------------------------------------
var timers = requireBuiltin('timers');
['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate'].forEach(function (k) {
  global[k] = timers[k];
});
// Buffer, the largest module a script may never touch, loads on first use
// (buffer.js hands its prototype to C then); afterwards global.Buffer is a
// plain writable property, as in Node.
function setGlobalBuffer(value) {
  Object.defineProperty(global, 'Buffer', { value: value, writable: true, enumerable: false, configurable: true });
}
Object.defineProperty(global, 'Buffer', {
  get: function () { var B = requireBuiltin('buffer').Buffer; setGlobalBuffer(B); return B; },
  set: setGlobalBuffer,
  enumerable: false,
  configurable: true
});
global.console = requireBuiltin('console');
if (typeof global.globalThis === 'undefined') global.globalThis = global;
global.global = global;

core.setHooks({
  runTicks: runTicks,
  fatalException: fatalException,
  beforeExit: function () {
    if (!exiting) process.emit('beforeExit', process.exitCode !== undefined ? process.exitCode | 0 : 0);
  }
});

// ---- user modules (CommonJS) --------------------------------------------
function Module(id, parent) {
  this.id = id;
  this.filename = id;
  this.path = core.dirname(id);
  this.exports = {};
  this.parent = parent || null;
  this.loaded = false;
  this.children = [];
  this.paths = core.modulePaths(this.path);
  if (parent) parent.children.push(this);
}
Module._cache = {};
Module.builtinModules = core.builtinNames().filter(function (n) { return n.indexOf('internal/') !== 0; });
Module._extensions = {
  '.js': function (module, filename) {
    var src = core.readFile(filename);
    if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
    if (src.charAt(0) === '#' && src.charAt(1) === '!') src = '//' + src.slice(2);
    var fn = core.compileFunction('function (exports, require, module, __filename, __dirname) {' + src + '\n}', filename);
    fn.call(module.exports, module.exports, makeRequire(module), module, filename, core.dirname(filename));
  },
  '.json': function (module, filename) {
    var src = core.readFile(filename);
    try {
      module.exports = JSON.parse(src);
    } catch (e) {
      e.message = filename + ': ' + e.message;
      throw e;
    }
  }
};

// The lookup (relative or node_modules, extensions, package.json main, index
// files) is in C: runtime/module_resolve.c.
function resolveFilename(request, parent) {
  if (request.indexOf('node:') === 0) {
    var name = request.slice(5);
    if (isUserBuiltin(name)) return { builtin: name };
    throw moduleNotFound(request, parent);
  }
  if (isUserBuiltin(request)) return { builtin: request };
  var found = core.resolveFile(request, parent ? parent.path : core.cwd());
  if (!found) throw moduleNotFound(request, parent);
  return { filename: found };
}

function loadModule(request, parent) {
  var r = resolveFilename(request, parent);
  if (r.builtin) return requireBuiltin(r.builtin);
  var cached = Module._cache[r.filename];
  if (cached) return cached.exports;
  var module = new Module(r.filename, parent);
  Module._cache[r.filename] = module;
  var ok = false;
  try {
    var ext = core.extname(r.filename);
    (Module._extensions[ext] || Module._extensions['.js'])(module, r.filename);
    ok = true;
  } finally {
    if (!ok) delete Module._cache[r.filename];
  }
  module.loaded = true;
  return module.exports;
}

function makeRequire(module) {
  function require(id) {
    if (typeof id !== 'string') throw errors.invalidArgType('id', 'string', id);
    if (id === '') throw errors.invalidArgValue('id', id, "must be a non-empty string");
    return loadModule(id, module);
  }
  require.resolve = function (request) {
    var r = resolveFilename(request, module);
    return r.builtin || r.filename;
  };
  require.cache = Module._cache;
  require.main = mainModule;
  return require;
}

var mainModule;
Module.prototype.require = function (id) { return loadModule(id, this); };
builtinModules.module = { exports: Module, loaded: true };

// ---- entry points called by main.c ----------------------------------------
return {
  runMain: function (file) {
    var filename = core.resolvePath(core.cwd(), file);
    var found = core.resolveFile(file, core.cwd(), true);
    if (!found) {
      var e = moduleNotFound(filename, null);
      core.print(2, 'petrel: cannot find script ' + file + '\n');
      process.exitCode = 1;
      core.reallyExit(emitExit(1) || 1);
      throw e;
    }
    process.argv[1] = found;
    var module = new Module(found, null);
    module.id = '.';
    mainModule = module;
    Module._cache[found] = module;
    (Module._extensions[core.extname(found)] || Module._extensions['.js'])(module, found);
    module.loaded = true;
  },
  runEval: function (code, print) {
    var module = new Module(core.resolvePath(core.cwd(), '[eval]'), null);
    mainModule = module;
    global.require = makeRequire(module);
    global.module = module;
    global.exports = module.exports;
    var result = core.evalScript(code, '[eval]');
    if (print) console.log(result);
  },
  runRepl: function (terminal) {
    replRunning = true;
    var module = new Module(core.resolvePath(core.cwd(), '<repl>'), null);
    global.require = makeRequire(module);
    global.module = module;
    global.exports = module.exports;
    core.replStart({ // runtime/repl.c
      terminal: terminal,
      require: requireBuiltin,
      setExitHook: function (fn) { exitHook = fn; },
      setUncaughtHook: function (fn) { uncaughtHook = fn; },
      // Runs source as the main module of a raw-mode run (require relative to cwd).
      runModule: function (src, filename, args) {
        for (var k in Module._cache) delete Module._cache[k];
        var m = new Module(filename, null);
        m.id = '.';
        mainModule = m;
        process.argv = [process.execPath, filename].concat(args || []);
        Module._cache[filename] = m;
        if (src === null) src = core.readFile(filename);
        var fn = core.compileFunction('function (exports, require, module, __filename, __dirname) {' + src + '\n}', filename);
        fn.call(m.exports, m.exports, makeRequire(m), m, filename, core.dirname(filename));
        m.loaded = true;
      }
    });
  },
  exit: function () {
    return emitExit(process.exitCode !== undefined ? process.exitCode | 0 : 0);
  }
};
}
