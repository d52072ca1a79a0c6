// Stand-in for Node's test/common/tmpdir.js (our own code): run.sh makes an empty
// directory per test and names it in NODE_TEST_TMPDIR, so no fs is needed here.
'use strict';
var path = require('path');
var dir = process.env.NODE_TEST_TMPDIR || '/tmp/petrel-node-tests';
module.exports = {
  path: dir,
  refresh: function () {},
  resolve: function () {
    return path.resolve.apply(path, [dir].concat(Array.prototype.slice.call(arguments)));
  },
  hasEnoughSpace: function () { return true; }
};
