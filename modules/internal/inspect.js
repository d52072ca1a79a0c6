// internal/inspect: util.inspect and the value classification it needs.
// inspect follows Node v20's layout: one line when the entries fit in
// breakLength (80) and the object holds at most 3 inner levels, otherwise one
// entry per line indented by two spaces; more than 6 short array entries are
// set in columns; objects met again while printing become [Circular *N] and
// their first occurrence gets <ref *N>.
'use strict';
var primitive = require('internal/primitive');
var formatNumber = primitive.formatNumber;
var quoteString = primitive.quoteString;
var formatString = primitive.formatString;
var formatPrimitive = primitive.formatPrimitive;
var plural = primitive.plural;
var collectionKind = primitive.collectionKind;       // 1 Map, 2 Set, 3 WeakMap, 4 WeakSet, 0
var collectionEntries = primitive.collectionEntries; // [k0, v0, k1, v1 ...] or [v0, v1 ...]
var COLLECTION_NAMES = ['', 'Map', 'Set', 'WeakMap', 'WeakSet'];

var hasOwn = ObjectPrototypeHasOwnProperty;
var isEnumerable = ObjectPrototypePropertyIsEnumerable;
var objectToString = ObjectPrototypeToString;
var getProto = ObjectGetPrototypeOf;
var getDescriptor = ObjectGetOwnPropertyDescriptor;
var hasSymbols = typeof Symbol === 'function' && typeof Symbol('') === 'symbol';
var getSymbols = hasSymbols && typeof ObjectGetOwnPropertySymbols === 'function' ? ObjectGetOwnPropertySymbols : null;
var customInspectSymbol = hasSymbols && typeof Symbol['for'] === 'function' ?
  Symbol['for']('nodejs.util.inspect.custom') : '@@nodejs.util.inspect.custom';
var toStringTagSymbol = hasSymbols && typeof Symbol.toStringTag === 'symbol' ? Symbol.toStringTag : null;
var hasTypedArrays = typeof ArrayBuffer === 'function' && typeof ArrayBuffer.isView === 'function';

// Kinds of entry lists (they decide indentation, grouping and sorting).
var KIND_OBJECT = 0;
var KIND_ARRAY = 1;      // array and typed array entries (may be set in columns)
var KIND_ITEM = 2;       // a single array element: printed without a key

var identifierRe = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
var inspectDefaults = primitive.inspectDefaults; // util.inspect.defaultOptions
var optionNames = ObjectKeys(inspectDefaults);

var spaceCache = [''];
function spaces(n) {
  var s = spaceCache[n];
  if (s === undefined) {
    s = ArrayPrototypeJoin(new Array(n + 1), ' ');
    if (n < 64) spaceCache[n] = s;
  }
  return s;
}

function hex2(b) {
  return (b < 16 ? '0' : '') + b.toString(16);
}

// ---- object classification -------------------------------------------------------
function isError(v) {
  return v instanceof Error || objectToString(v) === '[object Error]';
}

function isTypedArray(v) {
  return hasTypedArrays && ArrayBuffer.isView(v) && !(typeof DataView === 'function' && v instanceof DataView);
}

function isBuffer(v) {
  if (v === null || typeof v !== 'object') return false;
  if (v._isBuffer === true) return true;
  var c = v.constructor;
  return typeof c === 'function' && c.name === 'Buffer' && isTypedArray(v);
}

function isIndexKey(k) {
  var c = StringPrototypeCharCodeAt(k, 0);
  if (c < 48 || c > 57) return false;
  if (k.length === 1) return true;
  return c !== 48 && String(k >>> 0) === k && k !== '4294967295';
}

// Name of the nearest constructor whose prototype the value inherits
// (null for objects without one, e.g. ObjectCreate(null)).
function constructorName(obj) {
  var o = obj;
  while (o !== null && o !== undefined) {
    var d = getDescriptor(o, 'constructor');
    if (d !== undefined && typeof d.value === 'function' && typeof d.value.name === 'string' &&
        d.value.name !== '' && instanceOf(obj, d.value)) {
      return d.value.name;
    }
    o = getProto(o);
  }
  return null;
}

function instanceOf(obj, ctor) {
  try { return obj instanceof ctor; } catch (e) { return false; }
}

