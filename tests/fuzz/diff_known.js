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
// Lines that differ in a known way: CALL (the name after the call number), NODE and
// PETREL (the outcomes) are regular expressions; all three must match.
exports.known = [
  { call: / on [A-Za-z]+$/, node: /./, petrel: /./,
    why: "a method called on another class's instance: node's answer follows from its internals (which " +
      'fields it touches first); Petrel must only not crash' },
  { call: /^const buffer\.(constants\.MAX_LENGTH|kMaxLength|constants\.MAX_STRING_LENGTH|kStringMaxLength)$/,
    node: /./, petrel: /./, why: 'the largest buffer and string differ by engine (V8: 4 GiB, Duktape: 2 GiB)' }
];
