// stream/promises: pipeline and finished as promises, over stream's callback forms
// (internal/stream_more.js). pipeline's last argument may be its options ({ end,
// signal }: an object that is not a stream).
'use strict';
var stream = require('stream');
var PromiseCtor = process.binding('promise'); // the runtime's own, whatever user code did to the global

function isStream(v) {
  return typeof v.pipe === 'function' || typeof v.on === 'function';
}

function pipeline() {
  var streams = Array.prototype.slice.call(arguments);
  return new PromiseCtor(function (resolve, reject) {
    var last = streams[streams.length - 1];
    if (last && typeof last === 'object' && !isStream(last) && !ArrayIsArray(last)) streams.pop();
    streams.push(function (err, value) {
      if (err) reject(err);
      else resolve(value);
    });
    stream.pipeline.apply(null, streams);
  });
}

function finished(s, opts) {
  var autoCleanup = false;
  if (opts === null || opts === undefined) opts = {};
  if (opts.cleanup) {
    require('internal/validators').validateBoolean(opts.cleanup, 'cleanup');
    autoCleanup = opts.cleanup;
  }
  return new PromiseCtor(function (resolve, reject) {
    var cleanup = stream.finished(s, opts, function (err) {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}

module.exports = { finished: finished, pipeline: pipeline };