function stringTag(ctx, value) {
  if (toStringTagSymbol === null) return '';
  var tag;
  try { tag = value[toStringTagSymbol]; } catch (e) { return ''; }
  if (typeof tag !== 'string' || tag === '') return '';
  // An own enumerable tag is printed as a key instead.
  if ((ctx.showHidden ? hasOwn : isEnumerable)(value, toStringTagSymbol)) return '';
  return tag;
}

function prefixOf(ctor, tag, fallback, size) {
  size = size || '';
  if (ctor === null) {
    if (tag !== '' && fallback !== tag) return '[' + fallback + size + ': null prototype] [' + tag + '] ';
    return '[' + fallback + size + ': null prototype] ';
  }
  if (tag !== '' && ctor !== tag) return ctor + size + ' [' + tag + '] ';
  return ctor + size + ' ';
}

function ownKeys(value, showHidden, skipIndices) {
  var keys = showHidden ? ObjectGetOwnPropertyNames(value) : ObjectKeys(value);
  var i;
  if (skipIndices) {
    var kept = [];
    for (i = 0; i < keys.length; i++) if (!isIndexKey(keys[i])) kept.push(keys[i]);
    keys = kept;
  }
  if (getSymbols !== null) {
    var syms = getSymbols(value);
    for (i = 0; i < syms.length; i++) {
      if (showHidden || isEnumerable(value, syms[i])) keys.push(syms[i]);
    }
  }
  return keys;
}

function removeKey(keys, name) {
  var i = ArrayPrototypeIndexOf(keys, name);
  if (i !== -1) keys.splice(i, 1);
}

// ---- inspect ----------------------------------------------------------------------
function inspect(value, opts) {
  var t = typeof value;
  if (arguments.length < 2 && t !== 'object' && t !== 'function') {
    return primitive.inspectPrimitive(value);
  }
  var ctx = {
    seen: [], circular: null, indentationLvl: 0, currentDepth: 0
  };
  var i, k;
  for (i = 0; i < optionNames.length; i++) ctx[optionNames[i]] = inspectDefaults[optionNames[i]];
  if (opts !== null && typeof opts === 'object') {
    for (i = 0; i < optionNames.length; i++) {
      k = optionNames[i];
      if (hasOwn(opts, k)) ctx[k] = opts[k];
    }
    if (typeof opts.stylize === 'function') ctx.stylize = opts.stylize;
  } else if (arguments.length > 1) {
    // Legacy signature: inspect(value, showHidden, depth, colors)
    if (opts !== undefined) ctx.showHidden = !!opts;
    if (arguments.length > 2 && arguments[2] !== undefined) ctx.depth = arguments[2];
    if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
  }
  if (ctx.depth === null) ctx.depth = Infinity;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  else ctx.maxArrayLength = MathMax(0, +ctx.maxArrayLength || 0);
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  else ctx.maxStringLength = MathMax(0, +ctx.maxStringLength || 0);
  if (ctx.breakLength === null || ctx.breakLength === undefined) ctx.breakLength = 80;
  return formatValue(ctx, value, 0, false);
}

function identity(s) { return s; }

// A hook is given util.inspect, as in Node (util loads with the first hook).
function utilInspect() { return require('util').inspect; }

// The options object handed to [util.inspect.custom](depth, options, inspect).
function userOptions(ctx) {
  var o = {};
  for (var i = 0; i < optionNames.length; i++) o[optionNames[i]] = ctx[optionNames[i]];
  if (o.depth === Infinity) o.depth = null;
  if (o.maxArrayLength === Infinity) o.maxArrayLength = null;
  if (o.maxStringLength === Infinity) o.maxStringLength = null;
  o.stylize = ctx.stylize || identity;
  return o;
}

function formatValue(ctx, value, recurseTimes, inTypedArray) {
  if (value === null) return 'null';
  var t = typeof value;
  if (t !== 'object' && t !== 'function') return formatPrimitive(value, ctx.maxStringLength);

  if (ctx.customInspect) {
    var custom;
    try { custom = value[customInspectSymbol]; } catch (e) { custom = undefined; }
    // (A prototype object is printed plainly even if it carries the hook.)
    if (typeof custom === 'function' && custom !== inspect && custom !== utilInspect() &&
        !(value.constructor && value.constructor.prototype === value)) {
      var depth = ctx.depth - recurseTimes;
      var ret = custom.call(value, depth === Infinity ? null : depth, userOptions(ctx), utilInspect());
      if (ret !== value) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes, false);
        return ctx.indentationLvl === 0 ? ret : ArrayPrototypeJoin(StringPrototypeSplit(ret, '\n'), '\n' + spaces(ctx.indentationLvl));
      }
    }
  }

  if (ArrayPrototypeIndexOf(ctx.seen, value) !== -1) {
    if (ctx.circular === null) ctx.circular = [];
    var ref = ArrayPrototypeIndexOf(ctx.circular, value);
    if (ref === -1) {
      ctx.circular.push(value);
      ref = ctx.circular.length - 1;
    }
    return '[Circular *' + (ref + 1) + ']';
  }
  return formatRaw(ctx, value, recurseTimes, inTypedArray);
}

