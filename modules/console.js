// console: the global console and Console, in C (modules/console_binding.c; util.format
// and the primitive printer in modules/format.c). Objects are printed by
// internal/inspect, loaded on the first one; console.table by internal/console_table.
'use strict';
module.exports = process.binding('console').console(require);
