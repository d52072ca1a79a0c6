// Deep equality, the algorithm modules/assert_compare.c follows in C (assert and
// util.isDeepStrictEqual use that): compiled only for what the C leaves to it, pairs nested
// deeper than the C recursion goes and Duktape's plain buffers.
//
// strict: primitives by Object.is, prototypes must match, enumerable own symbol
//   keys count, typed arrays compared byte by byte.
// loose: primitives by == (NaN equals NaN), prototypes ignored, symbols ignored.
// Both: same [[Class]] tag, Dates by time, RegExps by source/flags/lastIndex,
//   Errors by name and message, boxed primitives by value, same set of own
//   enumerable keys with deep-equal values, cycles handled.
'use strict';

var hasOwn = ObjectPrototypeHasOwnProperty;
var isEnumerable = ObjectPrototypePropertyIsEnumerable;
var objectToString = ObjectPrototypeToString;
var getProto = ObjectGetPrototypeOf;
var getSymbols = typeof ObjectGetOwnPropertySymbols === 'function' ? ObjectGetOwnPropertySymbols : null;
var hasTypedArrays = typeof ArrayBuffer === 'function' && typeof ArrayBuffer.isView === 'function';

function objectIs(a, b) {
  if (a === b) return a !== 0 || 1 / a === 1 / b;
  return a !== a && b !== b;
}

function isIndexKey(k) {
  var c = StringPrototypeCharCodeAt(k, 0);
  if (c < 48 || c > 57) return false;
  if (k.length === 1) return true;
  return c !== 48 && String(k >>> 0) === k && k !== '4294967295';
}

// Own enumerable keys (and, when strict, enumerable symbols); index keys left
// out for typed arrays, whose elements are compared separately.
function keysOf(obj, strict, skipIndices) {
  var keys = ObjectKeys(obj);
  if (skipIndices) {
    var kept = [];
    for (var i = 0; i < keys.length; i++) if (!isIndexKey(keys[i])) kept.push(keys[i]);
    keys = kept;
  }
  if (strict && getSymbols !== null) {
    var syms = getSymbols(obj);
    for (var j = 0; j < syms.length; j++) if (isEnumerable(obj, syms[j])) keys.push(syms[j]);
  }
  return keys;
}

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function equalTypedArrays(a, b, strict, tag) {
  if (a.byteLength !== b.byteLength || a.length !== b.length) return false;
  if (!strict && (tag === '[object Float32Array]' || tag === '[object Float64Array]')) {
    // Loose mode compares the numbers: 0 equals -0, NaN equals nothing.
    for (var i = 0; i < a.length; i++) if (a[i] != b[i]) return false;  // eslint-disable-line eqeqeq
    return true;
  }
  return equalBytes(bytesOf(a), bytesOf(b));
}

// Checks that do not look at own properties. Returns false when a and b differ.
function equalInternals(a, b, strict, tag) {
  try {
    return equalSlots(a, b, tag);
  } catch (e) {
    if (e && e.code === 'ERR_MEMORY_ALLOCATION_FAILED') throw e; // no answer at all
    return true;   // e.g. a Symbol.toStringTag that lies: only the keys can be compared
  }
}

function equalSlots(a, b, tag) {
  switch (tag) {
    case '[object Date]':
      var ta = Date.prototype.getTime.call(a), tb = Date.prototype.getTime.call(b);
      return ta === tb;   // two invalid dates differ, as in Node
    case '[object RegExp]':
      return String(a) === String(b) && a.lastIndex === b.lastIndex;
    case '[object Number]':
      return objectIs(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
    case '[object String]':
      return String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
    case '[object Boolean]':
      return Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
    case '[object Symbol]':
      return Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
    case '[object ArrayBuffer]':
      return a.byteLength === b.byteLength && equalBytes(new Uint8Array(a), new Uint8Array(b));
    case '[object DataView]':
      return a.byteLength === b.byteLength && equalBytes(bytesOf(a), bytesOf(b));
  }
  if (a instanceof Error || tag === '[object Error]') {
    if (!(b instanceof Error || objectToString(b) === '[object Error]')) return false;
    return a.message === b.message && a.name === b.name;
  }
  return true;
}

function deepEqual(a, b, strict, memo) {
  if (a === b) return !strict || a !== 0 || 1 / a === 1 / b;
  var ta = typeof a, tb = typeof b;
  if (strict) {
    if (ta !== 'object' || tb !== 'object' || a === null || b === null) {
      return ta === 'number' && tb === 'number' && a !== a && b !== b;
    }
    if (getProto(a) !== getProto(b)) return false;
  } else {
    if (a === null || ta !== 'object') {
      if (b === null || tb !== 'object') {
        return a == b || (a !== a && b !== b);  // eslint-disable-line eqeqeq
      }
      return false;
    }
    if (b === null || tb !== 'object') return false;
  }

  var tag = objectToString(a);
  if (tag !== objectToString(b)) return false;
  var isArr = ArrayIsArray(a);
  if (isArr !== ArrayIsArray(b)) return false;
  if (isArr && a.length !== b.length) return false;
  var typed = hasTypedArrays && ArrayBuffer.isView(a) && tag !== '[object DataView]';
  if (typed) {
    if (!ArrayBuffer.isView(b) || !equalTypedArrays(a, b, strict, tag)) return false;
  } else if (!equalInternals(a, b, strict, tag)) {
    return false;
  }

  var ka = keysOf(a, strict, typed), kb = keysOf(b, strict, typed);
  if (ka.length !== kb.length) return false;
  var i;
  for (i = 0; i < ka.length; i++) {
    if (!hasOwn(b, ka[i]) || !isEnumerable(b, ka[i])) return false;
  }
  if (ka.length === 0) return true;

  // Cycles: a pair already being compared further up counts as equal.
  if (memo === undefined) memo = { a: [], b: [] };
  for (i = memo.a.length - 1; i >= 0; i--) {
    if (memo.a[i] === a && memo.b[i] === b) return true;
  }
  memo.a.push(a);
  memo.b.push(b);
  var same = true;
  for (i = 0; i < ka.length; i++) {
    var k = ka[i];
    if (!deepEqual(a[k], b[k], strict, memo)) { same = false; break; }
  }
  memo.a.pop();
  memo.b.pop();
  return same;
}

exports.deepEqual = function (a, b, strict) {
  return deepEqual(a, b, !!strict, undefined);
};
