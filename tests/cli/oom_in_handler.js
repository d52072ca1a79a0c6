// The 'uncaughtException' listener itself runs out of heap (run with PETREL_HEAP_LIMIT):
// the process reports the coded out-of-memory error and exits 1, never node's "error in
// the handler" (7) with an error it could not even describe.
process.on('uncaughtException', function () {
  var hog = [];
  for (;;) hog.push(new Array(64).join('x') + hog.length);
});
setTimeout(function () { throw new Error('first'); }, 0);
