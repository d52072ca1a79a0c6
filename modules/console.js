// console: formatted output to stdout/stderr through util.format.
'use strict';
var core = process.binding('core');

// Formatting is loaded on the first call that needs it: a device printing plain
// strings never compiles it, and one printing primitives never compiles the object
// inspector (internal/format loads it only for objects).
var util = {
  format: function () {
    var i, n = arguments.length;
    for (i = 0; i < n; i++) {
      var a = arguments[i];
      if (typeof a !== 'string' || (i === 0 && a.indexOf('%') >= 0)) {
        return require('internal/format').format.apply(null, arguments);
      }
    }
    return Array.prototype.join.call(arguments, ' ');
  },
  inspect: function (v, o) { return require('internal/inspect').inspect(v, o); }
};

function Console(options) {
  if (!(this instanceof Console)) return new Console(options);
  var out = options && options.stdout ? options.stdout : options;
  this._out = out || null;
  this._err = (options && options.stderr) || out || null;
  this._counts = {};
  this._times = {};
  this._indent = '';
  var self = this;
  // Methods are bound so `var log = console.log; log('x')` works, as in Node.
  ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'assert', 'count', 'countReset',
   'time', 'timeEnd', 'timeLog', 'group', 'groupEnd', 'table'].forEach(function (k) {
    self[k] = Console.prototype[k].bind(self);
  });
  this.groupCollapsed = this.group;
}

Console.prototype._write = function (fd, text) {
  if (this._indent) text = this._indent + text.split('\n').join('\n' + this._indent);
  var stream = fd === 2 ? this._err : this._out;
  if (stream) stream.write(text + '\n');
  else core.print(fd, text + '\n');
};
Console.prototype.log = function () { this._write(1, util.format.apply(null, arguments)); };
Console.prototype.info = Console.prototype.log;
Console.prototype.debug = Console.prototype.log;
Console.prototype.warn = function () { this._write(2, util.format.apply(null, arguments)); };
Console.prototype.error = Console.prototype.warn;
Console.prototype.trace = function () {
  var e = new Error(util.format.apply(null, arguments));
  var stack = String(e.stack || '').split('\n').slice(1).join('\n');
  this._write(2, 'Trace: ' + e.message + (stack ? '\n' + stack : ''));
};
Console.prototype.dir = function (obj, opts) { this._write(1, util.inspect(obj, opts)); };
Console.prototype.assert = function (cond) {
  if (cond) return;
  var rest = Array.prototype.slice.call(arguments, 1);
  this._write(2, 'Assertion failed' + (rest.length ? ': ' + util.format.apply(null, rest) : ''));
};
Console.prototype.count = function (label) {
  label = label === undefined ? 'default' : String(label);
  this._counts[label] = (this._counts[label] || 0) + 1;
  this._write(1, label + ': ' + this._counts[label]);
};
Console.prototype.countReset = function (label) {
  this._counts[label === undefined ? 'default' : String(label)] = 0;
};
Console.prototype.time = function (label) {
  this._times[label === undefined ? 'default' : String(label)] = process.hrtime();
};
function elapsed(self, label) {
  var t = self._times[label];
  if (!t) return null;
  var d = process.hrtime(t);
  return label + ': ' + (d[0] * 1e3 + d[1] / 1e6).toFixed(3) + 'ms';
}
Console.prototype.timeEnd = function (label) {
  label = label === undefined ? 'default' : String(label);
  var s = elapsed(this, label);
  if (s) { this._write(1, s); delete this._times[label]; }
};
Console.prototype.timeLog = function (label) {
  label = label === undefined ? 'default' : String(label);
  var s = elapsed(this, label);
  if (s) this._write(1, s);
};
Console.prototype.group = function () {
  if (arguments.length) this.log.apply(this, arguments);
  this._indent += '  ';
};
Console.prototype.groupEnd = function () { this._indent = this._indent.slice(2); };
Console.prototype.table = function (data) { this.log(data); };

var console = new Console(null);
console.Console = Console;
module.exports = console;
