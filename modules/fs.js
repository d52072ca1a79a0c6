// fs: the first slice of node's file system module, in C (modules/fs_binding.c):
// readFile/writeFile/appendFile, exists, stat/lstat (Stats), unlink, mkdir, readdir
// rename, rmdir and statfs, each *Sync and with a callback; fs.promises loads fs/promises.
'use strict';
module.exports = process.binding('fs');
