// With no 'unhandledRejection' listener, an unhandled rejection goes to the
// 'uncaughtException' listeners with origin 'unhandledRejection' (a non-Error reason
// wrapped in node's UnhandledPromiseRejection), and the process goes on; the .expected
// file is node v20's output.
var log = [];
process.on('uncaughtException', function (err, origin) {
  log.push(origin + ': ' + err.name + ': ' + err.message + (err.code ? ' ' + err.code : ''));
});
Promise.reject(new Error('first'));
Promise.resolve().then(function () { return Promise.reject(7); });
setTimeout(function () { throw new Error('from a timer'); }, 1);
setTimeout(function () { log.push('still running'); console.log(log.join('\n')); }, 10);
