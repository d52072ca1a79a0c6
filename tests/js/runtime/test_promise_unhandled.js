// Unhandled rejections as node 20: 'unhandledRejection' (reason, promise) after the microtasks drain, 'rejectionHandled' for a late catch; the .expected file is node's output.
var log = [];
process.on('unhandledRejection', function (reason, p) {
  log.push('unhandledRejection ' + (reason && reason.message || reason) + ' ' + (p instanceof Promise));
});
process.on('rejectionHandled', function (p) { log.push('rejectionHandled ' + (p === late)); });
Promise.reject(new Error('e1'));
var late = Promise.reject(2);
var handledSoon = Promise.reject(3);
handledSoon.catch(function () { log.push('handled in time'); });
var handledNextTick = Promise.reject(4);
process.nextTick(function () { handledNextTick.catch(function () { log.push('handled in a tick'); }); });
new Promise(function (res, rej) { setTimeout(function () { rej(new Error('timer')); }, 1); });
setTimeout(function () {
  late.catch(function () { log.push('late catch'); });
  setTimeout(function () { console.log(log.join('\n')); }, 5);
}, 10);
async_like();
function async_like() { Promise.resolve().then(function () { throw new TypeError('in then'); }); }
