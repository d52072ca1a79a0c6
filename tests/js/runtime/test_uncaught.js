// 'uncaughtException' receives errors thrown from timers, ticks and immediates; the loop goes on.
var assert = require('assert');
var seen = [];
process.on('uncaughtException', function (e) { seen.push(e.message); });
setTimeout(function () { throw new Error('from timer'); }, 1);
process.nextTick(function () { throw new Error('from tick'); });
setImmediate(function () { throw new Error('from immediate'); });
setTimeout(function () { seen.push('still running'); }, 20);
process.on('exit', function () {
  assert.deepStrictEqual(seen.sort(), ['from immediate', 'from tick', 'from timer', 'still running']);
});
