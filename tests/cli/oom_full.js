// Run with PETREL_HEAP_LIMIT: fills the heap with small arrays to the last byte, so
// the allocation that fails leaves no room at all. The error that reports it must
// still be "alloc failed" with code ERR_MEMORY_ALLOCATION_FAILED (runtime/vm.c keeps
// a reserve for it), never Duktape's DoubleError. Whether the catch clause itself
// then finds room depends on the heap's layout: caught, it prints the code; if not,
// the uncaught error ends the run (exit 1) with the same message.
'use strict';
var keep = [];
for (var i = 0; i < 100000; i++) keep.push(null); // dense: filling it allocates nothing more
var n = 0;
try {
  for (;;) keep[n] = [n++];
} catch (e) {
  keep = null;
  console.log(e.name + ' ' + e.message + ' ' + e.code);
}
