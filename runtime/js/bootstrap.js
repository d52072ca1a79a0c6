// Bootstrap: compiled as `function (core) { ... }` and called once with the
// core binding. Builds process, require, timers and the globals, and returns
// the entry points main.c calls (runMain, runEval, runRepl, exit).
function (core) {
'use strict';
var global = new Function('return this')();

// Nothing here stays resident: process's methods, nextTick's queue, exit and
// uncaught errors, the built-in module cache (runtime/process.c), Module and
// require (runtime/module_load.c) are C light functions. This runs once.
var requireBuiltin = core.requireBuiltin;

// ---- process (an EventEmitter, completed once events is loaded) ---------
// events needs its binding at once; versions gets mbedtls (a getter) where there is TLS
var process = { binding: core.binding, versions: { petrel: core.version, duktape: core.duktapeVersion } };
global.process = process;
core.setupProcess(process, global, core.hasBuiltin('tls'));
var EventEmitter = requireBuiltin('events');
Object.setPrototypeOf(process, EventEmitter.prototype);
EventEmitter.call(process);

var board = core.board;
process.title = 'petrel';
process.version = 'v' + core.version;
process.platform = core.platform;
process.arch = core.arch;
process.board = board;
process.argv = core.argv();
process.execArgv = [];
process.execPath = process.argv[0];
process.env = core.env();
process._exiting = false; // as node; true once 'exit' is emitted (no allocation then)
process.binding = core.binding;
process.cwd = core.cwd;
process.memoryUsage = core.memoryUsage;
process.release = { name: 'petrel' };
process.features = {};
process.stdout = new EventEmitter();
core.stdStream(process.stdout, 1);
process.stderr = new EventEmitter();
core.stdStream(process.stderr, 2);

// ---- globals --------------------------------------------------------------
var timers = requireBuiltin('timers');
global.setTimeout = timers.setTimeout;
global.clearTimeout = timers.clearTimeout;
global.setInterval = timers.setInterval;
global.clearInterval = timers.clearInterval;
global.setImmediate = timers.setImmediate;
global.clearImmediate = timers.clearImmediate;
global.console = requireBuiltin('console');
// With ROM built-ins (mps2-an385) the inherited globalThis names the read-only ROM
// global, not this writable one: give this one its own (as Node: not enumerable).
if (global.globalThis !== global) {
  Object.defineProperty(global, 'globalThis', { value: global, writable: true, configurable: true });
}
global.global = global;

// ---- user modules (CommonJS): Module, require and the entry points main.c
// calls (runMain, runEval, runRepl, exit) are in C: runtime/module_load.c.
return core.setupModules();
}
