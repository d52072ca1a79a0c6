// util.deprecate and util.debuglog, compiled on their first use (util's stubs in
// modules/util_binding.c call through to these).
'use strict';
var errors = require('internal/errors');

var deprecationsWarned = {};
function deprecate(fn, msg, code) {
  if (typeof process !== 'undefined' && process.noDeprecation === true) return fn;
  if (code !== undefined && typeof code !== 'string') throw errors.invalidArgType('code', 'string', code);
  // node only sets fn as the wrapper's prototype: any object will do
  if (fn === null || (typeof fn !== 'object' && typeof fn !== 'function')) {
    throw process.binding('core').newError('TypeError', 'Object prototype may only be an Object or null: ' + String(fn));
  }
  var warned = false;
  // a capitalised name keeps it a constructor under tools/jsmin.js (new on the wrapper)
  var Deprecated = function deprecated() {
    if (!warned && !(typeof process !== 'undefined' && process.noDeprecation)) {
      warned = true;
      if (code === undefined || !deprecationsWarned[code]) {
        if (code !== undefined) deprecationsWarned[code] = true;
        emitDeprecation(msg, code);
      }
    }
    if (this instanceof Deprecated) {
      var args = [null];
      for (var i = 0; i < arguments.length; i++) args.push(arguments[i]);
      return new (Function.prototype.bind.apply(fn, args))();
    }
    return fn.apply(this, arguments);
  };
  ObjectSetPrototypeOf(Deprecated, fn);
  if (fn.prototype) Deprecated.prototype = fn.prototype;
  return Deprecated;
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

var debugSections = null;
function debuglog(section) {
  if (debugSections === null) {
    var env = typeof process !== 'undefined' && process.env && process.env.NODE_DEBUG;
    debugSections = StringPrototypeSplit(StringPrototypeToUpperCase(String(env || '')), /[\s,]+/);
  }
  var name = StringPrototypeToUpperCase(String(section));
  var enabled = ArrayPrototypeIndexOf(debugSections, name) !== -1 || ArrayPrototypeIndexOf(debugSections, '*') !== -1;
  function log() {
    if (!enabled) return;
    var pid = typeof process !== 'undefined' && process.pid !== undefined ? process.pid : 0;
    var format = require('util').format;
    console.error('%s %d: %s', name, pid, format.apply(null, arguments));
  }
  log.enabled = enabled;
  return log;
}

module.exports = { deprecate: deprecate, debuglog: debuglog };