function formatRaw(ctx, value, recurseTimes, inTypedArray) {
  var ctor = constructorName(value);
  var tag = stringTag(ctx, value);
  if (tag !== '' && tag === ctor) tag = '';
  var keys, base = '', braces, kind = KIND_OBJECT, contents = null;
  var size, prefix, ckind, centries;

  if (ArrayIsArray(value)) {
    keys = ownKeys(value, ctx.showHidden, true);
    size = '(' + value.length + ')';
    prefix = ctor !== 'Array' || tag !== '' ? prefixOf(ctor, tag, 'Array', size) : '';
    braces = [prefix + '[', ']'];
    if (value.length === 0 && keys.length === 0) return braces[0] + ']';
    kind = KIND_ARRAY;
    contents = 'array';
  } else if (isTypedArray(value)) {
    if (ctx.customInspect && isBuffer(value)) return formatBuffer(value);
    keys = ownKeys(value, ctx.showHidden, true);
    removeKey(keys, 'length');
    var fallback = StringPrototypeSlice(objectToString(value), 8, -1);
    braces = [prefixOf(ctor, tag, fallback, '(' + value.length + ')') + '[', ']'];
    if (value.length === 0 && keys.length === 0 && !ctx.showHidden) return braces[0] + ']';
    kind = KIND_ARRAY;
    contents = 'typed';
  } else {
    keys = ownKeys(value, ctx.showHidden, false);
    var cls = objectToString(value);
    if (typeof value === 'function') {
      base = functionBase(value, ctor, tag);
      if (keys.length === 0) return base;
    } else if (cls === '[object Arguments]') {
      braces = ['[Arguments] {', '}'];
      if (keys.length === 0) return '[Arguments] {}';
    } else if (cls === '[object RegExp]' && value instanceof RegExp) {
      base = RegExp.prototype.toString.call(value);
      prefix = prefixOf(ctor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = prefix + base;
      if (keys.length === 0) return base;
    } else if (cls === '[object Date]' && value instanceof Date) {
      var time = value.getTime();
      base = time !== time ? 'Invalid Date' : value.toISOString();
      prefix = prefixOf(ctor, tag, 'Date');
      if (prefix !== 'Date ') base = prefix + base;
      if (keys.length === 0) return base;
    } else if ((ckind = collectionKind(value)) !== 0) {
      if (ckind <= 2) { // Map(2) { 'a' => 1, 'b' => 2 }, Set(1) { 1 }
        centries = collectionEntries(value);
        size = ckind === 1 ? centries.length / 2 : centries.length;
        prefix = prefixOf(ctor, tag, COLLECTION_NAMES[ckind], '(' + size + ')');
        if (size === 0 && keys.length === 0) return prefix + '{}';
        contents = ckind === 1 ? 'map' : 'set';
      } else { // WeakMap { <items unknown> }
        prefix = prefixOf(ctor, tag, COLLECTION_NAMES[ckind]);
        contents = 'weak';
      }
      braces = [prefix + '{', '}'];
    } else if (isError(value)) {
      base = formatError(value, ctor, tag, ctx, keys);
      if (keys.length === 0) return base;
    } else if (hasTypedArrays && value instanceof ArrayBuffer) {
      braces = [prefixOf(ctor, tag, 'ArrayBuffer') + '{', '}'];
      removeKey(keys, 'byteLength');
      ArrayPrototypeUnshift(keys, 'byteLength');
      contents = inTypedArray ? null : 'arraybuffer';
    } else if (typeof DataView === 'function' && value instanceof DataView) {
      braces = [prefixOf(ctor, tag, 'DataView') + '{', '}'];
      ArrayPrototypeUnshift(keys, 'byteLength', 'byteOffset', 'buffer');
    } else if ((base = boxedBase(ctx, value, cls, ctor, tag, keys)) !== '') {
      if (keys.length === 0) return base;
    } else {
      if (tag === '' && ctor === 'Object' && cls !== '[object Object]' &&
          (toStringTagSymbol === null || value[toStringTagSymbol] === undefined)) {
        // Engines without Symbol.toStringTag on built-ins (Duktape's JSON) still have a class.
        tag = StringPrototypeSlice(cls, 8, -1);
      }
      braces = [ctor === 'Object' && tag === '' ? '{' : prefixOf(ctor, tag, 'Object') + '{', '}'];
      if (keys.length === 0) return braces[0] + '}';
    }
    if (braces === undefined) braces = ['{', '}'];
  }

  if (recurseTimes > ctx.depth) {
    var name = StringPrototypeSlice(prefixOf(ctor, tag, contents === 'array' ? 'Array' : 'Object'), 0, -1);
    return ctor !== null ? '[' + name + ']' : name;
  }
  recurseTimes++;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  var output = [];
  if (contents === 'array') formatArrayEntries(ctx, value, recurseTimes, output);
  else if (contents === 'typed') formatTypedEntries(ctx, value, recurseTimes, output);
  else if (contents === 'map' || contents === 'set') formatCollectionEntries(ctx, centries, contents === 'map', recurseTimes, output);
  else if (contents === 'weak') output.push('<items unknown>');
  else if (contents === 'arraybuffer') output.push('[Uint8Contents]: <' + hexBytes(new Uint8Array(value), ctx.maxArrayLength) + '>');
  for (var i = 0; i < keys.length; i++) {
    output.push(formatProperty(ctx, value, recurseTimes, keys[i], kind));
  }
  ctx.seen.pop();

  if (ctx.sorted) {
    var cmp = typeof ctx.sorted === 'function' ? ctx.sorted : undefined;
    if (kind === KIND_OBJECT) ArrayPrototypeSort(output, cmp);
    else if (keys.length > 1) {
      var head = output.length - keys.length;
      output = ArrayPrototypeConcat(output.slice(0, head), ArrayPrototypeSort(output.slice(head), cmp));
    }
  }

  if (ctx.circular !== null) {
    var idx = ArrayPrototypeIndexOf(ctx.circular, value);
    if (idx !== -1) {
      var refLabel = '<ref *' + (idx + 1) + '>';
      if (ctx.compact !== true) base = base === '' ? refLabel : refLabel + ' ' + base;
      else braces[0] = refLabel + ' ' + braces[0];
    }
  }
  return joinEntries(ctx, output, base, braces, kind, recurseTimes, value);
}

// Petrel's C methods are Duktape "light functions" (and so are Duktape's own on a board
// built with DUK_USE_LIGHTFUNC_BUILTINS), whose .name is 'light_<address>_<flags>'. Their real name
// is the key they sit under in the global object, a built-in or its prototype; that is
// searched only when such a function is inspected, so nothing is kept in the heap.
var LIGHT_NAME = /^light_[0-9a-f]+_[0-9a-f]+$/;
function lightfuncName(fn, fallback) {
  var g = Function('return this')();
  var roots = [g];
  var globals = ObjectGetOwnPropertyNames(g);
  for (var i = 0; i < globals.length; i++) {
    var d = ObjectGetOwnPropertyDescriptor(g, globals[i]);
    var v = d && d.value;
    if (primitive.isPrimitive(v) || v === g) continue;
    roots.push(v);
    if (typeof v === 'function' && v.prototype && typeof v.prototype === 'object') roots.push(v.prototype);
  }
  for (var r = 0; r < roots.length; r++) {
    var keys = ObjectGetOwnPropertyNames(roots[r]);
    for (var k = 0; k < keys.length; k++) {
      var desc = ObjectGetOwnPropertyDescriptor(roots[r], keys[k]);
      if (desc && desc.value === fn) return keys[k];
    }
  }
  return fallback;
}

function functionBase(fn, ctor, tag) {
  var s = '[Function';
  if (ctor === null) s += ' (null prototype)';
  var name = fn.name;
  if (typeof name === 'string' && RegExpPrototypeTest(LIGHT_NAME, name)) name = lightfuncName(fn, name);
  s += typeof name !== 'string' || name === '' ? ' (anonymous)' : ': ' + name;
  s += ']';
  if (ctor !== 'Function' && ctor !== null) s += ' ' + ctor;
  if (tag !== '' && ctor !== tag) s += ' [' + tag + ']';
  return s;
}

// [Number: 3], [String: 'ab'], [Boolean: false], [Symbol: Symbol(x)]; '' for other objects.
function boxedBase(ctx, value, cls, ctor, tag, keys) {
  var type, prim;
  try {
    if (cls === '[object Number]' && value instanceof Number) {
      type = 'Number';
      prim = formatNumber(Number.prototype.valueOf.call(value));
    } else if (cls === '[object String]' && value instanceof String) {
      type = 'String';
      prim = formatString(String.prototype.valueOf.call(value), ctx.maxStringLength);
    } else if (cls === '[object Boolean]' && value instanceof Boolean) {
      type = 'Boolean';
      prim = String(Boolean.prototype.valueOf.call(value));
    } else if (hasSymbols && cls === '[object Symbol]' && value instanceof Symbol) {
      type = 'Symbol';
      prim = Symbol.prototype.toString.call(value);
    } else {
      return '';
    }
  } catch (e) {
    return '';   // inherits from Number.prototype etc. without being a boxed value
  }
  if (type === 'String') {
    // The characters are own index properties; the base shows them instead.
    for (var i = keys.length - 1; i >= 0; i--) {
      if (typeof keys[i] === 'string' && (isIndexKey(keys[i]) || (keys[i] === 'length' && ctx.showHidden))) keys.splice(i, 1);
    }
  }
  var s = '[' + type;
  if (ctor !== type) s += ctor === null ? ' (null prototype)' : ' (' + ctor + ')';
  s += ': ' + prim + ']';
  if (tag !== '' && tag !== ctor) s += ' [' + tag + ']';
  return s;
}

function hexBytes(bytes, max) {
  var n = MathMin(bytes.length, max), hex = new Array(n);
  for (var i = 0; i < n; i++) hex[i] = hex2(bytes[i]);
  var s = ArrayPrototypeJoin(hex, ' ');
  if (bytes.length > max) s += ' ... ' + plural(bytes.length - max, 'more byte');
  return s;
}

// Buffers print like Node's Buffer#[util.inspect.custom]: at most 50 bytes in hex.
function formatBuffer(buf) {
  var name = buf.constructor && typeof buf.constructor.name === 'string' ? buf.constructor.name : 'Buffer';
  return '<' + name + ' ' + hexBytes(buf, 50) + '>';
}

function formatError(err, ctor, tag, ctx, keys) {
  var name = err.name != null ? String(err.name) : 'Error';
  var stack = err.stack ? String(err.stack) : Error.prototype.toString.call(err);
  if (!ctx.showHidden && keys.length !== 0) {
    var dup = ['name', 'message', 'stack'];
    for (var i = 0; i < dup.length; i++) {
      var at = ArrayPrototypeIndexOf(keys, dup[i]);
      if (at !== -1 && StringPrototypeIndexOf(stack, String(err[dup[i]])) !== -1) keys.splice(at, 1);
    }
  }
  if ('cause' in err && ArrayPrototypeIndexOf(keys, 'cause') === -1) keys.push('cause');
  stack = improveStack(stack, ctor, name, tag);
  var msg = err.message;
  var pos = -1;
  if (msg) {
    pos = StringPrototypeIndexOf(stack, String(msg));
    if (pos === 0) pos = -1;
    if (pos !== -1) pos += String(msg).length;
  }
  if (StringPrototypeIndexOf(stack, '\n    at', pos) === -1) stack = '[' + stack + ']';
  if (ctx.indentationLvl !== 0) stack = ArrayPrototypeJoin(StringPrototypeSplit(stack, '\n'), '\n' + spaces(ctx.indentationLvl));
  return stack;
}

// Errors whose class name is not in their stack (a subclass that does not set
// .name, or a null prototype) get the class name put in front.
function improveStack(stack, ctor, name, tag) {
  var len = name.length;
  var regular = name.length >= 5 && StringPrototypeSlice(name, -5) === 'Error' && StringPrototypeIndexOf(stack, name) === 0 &&
    (stack.length === len || StringPrototypeCharAt(stack, len) === ':' || StringPrototypeCharAt(stack, len) === '\n');
  if (ctor !== null && !regular) return stack;
  var fallback = 'Error';
  if (ctor === null) {
    var m = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) || /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
    fallback = (m && m[1]) || '';
    len = fallback.length;
    fallback = fallback || 'Error';
  }
  var prefix = StringPrototypeSlice(prefixOf(ctor, tag, fallback), 0, -1);
  if (name !== prefix) {
    if (StringPrototypeIndexOf(prefix, name) !== -1) {
      stack = len === 0 ? prefix + ': ' + stack : prefix + StringPrototypeSlice(stack, len);
    } else {
      stack = prefix + ' [' + name + ']' + StringPrototypeSlice(stack, len);
    }
  }
  return stack;
}

