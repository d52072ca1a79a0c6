// Deep equality for util.isDeepStrictEqual: C (modules/assert_compare.c), as assert's.
'use strict';
exports.deepEqual = process.binding('assert').deepEqual;
