// Deep equality shared by assert.deepEqual/deepStrictEqual and util.isDeepStrictEqual.
'use strict';

function isPrimitive(v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); }
function objectIs(a, b) { return a === b ? (a !== 0 || 1 / a === 1 / b) : (a !== a && b !== b); }
function tag(v) { return Object.prototype.toString.call(v); }

function deepEqual(a, b, strict, memo) {
  if (strict ? objectIs(a, b) : (a === b || (a !== a && b !== b))) return true;
  if (isPrimitive(a) || isPrimitive(b)) {
    // loose mode compares primitives with ==
    return !strict && (isPrimitive(a) && isPrimitive(b)) && a == b; // eslint-disable-line eqeqeq
  }
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (tag(a) !== tag(b)) return false;
  if (a instanceof Date) { if (a.getTime() !== b.getTime()) return false; }
  else if (a instanceof RegExp) { if (String(a) !== String(b)) return false; }
  else if (a instanceof Error) { if (a.message !== b.message || a.name !== b.name) return false; }
  if (ArrayBuffer.isView && ArrayBuffer.isView(a)) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (strict ? !objectIs(a[i], b[i]) : a[i] != b[i]) return false; // eslint-disable-line eqeqeq
  }
  memo = memo || { a: [], b: [] };
  var seen = memo.a.indexOf(a);
  if (seen >= 0 && memo.b[seen] === b) return true;
  memo.a.push(a);
  memo.b.push(b);
  var ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) { memo.a.pop(); memo.b.pop(); return false; }
  for (var k = 0; k < ka.length; k++) {
    var key = ka[k];
    if (!Object.prototype.hasOwnProperty.call(b, key) || !deepEqual(a[key], b[key], strict, memo)) {
      memo.a.pop(); memo.b.pop();
      return false;
    }
  }
  memo.a.pop();
  memo.b.pop();
  return true;
}

exports.deepEqual = function (a, b, strict) { return deepEqual(a, b, !!strict); };
