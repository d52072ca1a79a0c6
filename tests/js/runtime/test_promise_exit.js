// Microtasks at exit, as node 20: those queued in 'beforeExit' run (and the loop goes on), those
// queued by 'exit' listeners on a natural exit run too, their ticks do not; the .expected file is node's output.
process.on('exit', function () { console.log('exit'); Promise.resolve().then(function () { console.log('micro after exit'); }); process.nextTick(function () { console.log('tick after exit'); }); });
process.on('beforeExit', function () { if (!global.done) { global.done = 1; console.log('beforeExit'); Promise.resolve().then(function () { console.log('micro in beforeExit'); }); } });
