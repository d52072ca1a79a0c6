// internal/primitive: how inspect prints strings, numbers and the other primitives,
// in C (modules/format.c). Apart from internal/inspect so that printing a primitive
// (the REPL's results, console.log(1)) does not load the object inspector, the
// largest built-in. Exports isPrimitive, inspectPrimitive, formatNumber, quoteString,
// formatString, formatPrimitive, plural and inspectDefaults (util.inspect.defaultOptions).
'use strict';
module.exports = process.binding('console').primitive(require);
