// Timers and immediates. The queues, setTimeout & co., the Timeout and Immediate
// classes and their methods are in C (runtime/timers.c: the loop owns the queues, and
// each JS function would cost ~300 B of heap on a board); the state stays on the
// objects where Node keeps it (_idleTimeout, _onTimeout, _timerArgs, _repeat,
// _destroyed). This file keeps the wording of errors (fail, called from C).
'use strict';
var errors = require('internal/errors');

module.exports = process.binding('timers').install(function fail(kind, v) {
  if (kind === 0) return errors.invalidArgType('callback', 'function', v);
  // kind 1: a class called without new (v its name). Calling it on a queued timer
  // once queued one object twice, and the timer loop then spun forever.
  return new TypeError('Class constructor ' + v + " cannot be invoked without 'new'");
}, typeof Symbol === 'function' ? Symbol.toPrimitive : undefined);
