// Argument checks with Node v20's codes and messages (its lib/internal/validators.js
// semantics), shared by the built-in modules: light functions in
// modules/validators_binding.c (validateString, validateBoolean, validateFunction,
// validateNumber, validateInt32, validateAbortSignal, validatePort); the errors
// themselves are made by internal/errors. Each returns nothing and throws on a bad value.
'use strict';
module.exports = process.binding('validators');
