// Ordering of nextTick, setImmediate and timers, scheduled from inside a timer
// callback, where Node's order is deterministic (the check phase comes before the
// next timers phase). Wide gaps between the timers' due times: a loaded machine or
// an emulated board may run late, but not 250 ms late between two callbacks.
var log = [];
setTimeout(function () {
  setTimeout(function () { log.push('timeout 300'); }, 300);
  setTimeout(function () { log.push('timeout 0'); process.nextTick(function () { log.push('tick in timeout'); }); }, 0);
  setImmediate(function () { log.push('immediate'); });
  process.nextTick(function () { log.push('tick 1'); });
  process.nextTick(function () { log.push('tick 2'); });
  var n = 0;
  var iv = setInterval(function () { log.push('interval ' + (++n)); if (n === 2) clearInterval(iv); }, 3);
  setTimeout(function () { console.log(log.join('\n')); }, 400);
}, 1);
