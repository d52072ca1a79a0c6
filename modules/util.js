// util: format, inspect (Node's layout rules: 80-column break length, 3 levels of
// compact nesting, grouped arrays, <ref *1> for cycles), inherits, types.
'use strict';
var errors = require('internal/errors');
var compare = require('internal/compare');

var customInspect = typeof Symbol === 'function' && Symbol['for'] ? Symbol['for']('nodejs.util.inspect.custom') : '__inspect_custom__';

function pad(s, n, left) {
  s = String(s);
  while (s.length < n) s = left ? ' ' + s : s + ' ';
  return s;
}

var identRe = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quote(s) {
  var q = "'";
  if (s.indexOf("'") >= 0) q = s.indexOf('"') < 0 ? '"' : s.indexOf('`') < 0 ? '`' : "'";
  var out = s.replace(/[\\\x00-\x1f\x7f]/g, function (c) {
    switch (c) {
      case '\\': return '\\\\';
      case '\n': return '\\n';
      case '\t': return '\\t';
      case '\r': return '\\r';
      case '\b': return '\\b';
      case '\f': return '\\f';
      case '\v': return '\\v';
      default: return '\\x' + pad(c.charCodeAt(0).toString(16).toUpperCase(), 2, true).replace(/ /g, '0');
    }
  });
  if (q === "'") out = out.replace(/'/g, "\\'");
  return q + out + q;
}

function formatNumber(n) {
  return n === 0 && 1 / n < 0 ? '-0' : String(n);
}

function isError(v) {
  return v instanceof Error || Object.prototype.toString.call(v) === '[object Error]';
}

function getName(v) {
  var proto = Object.getPrototypeOf(v);
  if (proto === null) return null;
  var c = proto.constructor;
  return c && typeof c.name === 'string' ? c.name : 'Object';
}

function isTypedArray(v) {
  return typeof ArrayBuffer !== 'undefined' && ArrayBuffer.isView && ArrayBuffer.isView(v) && !(v instanceof DataView);
}

function inspect(value, opts) {
  var ctx = {
    depth: 2, breakLength: 80, compact: 3, showHidden: false, maxArrayLength: 100,
    maxStringLength: 10000, seen: [], circular: [], indentationLvl: 0, currentDepth: 0,
    customInspect: true
  };
  if (opts && typeof opts === 'object') {
    for (var k in opts) if (Object.prototype.hasOwnProperty.call(opts, k)) ctx[k] = opts[k];
  }
  if (ctx.depth === null) ctx.depth = Infinity;
  return formatValue(ctx, value, 0, true);
}
inspect.custom = customInspect;
inspect.defaultOptions = { depth: 2, breakLength: 80 };

function formatPrimitive(v, top) {
  switch (typeof v) {
    case 'string': return quote(v);
    case 'number': return formatNumber(v);
    case 'boolean': return String(v);
    case 'undefined': return 'undefined';
    case 'symbol': return v.toString();
  }
  return String(v);
}

function formatValue(ctx, value, recurseTimes, typedArrayOrTop) {
  if (value === null) return 'null';
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(value);
  if (ctx.customInspect && value[customInspect] && typeof value[customInspect] === 'function' &&
      value[customInspect] !== inspect) {
    var r = value[customInspect](ctx.depth - recurseTimes, ctx, inspect);
    if (r !== value) return typeof r === 'string' ? r : formatValue(ctx, r, recurseTimes);
  }
  var idx = ctx.seen.indexOf(value);
  if (idx >= 0) {
    var ci = ctx.circular.indexOf(value);
    if (ci < 0) { ctx.circular.push(value); ci = ctx.circular.length - 1; }
    return '[Circular *' + (ci + 1) + ']';
  }
  return formatRaw(ctx, value, recurseTimes);
}

function keysOf(value, skipIndices) {
  var keys = Object.keys(value);
  if (!skipIndices) return keys;
  return keys.filter(function (k) { return !/^(0|[1-9][0-9]*)$/.test(k); });
}

function formatProperty(ctx, value, recurseTimes, key, isArrayItem) {
  var desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  var str;
  if (desc.value !== undefined || !('get' in desc)) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get) {
    str = desc.set ? '[Getter/Setter]' : '[Getter]';
  } else {
    str = desc.set ? '[Setter]' : 'undefined';
  }
  if (isArrayItem) return str;
  var name = typeof key === 'symbol' ? '[' + key.toString() + ']' : identRe.test(key) ? key : quote(key);
  return name + ': ' + str;
}

