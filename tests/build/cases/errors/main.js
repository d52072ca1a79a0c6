// An uncaught error thrown in a local module: the report, mapped through the
// bundle's line table, names the source files and lines (tests/build/run.sh).
const { check } = require('./lib/check');

class Config {
  constructor(port) { this.port = port; }
  validate() {
    const port = check(this.port); // not a tail call: Duktape would drop this frame
    return port;
  }
}
console.log('validating');
new Config(-1).validate();
