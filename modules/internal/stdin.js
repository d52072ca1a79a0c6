// internal/stdin: process.stdin, a Readable of Buffers over the console input (fd 0
// on a host, the UART on a board), made on first use. It reads only while the stream
// wants data: paused or ended, it lets go of the input, so that it no longer keeps
// the process alive (as in Node). The REPL reads the same input; while it runs,
// canRead() says no and process.stdin gets nothing.
'use strict';
var Readable = require('stream').Readable;
var core = process.binding('core');

module.exports = function makeStdin(canRead) {
  var stdin = new Readable();
  var reading = false, held = false; // held: paused by pause(), no read-ahead then
  function start() {
    if (!reading && !held && canRead() && !stdin.readableEnded && !stdin.destroyed) {
      reading = true;
      core.readStart(onInput, true);
    }
  }
  function stop() {
    if (reading) {
      reading = false;
      core.readStop();
    }
  }
  function onInput(chunk) {
    if (chunk === null) stop();
    if (!stdin.push(chunk)) stop();
  }
  stdin._read = start;
  stdin._destroy = function (err, cb) { stop(); cb(err); };
  // pause() lets go of the input one tick later, as Node's stdin does (so a paused
  // stdin no longer keeps the process alive); resume() takes it again.
  stdin.on('pause', function () {
    held = true;
    process.nextTick(function () { if (held) stop(); });
  });
  stdin.on('resume', function () {
    held = false;
    start();
  });
  stdin.fd = 0;
  stdin.isTTY = core.isTTY();
  if (stdin.isTTY) {
    stdin.isRaw = false;
    stdin.setRawMode = function (on) {
      core.setRaw(!!on);
      stdin.isRaw = !!on;
      return stdin;
    };
  }
  return stdin;
};