function formatArrayEntries(ctx, arr, recurseTimes, output) {
  var len = arr.length;
  var max = MathMin(ctx.maxArrayLength, len);
  for (var i = 0; i < max; i++) {
    if (!hasOwn(arr, i)) return formatSparseEntries(ctx, arr, recurseTimes, max, output, i);
    output.push(formatProperty(ctx, arr, recurseTimes, i, KIND_ITEM));
  }
  if (len > max) output.push('... ' + plural(len - max, 'more item'));
}

// A Map's entries as k => v, a Set's values (node's formatMap, formatSet).
function formatCollectionEntries(ctx, entries, pairs, recurseTimes, output) {
  var step = pairs ? 2 : 1;
  var len = entries.length / step;
  var max = MathMin(ctx.maxArrayLength, len);
  ctx.indentationLvl += 2;
  for (var i = 0; i < max; i++) {
    var text = formatValue(ctx, entries[i * step], recurseTimes, false);
    if (pairs) text += ' => ' + formatValue(ctx, entries[i * step + 1], recurseTimes, false);
    output.push(text);
  }
  ctx.indentationLvl -= 2;
  if (len > max) output.push('... ' + plural(len - max, 'more item'));
}

// Arrays with holes: runs of missing indices print as <N empty items>.
function formatSparseEntries(ctx, arr, recurseTimes, maxEntries, output, from) {
  var all = ObjectKeys(arr), idx = [], i;
  for (i = 0; i < all.length; i++) {
    if (isIndexKey(all[i])) {
      var n = +all[i];
      if (n >= from) idx.push(n);
    }
  }
  ArrayPrototypeSort(idx, function (a, b) { return a - b; });
  var next = from;
  for (i = 0; i < idx.length && output.length < maxEntries; i++) {
    if (idx[i] !== next) {
      output.push('<' + plural(idx[i] - next, 'empty item') + '>');
      next = idx[i];
      if (output.length === maxEntries) break;
    }
    output.push(formatProperty(ctx, arr, recurseTimes, next, KIND_ITEM));
    next++;
  }
  var remaining = arr.length - next;
  if (output.length !== maxEntries) {
    if (remaining > 0) output.push('<' + plural(remaining, 'empty item') + '>');
  } else if (remaining > 0) {
    output.push('... ' + plural(remaining, 'more item'));
  }
}

