// An app embedded as the REPL's boot app (tests/mps2/run.py builds it with
// make BOARD=mps2-an385 APP=tests/mps2/boot_app.js, APP_MODE=boot, the default): its
// relative module is bundled in; it spins in a timer until Ctrl-C gives the REPL, or,
// once the store holds /throw, throws, which prints the error and gives the REPL.
var lib = require('./boot_lib');
console.log('boot app ' + lib.greeting());
if (require('fs').existsSync('/throw')) lib.fail();
setTimeout(function () {
  console.log('spinning');
  for (;;) {}
}, 10);
