// internal/format: util.format and util.formatWithOptions, in C (modules/format.c:
// printf-like %s %d %i %f %j %o %O %c substitution; other arguments are inspected).
'use strict';
module.exports = process.binding('console').format(require);