function formatTypedEntries(ctx, arr, recurseTimes, output) {
  var len = arr.length;
  var max = MathMin(ctx.maxArrayLength, len);
  for (var i = 0; i < max; i++) output.push(formatNumber(arr[i]));
  if (len > max) output.push('... ' + plural(len - max, 'more item'));
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    output.push('[BYTES_PER_ELEMENT]: ' + arr.BYTES_PER_ELEMENT,
      '[length]: ' + arr.length,
      '[byteLength]: ' + arr.byteLength,
      '[byteOffset]: ' + arr.byteOffset,
      '[buffer]: ' + formatValue(ctx, arr.buffer, recurseTimes, true));
    ctx.indentationLvl -= 2;
  }
}

function formatProperty(ctx, obj, recurseTimes, key, kind) {
  var desc = getDescriptor(obj, key) || { value: obj[key], enumerable: true };
  var str, sep = ' ';
  if (desc.value !== undefined) {
    var diff = ctx.compact !== true || kind !== KIND_OBJECT ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes, false);
    if (diff === 3 && ctx.breakLength < str.length) sep = '\n' + spaces(ctx.indentationLvl);
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    var label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    if (ctx.getters && (ctx.getters === true || (ctx.getters === 'get' && desc.set === undefined) ||
        (ctx.getters === 'set' && desc.set !== undefined))) {
      try {
        var got = desc.get.call(obj);
        ctx.indentationLvl += 2;
        str = '[' + label + ': ' + formatValue(ctx, got, recurseTimes, false) + ']';
        ctx.indentationLvl -= 2;
      } catch (e) {
        str = '[' + label + ': <Inspection threw (' + (e && e.message) + ')>]';
      }
    } else {
      str = '[' + label + ']';
    }
  } else if (desc.set !== undefined) {
    str = '[Setter]';
  } else {
    str = 'undefined';
  }
  if (kind === KIND_ITEM) return str;
  var name;
  if (typeof key === 'symbol') name = '[' + key.toString() + ']';
  else if (key === '__proto__') name = "['__proto__']";
  else if (desc.enumerable === false) name = '[' + key + ']';
  else if (RegExpPrototypeTest(identifierRe, key)) name = key;
  else name = quoteString(String(key));
  return name + ':' + sep + str;
}

