// Ordering of nextTick, setImmediate and timers, scheduled from inside a timer
// callback, where Node's order is deterministic (the check phase comes before the
// next timers phase).
var log = [];
setTimeout(function () {
  setTimeout(function () { log.push('timeout 10'); }, 10);
  setTimeout(function () { log.push('timeout 0'); process.nextTick(function () { log.push('tick in timeout'); }); }, 0);
  setImmediate(function () { log.push('immediate'); });
  process.nextTick(function () { log.push('tick 1'); });
  process.nextTick(function () { log.push('tick 2'); });
  var n = 0;
  var iv = setInterval(function () { log.push('interval ' + (++n)); if (n === 2) clearInterval(iv); }, 3);
  setTimeout(function () { console.log(log.join('\n')); }, 60);
}, 1);
