// util: the public module, in C (modules/util_binding.c): format, the predicates,
// inherits and util.inspect, which loads the object inspector (internal/inspect)
// on the first object it prints; deprecate and debuglog load internal/util_more.
'use strict';
module.exports = process.binding('util');
