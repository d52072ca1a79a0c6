// os: node's os module where it applies to a board, in C (modules/os_binding.c).
'use strict';
module.exports = process.binding('os');
