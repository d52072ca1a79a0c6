// Local modules, node_modules packages (package.json main, "exports", index.js, .json),
// a require cycle, module identity and require() of built-ins.
const path = require('path');
const { EventEmitter } = require('node:events');
const a = require('./lib/a');
const b = require('./lib/b.js');
const fake = require('fake-pkg');
const helper = require('fake-pkg/lib/helper');
const exp = require('exp-pkg');
const data = require('./lib/data');
const tools = require('./lib');

console.log('cycle:', a.name, a.sawB, b.name, b.sawA, a.getB() === b);
console.log('fake:', fake.describe(), helper.twice(21), fake.version);
console.log('exports field:', exp.kind);
console.log('json:', data.items, data.nested.ok);
console.log('index:', tools.id, path.basename(tools.file));
console.log('same instance:', require('./lib/a') === a, require('fake-pkg') === fake);
console.log('names:', path.basename(__filename), path.basename(__dirname) === path.basename(path.dirname(__filename)),
  require.main === module, module.loaded, typeof module.exports, this === module.exports);
console.log('events:', typeof EventEmitter, require('events') === require('node:events'));

// A request only known at run time: node's MODULE_NOT_FOUND.
const missing = ['./lib/', 'not-there'].join('');
try { require(missing); } catch (e) { console.log('dynamic:', e.code, e.message.split('\n')[0]); }
// A module that throws is not cached: requiring it again runs it again.
for (let i = 0; i < 2; i++) {
  try { require('./lib/throws'); } catch (e) { console.log('throws:', e.message); }
}
// Optional dependencies, as packages write them: not found at build time, left to run time.
try { require('optional-absent-pkg'); } catch (e) { console.log('optional package:', e.code); }
try { require('./lib/optional-absent'); } catch (e) { console.log('optional file:', e.code); }
