// An uncaught error thrown in a local module: the report names the source files and
// lines (the board maps them through the bundle's line table: runtime/linetab.c;
// petrel-tool unmap does it on the host) (tests/build/run.sh). So do a caught
// error's err.stack and its err.fileName and err.lineNumber (expect_caught.txt, on stdout).
const { check } = require('./lib/check');

class Config {
  constructor(port) { this.port = port; }
  validate() {
    const port = check(this.port); // not a tail call: Duktape would drop this frame
    return port;
  }
}
try {
  new Config(-2).validate();
} catch (err) {
  console.log(err.stack.split('\n').slice(0, 3).join('\n'), `\nfileName ${err.fileName}:${err.lineNumber}`);
}
console.log('validating');
new Config(-1).validate();
