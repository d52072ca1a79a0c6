// The reviewed list of known differences from node for the differential fuzz
// (diff_fuzz.js, diff.sh). Each entry says why; diff.sh prints how often each one was
// seen, so none is hidden. Remove an entry once Petrel does what node does.
'use strict';
// Functions node has and Petrel does not: not called in either runtime (a call would
// change node's state and every later line would differ for that reason alone).
exports.notCalled = {
  'events.once': 'returns a Promise; Duktape 2.7 has no Promise',
  'util.promisify': 'returns a Promise-returning function; Duktape 2.7 has no Promise',
  'util.callbackify': 'takes a Promise-returning function; Duktape 2.7 has no Promise',
  'stream.Readable.from': 'iterates (async) iterables; Duktape 2.7 has neither',
  'dns.getDefaultResultOrder': 'not implemented: lookups keep the resolver order (node: verbatim)',
  'dns.setDefaultResultOrder': 'not implemented: lookups keep the resolver order (node: verbatim)',
  'path.toNamespacedPath': 'Windows-only meaning; not provided'
};
// Tampering (diff_fuzz.js "tamper" mode) Petrel does not survive as node does yet: not
// done in either runtime, and reported.
var NO_PRIMORDIALS = "Petrel's built-in JS reads the global objects' functions when it loads and runs " +
  "(node's code holds its own copies, 'primordials'); keeping copies costs RAM on the boards";
exports.notTampered = {
  'Object.keys': NO_PRIMORDIALS,
  'Object.defineProperty': NO_PRIMORDIALS,
  'Object.create': NO_PRIMORDIALS,
  'global.Object': NO_PRIMORDIALS,
  'global.String': NO_PRIMORDIALS,
  'Math.floor': NO_PRIMORDIALS,
  'global.Math': NO_PRIMORDIALS,
  'Array.isArray': NO_PRIMORDIALS,
  'global.Array': NO_PRIMORDIALS,
  'net.Socket.prototype': "freezing it: a socket's fields start as defaults on the prototype (RAM), so " +
    'setting one on the socket hits the frozen prototype; goes with net.js moving to C',
  'process.nextTick': "node's streams call the nextTick user code replaced (node fails, Petrel does not)",
  'EventEmitter.prototype': "node's net.Socket constructor then throws (node fails, Petrel does not)",
  'Buffer.from': 'node stops writing to stdout once Buffer.from throws (node fails)'
};
// Lines that differ in a known way: CALL (the name after the call number), NODE and
// PETREL (the outcomes) are regular expressions; all three must match.
exports.known = [
  { call: / on [A-Za-z]+$/, node: /./, petrel: /./,
    why: "a method called on another class's instance: node's answer follows from its internals (which " +
      'fields it touches first); Petrel must only not crash' },
  { call: /^const buffer\.(constants\.MAX_LENGTH|kMaxLength|constants\.MAX_STRING_LENGTH|kStringMaxLength)$/,
    node: /./, petrel: /./, why: 'the largest buffer and string differ by engine (V8: 4 GiB, Duktape: 2 GiB)' }
];
