// assert: Node's assertion functions. The checks are C light functions
// (modules/assert_binding.c); AssertionError's messages and the inspector load
// with the first failure (internal/assert_error.js), deep comparison of objects
// with the first one (C, modules/assert_compare.c).
'use strict';
module.exports = process.binding('assert').init(require);
