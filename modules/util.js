// util: the public module. format and inspect live in internal/format and
// internal/inspect (re-exported here); this file holds inherits, deprecate,
// debuglog, types and the older is* checks.
'use strict';
var errors = require('internal/errors');
var inspectModule = require('internal/inspect');
var formatModule = require('internal/format');
var inspect = inspectModule.inspect;
var isError = inspectModule.isError;
var isTypedArray = inspectModule.isTypedArray;
var isBuffer = inspectModule.isBuffer;
var format = formatModule.format;

var objectToString = Object.prototype.toString;
var hasSymbols = typeof Symbol === 'function' && typeof Symbol('') === 'symbol';
var hasTypedArrays = typeof ArrayBuffer === 'function' && typeof ArrayBuffer.isView === 'function';

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw errors.invalidArgType('ctor', 'function', ctor);
  if (superCtor === undefined || superCtor === null) throw errors.invalidArgType('superCtor', 'function', superCtor);
  if (superCtor.prototype === undefined) {
    throw errors.invalidArgType('superCtor.prototype', 'object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

var deprecationsWarned = {};
function deprecate(fn, msg, code) {
  if (typeof process !== 'undefined' && process.noDeprecation === true) return fn;
  if (code !== undefined && typeof code !== 'string') throw errors.invalidArgType('code', 'string', code);
  // node only sets fn as the wrapper's prototype: any object will do
  if (fn === null || (typeof fn !== 'object' && typeof fn !== 'function')) {
    throw process.binding('core').newError('TypeError', 'Object prototype may only be an Object or null: ' + String(fn));
  }
  var warned = false;
  function deprecated() {
    if (!warned && !(typeof process !== 'undefined' && process.noDeprecation)) {
      warned = true;
      if (code === undefined || !deprecationsWarned[code]) {
        if (code !== undefined) deprecationsWarned[code] = true;
        emitDeprecation(msg, code);
      }
    }
    if (this instanceof deprecated) {
      var args = [null];
      for (var i = 0; i < arguments.length; i++) args.push(arguments[i]);
      return new (Function.prototype.bind.apply(fn, args))();
    }
    return fn.apply(this, arguments);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function emitDeprecation(msg, code) {
  var w = new Error(msg);
  w.name = 'DeprecationWarning';
  if (code !== undefined) w.code = code;
  if (typeof process !== 'undefined' && process.throwDeprecation) throw w;
  if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
    process.emitWarning(w);
  } else if (typeof console !== 'undefined') {
    console.error('(petrel) ' + (code !== undefined ? '[' + code + '] ' : '') + 'DeprecationWarning: ' + msg);
  }
}

function tagIs(v, name) {
  return v !== null && typeof v === 'object' && objectToString.call(v) === '[object ' + name + ']';
}

var types = {
  isDate: function (v) { return v instanceof Date; },
  isRegExp: function (v) { return v instanceof RegExp; },
  isNativeError: function (v) { return v !== null && typeof v === 'object' && objectToString.call(v) === '[object Error]'; },
  isTypedArray: isTypedArray,
  isUint8Array: function (v) { return typeof Uint8Array === 'function' && v instanceof Uint8Array; },
  isArrayBuffer: function (v) { return hasTypedArrays && v instanceof ArrayBuffer; },
  isAnyArrayBuffer: function (v) { return hasTypedArrays && v instanceof ArrayBuffer; },
  isArrayBufferView: function (v) { return hasTypedArrays && ArrayBuffer.isView(v); },
  isDataView: function (v) { return typeof DataView === 'function' && v instanceof DataView; },
  isArgumentsObject: function (v) { return tagIs(v, 'Arguments'); },
  isNumberObject: function (v) { return typeof v === 'object' && v instanceof Number; },
  isStringObject: function (v) { return typeof v === 'object' && v instanceof String; },
  isBooleanObject: function (v) { return typeof v === 'object' && v instanceof Boolean; },
  isSymbolObject: function (v) { return hasSymbols && typeof v === 'object' && v instanceof Symbol; },
  isBoxedPrimitive: function (v) {
    return typeof v === 'object' && v !== null && (v instanceof Number || v instanceof String ||
      v instanceof Boolean || (hasSymbols && v instanceof Symbol));
  }
};

var debugSections = null;
function debuglog(section) {
  if (debugSections === null) {
    var env = typeof process !== 'undefined' && process.env && process.env.NODE_DEBUG;
    debugSections = String(env || '').toUpperCase().split(/[\s,]+/);
  }
  var name = String(section).toUpperCase();
  var enabled = debugSections.indexOf(name) !== -1 || debugSections.indexOf('*') !== -1;
  function log() {
    if (!enabled) return;
    var pid = typeof process !== 'undefined' && process.pid !== undefined ? process.pid : 0;
    console.error('%s %d: %s', name, pid, format.apply(null, arguments));
  }
  log.enabled = enabled;
  return log;
}

// ANSI/VT100 escape sequences: CSI (ESC [ or 0x9B ... final byte), OSC
// (ESC ] ... BEL or ESC \) and two-character escapes.
var vtSequenceRe = /(?:\u001b\[|\u009b)[0-?]*[ -\/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

function stripVTControlCharacters(str) {
  if (typeof str !== 'string') throw errors.invalidArgType('str', 'string', str);
  return str.replace(vtSequenceRe, '');
}

module.exports = {
  format: format,
  formatWithOptions: formatModule.formatWithOptions,
  inspect: inspect,
  inherits: inherits,
  deprecate: deprecate,
  debuglog: debuglog,
  debug: debuglog,
  isDeepStrictEqual: function (a, b) { return require('internal/compare').deepEqual(a, b, true); },
  stripVTControlCharacters: stripVTControlCharacters,
  types: types,
  // Node's older type checks (deprecated there, still present in v20).
  isArray: Array.isArray,
  isBoolean: function (v) { return typeof v === 'boolean'; },
  isBuffer: isBuffer,
  isDate: types.isDate,
  isError: isError,
  isFunction: function (v) { return typeof v === 'function'; },
  isNull: function (v) { return v === null; },
  isNullOrUndefined: function (v) { return v === null || v === undefined; },
  isNumber: function (v) { return typeof v === 'number'; },
  isObject: function (v) { return v !== null && typeof v === 'object'; },
  isPrimitive: require('internal/primitive').isPrimitive,
  isRegExp: types.isRegExp,
  isString: function (v) { return typeof v === 'string'; },
  isSymbol: function (v) { return typeof v === 'symbol'; },
  isUndefined: function (v) { return v === undefined; }
};
