// Buffer: Node v20's API on Uint8Array, in C (process.binding('buffer'):
// modules/buffer_binding.c for the statics, buffer_methods.c and
// buffer_numbers.c for the prototype's methods, buffer_codec.c for the codecs),
// as light functions: written in JS they were ~100 functions, ~22 KB of heap
// on a board (#17). What stays here: the constructor, SlowBuffer and the data;
// the wording of the errors loads with the first one (internal/buffer_errors).
//
// A Buffer is a Uint8Array whose prototype is Buffer.prototype, itself
// inheriting from Uint8Array.prototype, so `buf instanceof Uint8Array`,
// `buf instanceof Buffer` and Buffer.isBuffer(buf) all hold. Duktape 2.7 has no
// typed-array subclassing (class syntax, Reflect.construct with a newTarget:
// "unsupported"), so each instance gets its prototype after it is made: C
// makes every Buffer with its prototype already set (0.25 us for alloc(16)
// on linux, against 0.41 for new Uint8Array(16) + Object.setPrototypeOf).
'use strict';
var binding = process.binding('buffer');
var kMaxLength = binding.kMaxLength;
var kStringMaxLength = binding.kStringMaxLength;

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw require('internal/errors').invalidArgType('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

var proto = Buffer.prototype = ObjectCreate(Uint8Array.prototype, {
  constructor: { value: Buffer, writable: true, configurable: true }
});
// util.inspect prints anything marked this way as <Buffer xx xx>.
ObjectDefineProperty(proto, '_isBuffer', { value: true });
// C code that makes Buffers (socket data) gives them this prototype.
process.binding('core').setBufferPrototype(proto);
binding.install(Buffer, proto, function fail(kind, name, value, a, b) {
  return require('internal/buffer_errors')(kind, name, value, a, b);
});
Buffer.poolSize = 8192;

function SlowBuffer(size) {
  return Buffer.allocUnsafeSlow(size);
}
SlowBuffer.prototype = proto;

module.exports = {
  Buffer: Buffer,
  SlowBuffer: SlowBuffer,
  isUtf8: binding.isUtf8,
  isAscii: binding.isAscii,
  kMaxLength: kMaxLength,
  kStringMaxLength: kStringMaxLength,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  INSPECT_MAX_BYTES: 50
};
