// Stand-in for Node's test/common/fixtures.js (our own code): paths into node's
// test/fixtures folder, which run.sh names in NODE_TEST_FIXTURES.
'use strict';
var path = require('path');
var dir = process.env.NODE_TEST_FIXTURES || path.join(__dirname, '..', 'fixtures');
module.exports = {
  fixturesDir: dir,
  path: function () {
    return path.join.apply(path, [dir].concat(Array.prototype.slice.call(arguments)));
  }
};