// ---- layout -----------------------------------------------------------------------
function isBelowBreakLength(ctx, output, start, base) {
  var total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (var i = 0; i < output.length; i++) {
    total += output[i].length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || StringPrototypeIndexOf(base, '\n') === -1;
}

function joinEntries(ctx, output, base, braces, kind, recurseTimes, value) {
  var indentation;
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      var entries = output.length;
      if (kind === KIND_ARRAY && entries > 6) output = groupArrayElements(ctx, output, value);
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        var start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          var joined = ArrayPrototypeJoin(output, ', ');
          if (StringPrototypeIndexOf(joined, '\n') === -1) {
            return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
          }
        }
      }
    }
    indentation = '\n' + spaces(ctx.indentationLvl);
    return (base ? base + ' ' : '') + braces[0] + indentation + '  ' +
      ArrayPrototypeJoin(output, ',' + indentation + '  ') + indentation + braces[1];
  }
  // compact: true (Node's pre-v12 layout)
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return braces[0] + (base ? ' ' + base : '') + ' ' + ArrayPrototypeJoin(output, ', ') + ' ' + braces[1];
  }
  indentation = spaces(ctx.indentationLvl);
  var lead = base === '' && braces[0].length === 1 ? ' ' : (base ? ' ' + base : '') + '\n' + indentation + '  ';
  return braces[0] + lead + ArrayPrototypeJoin(output, ',\n' + indentation + '  ') + ' ' + braces[1];
}

