// timers/promises: setTimeout and setImmediate as promises (value, options' checks,
// ref, an abort), setInterval as an async iterator driven by next() and return(),
// scheduler, and node: names. The .expected file is node v20's output.
'use strict';
var tp = require('timers/promises');
console.log(Object.keys(tp).join(), Object.keys(tp.scheduler).length, typeof tp.scheduler.wait, typeof tp.scheduler.yield);
console.log(tp.setTimeout.name, tp.setTimeout.length, tp.setImmediate.name, tp.setImmediate.length, tp.setInterval.name);
console.log(require('node:timers/promises') === tp, require('timers/promises') === tp);
function fail(label) { return function (e) { console.log(label, e.name, e.code, e.message); }; }

var order = [];
var settled = [
  tp.setTimeout(1, 'v').then(function (v) { order.push('timeout ' + v); }),
  tp.setImmediate('i').then(function (v) { order.push('immediate ' + v); }),
  tp.setTimeout(0).then(function (v) { order.push('timeout 0 ' + v); }),
  tp.setTimeout(5, 'unref', { ref: false }).then(function (v) { order.push('unref ' + v); })
];
tp.setTimeout(1, 'x', null).then(null, fail('null options'));
tp.setTimeout(1, 'x', 5).then(null, fail('number options'));
tp.setTimeout(1, 'x', { ref: 1 }).then(null, fail('ref'));
tp.setTimeout(1, 'x', { signal: 1 }).then(null, fail('signal'));
tp.setImmediate('x', { signal: { aborted: true, reason: 'r' } }).then(null, function (e) {
  console.log('aborted', e.name, e.code, e.cause, Object.keys(e).join());
});
var onAbort;
var signal = {
  aborted: false,
  addEventListener: function (name, fn) { onAbort = fn; },
  removeEventListener: function (name, fn) { console.log('abort listener removed', fn === onAbort); }
};
settled.push(tp.setTimeout(50, 'late', { signal: signal }).then(function (v) { console.log('not aborted?', v); }, fail('abort later')));

setTimeout(function () {
  signal.aborted = true;
  onAbort();
}, 10);

// The rest once all of the above have settled (not after a fixed time: a loaded
// machine may start the loop late, and a due timer runs before the immediates).
Promise.all(settled).then(function () {
  console.log(order.sort().join(', ')); // setTimeout(0) vs setImmediate: no fixed order in node either
  var it = tp.setInterval(2, 'tick');
  console.log(Object.prototype.toString.call(it), it[Symbol.asyncIterator]() === it, typeof it.next, typeof it['return'], typeof it['throw']);
  var n = 0;
  function next() {
    return it.next().then(function (r) {
      console.log('interval', JSON.stringify(r));
      if (++n < 3) return next();
      return it['return']('stop').then(function (r) {
        console.log('returned', JSON.stringify(r));
        return it.next();
      }).then(function (r) { console.log('after return', JSON.stringify(r)); });
    });
  }
  next().then(function () {
    var bad = tp.setInterval(1, 'v', { ref: 'no' });
    return bad.next().then(null, fail('interval options'));
  }).then(function () {
    return tp.scheduler.wait(1).then(function (v) { console.log('wait', v); });
  }).then(function () {
    return tp.scheduler['yield']().then(function (v) { console.log('yield', v); });
  });
});
