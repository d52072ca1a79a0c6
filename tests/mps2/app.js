// An application embedded in the firmware (tests/mps2/run.py builds it with
// make BOARD=mps2-an385 APP=tests/mps2/app.js): it runs at boot instead of the REPL,
// reads a line from the UART as process.stdin, serves one connection through the port
// forward, and its exit status ends QEMU. Its stack traces name app.js's own lines,
// through the line table embedded beside it (/app.js.lines).
var net = require('net');
console.log('app stack ' + new Error('here').stack.split('\n')[1].trim());
var server = net.createServer(function (c) {
  c.end('app:' + process.argv[1] + '\n', function () { server.close(); });
});
server.listen(7000, function () { console.log('app listening'); });
// The UART hands over bytes as they come, so a line may arrive in several chunks:
// collect them up to the Enter. Paused then, stdin no longer keeps the app alive.
var line = '', buffers = true;
process.stdin.on('data', function onData(d) {
  buffers = buffers && Buffer.isBuffer(d);
  line += String(d);
  if (line.indexOf('\r') < 0) return;
  process.stdin.removeListener('data', onData);
  process.stdin.pause();
  console.log('app got ' + JSON.stringify(line) + (buffers ? ' (Buffer)' : ''));
});
server.on('close', function () {
  console.log('app done');
  process.exitCode = 7;
});