// Set many short array entries in aligned columns (numbers right-aligned).
function groupArrayElements(ctx, output, value) {
  var totalLength = 0, maxLength = 0, i, j;
  var outputLength = output.length;
  if (ctx.maxArrayLength < output.length) outputLength--;   // leave "... more items" alone
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
    var averageBias = MathSqrt(actualMax - totalLength / output.length);
    var biasedMax = MathMax(actualMax - 3 - averageBias, 1);
    var columns = MathMin(
      MathRound(MathSqrt(2.5 * biasedMax * outputLength) / biasedMax),
      MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15);
    if (columns <= 1) return output;
    var maxLineLength = [];
    for (i = 0; i < columns; i++) {
      var lineLength = 0;
      for (j = i; j < output.length; j += columns) {
        if (dataLen[j] > lineLength) lineLength = dataLen[j];
      }
      maxLineLength.push(lineLength + separatorSpace);
    }
    var padStart = true;
    if (value !== undefined) {
      for (i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') { padStart = false; break; }
      }
    }
    var rows = [];
    for (i = 0; i < outputLength; i += columns) {
      var max = MathMin(i + columns, outputLength);
      var line = [];
      for (j = i; j < max - 1; j++) {
        var cell = output[j] + ', ';
        var fill = spaces(MathMax(0, maxLineLength[j - i] - cell.length));
        line.push(padStart ? fill + cell : cell + fill);
      }
      if (padStart) {
        line.push(spaces(MathMax(0, maxLineLength[j - i] - separatorSpace - output[j].length)) + output[j]);
      } else {
        line.push(output[j]);
      }
      rows.push(ArrayPrototypeJoin(line, ''));
    }
    if (ctx.maxArrayLength < output.length) rows.push(output[outputLength]);
    output = rows;
  }
  return output;
}

// util.inspect (with custom, defaultOptions, colors, styles) is util's own
// function (modules/util_binding.c), which calls this one for objects.
module.exports = { inspect: inspect };
