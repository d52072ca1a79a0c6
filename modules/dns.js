// dns.lookup on the platform resolver (getaddrinfo on a thread on Linux,
// dns_gethostbyname on lwIP). Answers are always asynchronous. dns.promises is
// dns/promises.js.
'use strict';
var binding = process.binding('dns');
var core = process.binding('core');
var errors = require('internal/errors');
var validators = require('internal/validators');
var ADDRCONFIG = 32, V4MAPPED = 8, ALL = 16; // getaddrinfo's flags on Linux, as node reports them

function lookupError(errno, hostname) {
  return errors.systemError(errno, 'getaddrinfo', { hostname: hostname });
}

function lookup(hostname, options, callback) {
  var family = 0, all = false;
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'function', callback);
  if (hostname && typeof hostname !== 'string') { // as node: a falsy hostname is no error
    throw errors.invalidArgType('hostname', 'string', hostname);
  }
  if (typeof options === 'number') {
    family = options;
  } else if (options !== undefined && options !== null) {
    if (typeof options !== 'object') throw errors.invalidArgType('options', 'integer or an instance of Object', options);
    if (options.family !== undefined) {
      family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    }
    all = options.all === true;
    if (options.hints != null) { // accepted, not used: the platform resolver takes no flags
      validators.validateNumber(options.hints, 'options.hints');
      if (((options.hints >>> 0) & ~(ADDRCONFIG | V4MAPPED | ALL)) !== 0) {
        throw errors.invalidArgValue('hints', options.hints >>> 0);
      }
    }
  }
  if (family !== 0 && family !== 4 && family !== 6) {
    throw errors.invalidArgValue('options.family', family, 'must be one of: 0, 4, 6');
  }
  if (!hostname) {
    process.nextTick(function () {
      if (all) callback(null, []); else callback(null, null, family === 6 ? 6 : 4);
    });
    return {};
  }
  var literal = core.isIP(hostname);
  if (literal) {
    process.nextTick(function () {
      if (all) callback(null, [{ address: hostname, family: literal }]);
      else callback(null, hostname, literal);
    });
    return {};
  }
  var err = binding.lookup(hostname, family, function (code, list) {
    if (code) {
      callback(lookupError(code, hostname));
      return;
    }
    if (all) {
      var out = [];
      for (var i = 0; i < list.length; i++) out.push({ address: list[i][0], family: list[i][1] });
      callback(null, out);
    } else {
      callback(null, list[0][0], list[0][1]);
    }
  });
  if (err) {
    process.nextTick(function () { callback(lookupError(err, hostname)); });
  }
  return {};
}

// util.promisify(lookup) resolves { address, family } (internal/promisify.js)
ObjectDefineProperty(lookup, core.kCustomPromisifyArgs || (core.kCustomPromisifyArgs = Symbol('customPromisifyArgs')),
  { value: ['address', 'family'], enumerable: false });

module.exports = {
  lookup: lookup,
  ADDRCONFIG: ADDRCONFIG,
  V4MAPPED: V4MAPPED,
  ALL: ALL
};
// dns.promises: require('dns/promises'), compiled on the first read
ObjectDefineProperty(module.exports, 'promises', {
  enumerable: true,
  configurable: true,
  get: function () { return require('dns/promises'); }
});
// node's error code names: dns.NOTFOUND === 'ENOTFOUND' and so on
ArrayPrototypeForEach(StringPrototypeSplit(('NODATA FORMERR SERVFAIL NOTFOUND NOTIMP REFUSED BADQUERY BADNAME BADFAMILY BADRESP CONNREFUSED ' +
  'TIMEOUT EOF FILE NOMEM DESTRUCTION BADSTR BADFLAGS NONAME BADHINTS NOTINITIALIZED LOADIPHLPAPI ' +
  'ADDRGETNETWORKPARAMS CANCELLED'), ' '), function (name) { module.exports[name] = 'E' + name; });
