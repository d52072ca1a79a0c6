// fs/promises (also fs.promises): the promise forms over fs's callback forms
// (modules/fs_binding.c). As node's async functions, a bad argument rejects.
'use strict';
var fs = require('fs');
var PromiseCtor = process.binding('promise'); // the runtime's own, whatever user code did to the global

// name: how many arguments the callback form takes before its callback
var arity = { readFile: 2, writeFile: 3, appendFile: 3, stat: 2, lstat: 2, unlink: 1, mkdir: 2, readdir: 2, rename: 2, rmdir: 2, statfs: 2 };

function wrap(name, n) {
  var fn = fs[name];
  return function () {
    var args = [];
    for (var i = 0; i < n; i++) args[i] = arguments[i];
    return new PromiseCtor(function (resolve, reject) {
      args[n] = function (err, value) {
        if (err) reject(err);
        else resolve(value);
      };
      fn.apply(fs, args);
    });
  };
}

ArrayPrototypeForEach(ObjectKeys(arity), function (name) {
  module.exports[name] = wrap(name, arity[name]);
});
