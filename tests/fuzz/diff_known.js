// The reviewed list of known differences from node for the differential fuzz
// (diff_fuzz.js, diff.sh). Each entry says why; diff.sh prints how often each one was
// seen, so none is hidden. Remove an entry once Petrel does what node does.
'use strict';
// Functions node has and Petrel does not: not called in either runtime (a call would
// change node's state and every later line would differ for that reason alone).
exports.notCalled = {
  'events.once': 'returns a Promise: not written yet (Promise itself is built in since #18 item 1)',
  'util.promisify': 'returns a Promise-returning function: not written yet (#18)',
  'util.callbackify': 'takes a Promise-returning function: not written yet (#18)',
  'stream.Readable.from': 'iterates (async) iterables; Duktape 2.7 has neither',
  'dns.getDefaultResultOrder': 'not implemented: lookups keep the resolver order (node: verbatim)',
  'dns.setDefaultResultOrder': 'not implemented: lookups keep the resolver order (node: verbatim)',
  'path.toNamespacedPath': 'Windows-only meaning; not provided'
};
// Tampering (diff_fuzz.js "tamper" mode) Petrel does not survive as node does yet: not
// done in either runtime, and reported.
exports.notTampered = {
  'net.Socket.prototype': "freezing it: a socket's fields start as defaults on the prototype (RAM), so " +
    'setting one on the socket hits the frozen prototype; goes with net.js moving to C',
  'process.nextTick': "node's streams call the nextTick user code replaced (node fails, Petrel does not)",
  'EventEmitter.prototype': "node's net.Socket constructor then throws (node fails, Petrel does not)",
  'Buffer.from': 'node stops writing to stdout once Buffer.from throws (node fails)',
  'Object.prototype.toString': "the engine's: Duktape's typed arrays have no toString of their own (ES2015's " +
    "%TypedArray%.prototype.toString), so +new Uint8Array(1) in a Buffer method's argument calls Object.prototype's"
};
// Lines that differ in a known way: CALL (the name after the call number), NODE and
// PETREL (the outcomes) are regular expressions; all three must match, and BOARD (if
// given) the board's name.
exports.known = [
  { call: / on [A-Za-z]+$/, node: /./, petrel: /./,
    why: "a method called on another class's instance: node's answer follows from its internals (which " +
      'fields it touches first); Petrel must only not crash' },
  // Argument checks in the stream code, which other work is moving to C right now
  // (modules/stream_*.c, internal/stream_*.js): node's codes there are the next step.
  { call: /^(new )?stream\.(finished|pipeline)$/, node: /./, petrel: /./,
    why: "stream.finished/pipeline: node's argument checks and codes (ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS) " +
      'not all made yet (internal/stream_more.js, moving to C)' },
  { call: /^(new )?stream\.(Readable|Writable|Duplex|Transform|PassThrough)$/, node: /./, petrel: /./,
    why: "stream constructors: which options node accepts or rejects (highWaterMark, encoding) differs (moving to C)" },
  { call: /^(Readable|Duplex|Socket)#read$/, node: /^throw RangeError ERR_OUT_OF_RANGE/, petrel: /^ok/,
    why: 'read(n) with n above 1 GiB: node rejects it, Petrel reads nothing (stream code moving to C)' },
  { call: /^(Readable|Duplex)#(push|unshift|isPaused|read)$/, node: /./, petrel: /./,
    why: 'push/unshift/read/isPaused after odd earlier calls (setEncoding, objectMode mix, a chunk of the wrong ' +
      'type): the answer differs (stream code moving to C)' },
  { call: /^(Writable|Duplex|Socket)#(write|end|destroy)$/, node: /^throw/, petrel: /^throw/,
    why: 'write/end/destroy with several bad arguments: node checks them in another order (other code first)' },
  { call: /^(new )?net\.(Socket|connect|createConnection)$/, node: /./, petrel: /./,
    why: "net.Socket options (fd, handle, onread, readable...): node's checks not all made (net.js, moving to C)" },
  { call: /^Socket#(setTimeout|setEncoding|pipe|unpipe)$/, node: /./, petrel: /./,
    why: 'setTimeout(ms, callback), setEncoding, pipe on a socket: which odd arguments node takes differs (net.js and ' +
      'the stream code, moving to C)' },
  { call: /^(Readable|Writable|Duplex)#(emit|setEncoding|pipe|unpipe)$/, node: /./, petrel: /./,
    why: "emit('error'/'end'...) and setEncoding/pipe on streams in odd states: the stream code's answers differ " +
      '(moving to C)' },
  { call: /^(new )?dns\.lookup$/, node: /^ok object GetAddrInfoReqWrap/, petrel: /^ok object Object/,
    why: "dns.lookup returns node's internal request object; Petrel a plain one" },
  { call: /./, node: /^ok string \d+ "function \(/, petrel: /\[ecmascript code\]|\[native code\]/,
    why: 'a function turned into a string: Duktape keeps no source text' },
  { call: /^(new )?buffer\.Buffer\.(alloc|allocUnsafe|concat)$/, node: /./, petrel: /^throw RangeError ERR_OUT_OF_RANGE/,
    why: "buffers of 2 GiB and more: above Duktape's limit (see kMaxLength)" },
  { call: /^Buffer#(fill|compare|copy|write)$/, node: /./, petrel: /^throw RangeError ERR_OUT_OF_RANGE/,
    why: "an offset from 2 GiB to 4 GiB: node's limit (kMaxLength) is 4 GiB, Duktape's 2 GiB" },
  { call: /^(new )?util\.(inspect|format|formatWithOptions)$/, node: /^ok string/, petrel: /\[fil|\[len|<ref/,
    why: "util.inspect with showHidden set to a truthy non-boolean: Petrel shows a function's hidden fields (Duktape's fileName)" },
  { call: /^(new )?util\.(inspect|format|formatWithOptions)$/, node: /^ok string/, petrel: /^ok string.*\\n/,
    why: "util.inspect's layout: Petrel breaks lines at other widths than node" },
  { call: /^Buffer#(write|fill)$/, node: /^throw/, petrel: /^throw/,
    why: 'write/fill with both a bad encoding and a bad offset: node checks them in another order' },
  { call: /^StringDecoder#write$/, node: /^ok string/, petrel: /^ok string/,
    why: 'StringDecoder.write after writes mixing encodings: the replacement characters differ' },
  { call: /^(new )?net\.createServer$/, node: /./, petrel: /./,
    why: "net.createServer options: node's checks not all made (net.js, moving to C)" },
  { call: /^(EventEmitter#(listeners|rawListeners|eventNames|emit|listenerCount|removeListener|off|getMaxListeners)|events\.getEventListeners)$/,
    node: /./, petrel: /./,
    why: "an emitter that EventEmitter.call(emitter, options) re-initialised earlier: node's init rejects some " +
      'options after resetting _events, Petrel before, so later answers differ' },
  { call: /^(new )?events\.EventEmitter$/, node: /./, petrel: /./,
    why: 'EventEmitter(options): node checks options.captureRejections (a boolean); Petrel takes any' },
  { call: /^(new )?util\.(inspect|format|formatWithOptions)$/, node: /\\u001b\[|_events|<ref|\[length\]/, petrel: /./,
    why: 'util.inspect: no colors (options.colors or the 4th argument) and other field lists for buffers and functions' },
  { call: /^(new )?util\.(inspect|format|formatWithOptions)$/, node: /^ok string.*\\n/, petrel: /^ok string/,
    why: "util.inspect's layout: node groups long number arrays in columns and breaks lines by its own widths" },
  { call: /^(new )?util\.(inspect|format|formatWithOptions)$/, node: /^ok string/, petrel: /\[length\]/,
    why: 'util.inspect(array, true): Petrel shows [length] (showHidden) where node does not' },
  { call: /^(new )?util\.inherits$/, node: /./, petrel: /./,
    why: "util.inherits(ctor, super) with odd arguments: node checks superCtor.prototype first and sets the " +
      'prototype of objects Duktape refuses' },
  { call: /^(new )?util\.deprecate$/, node: /./, petrel: /./,
    why: 'util.deprecate(fn) with fn an object: node makes the wrapper, Petrel (Duktape) cannot set a non-function as its prototype' },
  { call: /^(new )?buffer\.Buffer\.allocUnsafe$/, node: /^ok object Buffer 4294967296/, petrel: /^throw RangeError ERR_OUT_OF_RANGE/,
    why: 'a 4 GiB buffer: above Duktape\'s limit (see kMaxLength)' },
  { call: /^(new )?assert\.throws$/, node: /./, petrel: /./,
    why: 'assert.throws(fn, validator) with an odd validator (a callback that returns a value): node checks the return' },
  { call: /^StringDecoder#end$/, node: /^ok string/, petrel: /^ok string/,
    why: 'StringDecoder.end() after writes mixing encodings: the replacement characters differ' },
  { call: /^(new )?string_decoder\.StringDecoder$/, node: /./, petrel: /./,
    why: 'StringDecoder called without new on another object: node sets it up, Petrel throws' },
  { call: /^Server#listen$/, node: /^throw Error ERR_SERVER_ALREADY_LISTEN/, petrel: /./, board: /lwip|mps2/,
    why: 'lwIP boards have no local (path) sockets: an earlier listen(path) failed, so this listen() is no second one' },
  { call: /^tamper (early|late) #\d+ replace (Object|Math|Array|JSON)\.\w+$/, node: /^ok$/, petrel: /^throw TypeError/,
    board: /mps2/,
    why: "ROM built-ins: the engine's Object, Math, Array and JSON are read-only, so user code cannot replace their methods" },
  { call: /^const process\.(platform|arch)$/, node: /./, petrel: /./, board: /mps2|rpi/,
    why: "the board is no x64 Linux host (node runs on one)" },
  { call: /^const buffer\.(constants\.MAX_LENGTH|kMaxLength|constants\.MAX_STRING_LENGTH|kStringMaxLength)$/,
    node: /./, petrel: /./, why: 'the largest buffer and string differ by engine (V8: 4 GiB, Duktape: 2 GiB)' }
];
