// internal/format: util.format and util.formatWithOptions (printf-like
// %s %d %i %f %j %o %O %c substitution; other arguments are inspected).
'use strict';
var errors = require('internal/errors');
var primitive = require('internal/primitive');
var formatNumber = primitive.formatNumber;

// The object inspector is loaded only when an object is printed (internal/primitive).
function inspect(v, opts) {
  return require('internal/inspect').inspect(v, opts);
}

var hasOwn = Object.prototype.hasOwnProperty;
var getProto = Object.getPrototypeOf;
var getDescriptor = Object.getOwnPropertyDescriptor;

// Constructors whose toString is not worth calling for %s (the value is inspected instead).
var builtinConstructors = {};
['Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'Date', 'RegExp', 'Error',
  'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError',
  'ArrayBuffer', 'DataView', 'Promise', 'Proxy', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Int8Array',
  'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'].forEach(function (n) {
  builtinConstructors[n] = true;
});

function hasBuiltinToString(obj) {
  if (typeof obj.toString !== 'function') return true;
  if (hasOwn.call(obj, 'toString')) return false;
  var p = obj;
  do { p = getProto(p); } while (p !== null && !hasOwn.call(p, 'toString'));
  if (p === null) return true;
  var d = getDescriptor(p, 'constructor');
  return d !== undefined && typeof d.value === 'function' && builtinConstructors[d.value.name] === true;
}

function withOptions(opts, extra) {
  var o = {}, k;
  if (opts) for (k in opts) if (hasOwn.call(opts, k)) o[k] = opts[k];
  for (k in extra) if (hasOwn.call(extra, k)) o[k] = extra[k];
  return o;
}

function inspectArg(v, opts) {
  if (opts === undefined && primitive.isPrimitive(v)) {
    return primitive.inspectPrimitive(v); // what inspect(v) gives, without loading it
  }
  return opts === undefined ? inspect(v) : inspect(v, opts);
}

function stringifyJSON(v) {
  try {
    return JSON.stringify(v);
  } catch (e) {
    if (e && /circular|cyclic/i.test(String(e.message))) return '[Circular]';
    throw e;
  }
}

function formatSpecifier(code, arg, opts) {
  switch (code) {
    case 115: // s
      if (typeof arg === 'number') return formatNumber(arg);
      if (typeof arg === 'bigint') return String(arg) + 'n';
      if (typeof arg !== 'object' || arg === null || !hasBuiltinToString(arg)) return String(arg);
      return inspect(arg, withOptions(opts, { depth: 0, colors: false, compact: 3 }));
    case 106: // j
      var json = stringifyJSON(arg);
      return json === undefined ? 'undefined' : json;
    case 100: // d
      if (typeof arg === 'bigint') return String(arg) + 'n';
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(Number(arg));
    case 105: // i
      if (typeof arg === 'bigint') return String(arg) + 'n';
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(parseInt(arg, 10));
    case 102: // f
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(parseFloat(arg));
    case 79: // O
      return inspectArg(arg, opts);
    case 111: // o
      return inspect(arg, withOptions(opts, { showHidden: true, showProxy: true, depth: 4 }));
    case 99: // c
      return '';
  }
  return null;
}

function formatArgs(opts, args, from) {
  var end = args.length;
  if (from >= end) return '';
  var first = args[from];
  var a = from + 1;
  var out;
  if (typeof first === 'string') {
    if (a === end) return first;
    var pct = first.indexOf('%');
    if (pct === -1 || pct === first.length - 1) {
      // The common console.log('a', 'b', ...) case: nothing to substitute.
      if (a + 1 === end && typeof args[a] === 'string') return first + ' ' + args[a];
      out = [first];
    } else {
      var parts = [], last = 0, len = first.length;
      for (var i = pct; i < len - 1; i++) {
        if (first.charCodeAt(i) !== 37) continue;
        var code = first.charCodeAt(++i);
        if (a < end) {
          if (code === 37) {
            parts.push(first.slice(last, i));
            last = i + 1;
            continue;
          }
          var rep = formatSpecifier(code, args[a], opts);
          if (rep === null) continue;
          if (last !== i - 1) parts.push(first.slice(last, i - 1));
          parts.push(rep);
          last = i + 1;
          a++;
        } else if (code === 37) {
          parts.push(first.slice(last, i));
          last = i + 1;
        }
      }
      if (last !== 0) {
        if (last < len) parts.push(first.slice(last));
        first = parts.join('');
      }
      out = [first];
    }
  } else {
    out = [inspectArg(first, opts)];
  }
  for (; a < end; a++) {
    var v = args[a];
    out.push(typeof v === 'string' ? v : inspectArg(v, opts));
  }
  return out.join(' ');
}

function format() {
  return formatArgs(undefined, arguments, 0);
}

function formatWithOptions(inspectOptions) {
  if (inspectOptions === null || typeof inspectOptions !== 'object') {
    throw errors.invalidArgType('inspectOptions', 'object', inspectOptions);
  }
  return formatArgs(inspectOptions, arguments, 1);
}

module.exports = {
  format: format,
  formatWithOptions: formatWithOptions
};
