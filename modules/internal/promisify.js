// internal/promisify: util.promisify (modules/util_binding.c's stub calls it; the
// stub holds util.promisify.custom), compiled on its first call. Loading it gives the
// global setTimeout and setImmediate node's custom forms (timers/promises, compiled on
// their first read), which a plain function could not give: their callback comes first.
'use strict';
var errors = require('internal/errors');
var core = process.binding('core');
var PromiseCtor = process.binding('promise'); // the runtime's own, whatever user code did to the global
var kCustom = Symbol['for']('nodejs.util.promisify.custom');
// Names for the values of a callback that gets several (dns.lookup: address, family);
// the symbol is shared with dns.js through the core binding.
var kArgs = core.kCustomPromisifyArgs || (core.kCustomPromisifyArgs = Symbol('customPromisifyArgs'));

function promisify(original) {
  if (typeof original !== 'function') throw errors.invalidArgType('original', 'function', original);
  var fn = original[kCustom];
  if (fn) {
    if (typeof fn !== 'function') throw errors.invalidArgType('util.promisify.custom', 'function', fn);
    return ObjectDefineProperty(fn, kCustom, { value: fn, enumerable: false, writable: false, configurable: true });
  }
  var argumentNames = original[kArgs];
  fn = function fn() {
    var self = this, args = Array.prototype.slice.call(arguments);
    return new PromiseCtor(function (resolve, reject) {
      args.push(function (err) {
        if (err) return reject(err);
        if (argumentNames !== undefined && arguments.length > 2) {
          var obj = {};
          for (var i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = arguments[i + 1];
          resolve(obj);
        } else {
          resolve(arguments[1]);
        }
      });
      original.apply(self, args);
    });
  };
  ObjectSetPrototypeOf(fn, ObjectGetPrototypeOf(original));
  ObjectDefineProperty(fn, kCustom, { value: fn, enumerable: false, writable: false, configurable: true });
  // the original's own properties (name, length and the rest), as node copies them;
  // first its name and length as read: Duktape's anonymous functions have no own name,
  // and a light function's are not own properties
  ObjectDefineProperty(fn, 'name', { value: original.name, configurable: true });
  ObjectDefineProperty(fn, 'length', { value: original.length, configurable: true });
  var keys = ArrayPrototypeConcat(ObjectGetOwnPropertyNames(original), ObjectGetOwnPropertySymbols(original));
  for (var i = 0; i < keys.length; i++) {
    ObjectDefineProperty(fn, keys[i], ObjectGetOwnPropertyDescriptor(original, keys[i]));
  }
  return fn;
}
promisify.custom = kCustom;

// setTimeout[util.promisify.custom] and setImmediate's, as node's timers define them
var timers = require('timers');
ArrayPrototypeForEach(['setTimeout', 'setImmediate'], function (name) {
  if (ObjectGetOwnPropertyDescriptor(timers[name], kCustom)) return;
  ObjectDefineProperty(timers[name], kCustom, {
    enumerable: true,
    get: function get() { return require('timers/promises')[name]; }
  });
});

module.exports = promisify;
