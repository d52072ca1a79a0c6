// An uncaught error from a timer: 'exit' listeners still run with code 1.
process.on('exit', function (code) { console.log('exit code=' + code); });
setTimeout(function () { console.log('before throw'); throw new Error('late failure'); }, 5);
setTimeout(function () { console.log('never printed'); }, 50);
