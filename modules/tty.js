// tty: isatty(fd) (the part of node's `tty` that packages such as `debug` call).
// Petrel has one console: fds 0, 1 and 2 are a terminal when it is one
// (process.stdout.isTTY); no other fd is. tty.ReadStream and tty.WriteStream are
// not provided.
'use strict';
var core = process.binding('core');

function isatty(fd) {
  return (fd === 0 || fd === 1 || fd === 2) && core.isTTY();
}

module.exports = { isatty: isatty };