function formatRaw(ctx, value, recurseTimes) {
  var keys, base = '', braces, output = [], i, isArrayLike = false;
  var name = getName(value);
  var prefixName = function (fallback, size) {
    var n = name === null ? '[' + fallback + ': null prototype]' : name;
    return n + (size !== undefined ? '(' + size + ')' : '') + ' ';
  };

  if (Array.isArray(value)) {
    isArrayLike = true;
    keys = keysOf(value, true);
    braces = [(name === 'Array' ? '' : prefixName('Array', value.length)) + '[', ']'];
    if (value.length === 0 && keys.length === 0) return braces[0] + ']';
  } else if (isTypedArray(value)) {
    isArrayLike = true;
    keys = keysOf(value, true);
    if (value._isBuffer || name === 'Buffer') return formatBuffer(value);
    braces = [prefixName('TypedArray', value.length) + '[', ']'];
    if (value.length === 0 && keys.length === 0) return braces[0] + ']';
  } else if (typeof value === 'function') {
    keys = keysOf(value).filter(function (k) { return k !== 'prototype'; });
    base = '[Function: ' + (value.name || '(anonymous)') + ']';
    if (!value.name) base = '[Function (anonymous)]';
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else if (value instanceof RegExp) {
    base = RegExp.prototype.toString.call(value);
    keys = keysOf(value).filter(function (k) { return k !== 'lastIndex'; });
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else if (value instanceof Date) {
    base = isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    keys = keysOf(value);
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else if (isError(value)) {
    base = formatError(value);
    keys = keysOf(value).filter(function (k) { return k !== 'stack' && k !== 'message' && k !== 'lineNumber' && k !== 'fileName'; });
    if (keys.length === 0) return base;
    braces = ['{', '}'];
  } else if (value instanceof ArrayBuffer) {
    keys = keysOf(value);
    var bytes = new Uint8Array(value);
    var hex = [];
    for (i = 0; i < Math.min(bytes.length, 50); i++) hex.push(pad(bytes[i].toString(16), 2, true).replace(/ /g, '0'));
    output.push('[Uint8Contents]: <' + hex.join(' ') + (bytes.length > 50 ? ' ... ' + (bytes.length - 50) + ' more bytes' : '') + '>');
    output.push('byteLength: ' + value.byteLength);
    braces = ['ArrayBuffer {', '}'];
  } else {
    keys = keysOf(value);
    if (name === null) braces = ['[Object: null prototype] {', '}'];
    else if (name !== 'Object') braces = [name + ' {', '}'];
    else braces = ['{', '}'];
    if (keys.length === 0) return braces[0] + '}';
  }

  if (recurseTimes > ctx.depth && ctx.depth !== Infinity) {
    return '[' + (Array.isArray(value) ? 'Array' : name === null ? 'Object: null prototype' : name || 'Object') + ']';
  }

  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  if (isArrayLike) {
    var len = value.length, holes = 0, shown = Math.min(len, ctx.maxArrayLength);
    for (i = 0; i < shown; i++) {
      if (!Object.prototype.hasOwnProperty.call(value, i) && !isTypedArray(value)) {
        holes++;
        continue;
      }
      if (holes) { output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>'); holes = 0; }
      output.push(formatProperty(ctx, value, recurseTimes + 1, i, true));
    }
    if (holes) output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
    if (len > shown) output.push('... ' + (len - shown) + ' more item' + (len - shown > 1 ? 's' : ''));
  }
  for (i = 0; i < keys.length; i++) output.push(formatProperty(ctx, value, recurseTimes + 1, keys[i], false));
  ctx.seen.pop();

  var ref = ctx.circular.indexOf(value);
  if (ref >= 0) {
    var refStr = '<ref *' + (ref + 1) + '>';
    if (base) base = refStr + ' ' + base;
    else braces[0] = refStr + ' ' + braces[0];
  }
  return reduceToSingleString(ctx, output, base, braces, isArrayLike, recurseTimes, value);
}

function formatError(err) {
  var stack = err.stack ? String(err.stack) : '';
  var head = String(err.name || 'Error') + (err.message ? ': ' + err.message : '');
  if (!stack) return '[' + head + ']';
  // Duktape's stack starts with the same "Name: message" line as Node's.
  return stack.indexOf(head) === 0 ? stack : head + '\n' + stack.split('\n').slice(1).join('\n');
}

function formatBuffer(b) {
  var hex = [];
  var n = Math.min(b.length, 50);
  for (var i = 0; i < n; i++) hex.push((b[i] < 16 ? '0' : '') + b[i].toString(16));
  var more = b.length > 50 ? ' ... ' + (b.length - 50) + ' more byte' + (b.length - 50 > 1 ? 's' : '') : '';
  return '<Buffer' + (hex.length ? ' ' + hex.join(' ') : '') + more + '>';
}

function groupArrayElements(ctx, output, value) {
  var totalLength = 0, maxLength = 0, i;
  var outputLength = output.length;
  if (value && value.length > ctx.maxArrayLength && outputLength > 0) outputLength--;
  var separatorSpace = 2;
  var dataLen = new Array(outputLength);
  for (i = 0; i < outputLength; i++) {
    var len = output[i].length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  var actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
      (totalLength / actualMax > 5 || maxLength <= 6)) {
    var averageBias = Math.sqrt(actualMax - totalLength / output.length);
    var biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    var columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15);
    if (columns <= 1) return output;
    var tmp = [], maxLineLength = [];
    for (i = 0; i < columns; i++) {
      var lineLength = 0;
      for (var j = i; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
      maxLineLength.push(lineLength + separatorSpace);
    }
    var padLeft = true;
    if (value !== undefined) {
      for (i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number') { padLeft = false; break; }
      }
    }
    for (i = 0; i < outputLength; i += columns) {
      var max = Math.min(i + columns, outputLength);
      var str = '';
      var k = i;
      for (; k < max - 1; k++) str += pad(output[k] + ', ', maxLineLength[k - i], padLeft);
      str += padLeft ? pad(output[k], maxLineLength[k - i] - separatorSpace, true) : output[k];
      tmp.push(str);
    }
    if (outputLength < output.length) tmp.push(output[outputLength]);
    output = tmp;
  }
  return output;
}

function isBelowBreakLength(ctx, output, start, base) {
  var totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (var i = 0; i < output.length; i++) {
    totalLength += output[i].length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === '' || base.indexOf('\n') < 0;
}

function reduceToSingleString(ctx, output, base, braces, isArrayLike, recurseTimes, value) {
  var entries = output.length;
  if (isArrayLike && entries > 6) output = groupArrayElements(ctx, output, value);
  if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
    var start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      var joined = output.join(', ');
      if (joined.indexOf('\n') < 0) {
        return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
      }
    }
  }
  var indentation = '\n' + new Array(ctx.indentationLvl + 1).join(' ');
  return (base ? base + ' ' : '') + braces[0] + indentation + '  ' +
    output.join(',' + indentation + '  ') + indentation + braces[1];
}

// ---- format -------------------------------------------------------------------
function format() {
  var args = arguments;
  var first = args[0];
  if (args.length === 1 && typeof first === 'string') return first;
  var out = [], a = 0;
  if (typeof first === 'string') {
    a = 1;
    var s = first, parts = [], last = 0;
    for (var i = 0; i < s.length - 1; i++) {
      if (s.charCodeAt(i) !== 37) continue; // '%'
      var c = s.charAt(i + 1), rep;
      if (c === '%') { parts.push(s.slice(last, i) + '%'); last = i + 2; i++; continue; }
      if (a >= args.length) continue;
      switch (c) {
        case 's':
          var v = args[a];
          rep = typeof v === 'string' ? v : typeof v === 'number' ? formatNumber(v) :
            (v !== null && typeof v === 'object') ? inspect(v, { depth: 0 }) : String(v);
          if (typeof v === 'object' && v !== null && isError(v)) rep = formatError(v);
          break;
        case 'd': case 'i':
          var n = args[a];
          rep = typeof n === 'object' && n !== null ? 'NaN' : formatNumber(c === 'i' ? parseInt(n, 10) : Number(n));
          break;
        case 'f': rep = formatNumber(parseFloat(args[a])); break;
        case 'j':
          try { rep = JSON.stringify(args[a]); } catch (e) { rep = '[Circular]'; }
          break;
        case 'o': rep = inspect(args[a], { showHidden: true, depth: 4 }); break;
        case 'O': rep = inspect(args[a]); break;
        case 'c': rep = ''; break;
        default: continue;
      }
      parts.push(s.slice(last, i) + rep);
      last = i + 2;
      i++;
      a++;
    }
    parts.push(s.slice(last));
    out.push(parts.join(''));
  }
  for (; a < args.length; a++) {
    var x = args[a];
    out.push(typeof x === 'string' ? x : inspect(x));
  }
  return out.join(' ');
}

function inherits(ctor, superCtor) {
  if (typeof ctor !== 'function') throw errors.invalidArgType('ctor', 'function', ctor);
  if (typeof superCtor !== 'function') throw errors.invalidArgType('superCtor', 'function', superCtor);
  if (superCtor.prototype === undefined) throw errors.invalidArgType('superCtor.prototype', 'object', superCtor.prototype);
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

var warned = {};
function deprecate(fn, msg, code) {
  return function () {
    if (!warned[code || msg]) {
      warned[code || msg] = true;
      var w = new Error(msg);
      w.name = 'DeprecationWarning';
      process.emitWarning(w);
    }
    return fn.apply(this, arguments);
  };
}

module.exports = {
  format: format,
  inspect: inspect,
  inherits: inherits,
  deprecate: deprecate,
  isDeepStrictEqual: function (a, b) { return compare.deepEqual(a, b, true); },
  isArray: Array.isArray,
  isError: isError,
  types: {
    isDate: function (v) { return v instanceof Date; },
    isRegExp: function (v) { return v instanceof RegExp; },
    isNativeError: isError,
    isUint8Array: function (v) { return v instanceof Uint8Array; },
    isTypedArray: isTypedArray
  }
};
