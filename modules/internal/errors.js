// Node-compatible coded errors (see docs/errors.md): their makers live in
// internal/errors_impl.js, compiled when a program first makes one; these are
// native stubs (modules/deferred.c) that load it and call through.
'use strict';
module.exports = process.binding('stream_writable').deferErrors(require);
