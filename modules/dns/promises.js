// dns/promises (also dns.promises): lookup as a promise of { address, family }, or
// with { all: true } of their array, over dns.lookup. The arguments are checked at
// the call, as node does: a bad one throws, it is not a rejection.
'use strict';
var dns = require('dns');
var PromiseCtor = process.binding('promise'); // the runtime's own, whatever user code did to the global

function lookup(hostname, options) {
  var all = options !== null && typeof options === 'object' && options.all === true;
  var settle;
  var p = new PromiseCtor(function (resolve, reject) {
    settle = function (err, address, family) {
      if (err) reject(err);
      else resolve(all ? address : { address: address, family: family });
    };
  });
  dns.lookup(hostname, options, settle);
  return p;
}

module.exports = { lookup: lookup };
ArrayPrototypeForEach(ObjectKeys(dns), function (name) {
  if (RegExpPrototypeTest(/^[A-Z0-9_]+$/, name) && typeof dns[name] === 'string') module.exports[name] = dns[name];
});
