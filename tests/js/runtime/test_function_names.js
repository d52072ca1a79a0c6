// The names of the built-in modules' functions are node's (runtime/lightfunc_names.c:
// light functions, made in C, carry no name of their own and got Duktape's
// "light_<pointer>_<flags>"). NODE lists node v20's name for every function both runtimes
// have on the modules' exports and prototypes; DIFFERENT those whose name is another on
// purpose (why: below), which must still be a name, not Duktape's. Every expectation
// here holds in node v20 too.
'use strict';
var assert = require('assert');

function names() {
  var seen = [], out = {};
  function walk(prefix, o, depth) {
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || depth > 2 || seen.indexOf(o) !== -1) return;
    seen.push(o);
    var keys = Object.getOwnPropertyNames(o);
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i], d = Object.getOwnPropertyDescriptor(o, k);
      if (k === 'constructor' || k === 'super_' || !d || !('value' in d)) continue;
      var v = d.value;
      if (typeof v === 'function') {
        out[prefix + k] = v.name;
        if (v.prototype && typeof v.prototype === 'object') walk(prefix + k + '.prototype.', v.prototype, depth + 1);
        walk(prefix + k + '.', v, depth + 1);
      } else if (v && typeof v === 'object') walk(prefix + k + '.', v, depth + 1);
    }
  }
  ['assert', 'buffer', 'console', 'events', 'net', 'stream', 'string_decoder', 'timers', 'util', 'path', 'dns']
    .forEach(function (m) { walk(m + '.', require(m), 0); });
  walk('process.', process, 0);
  var t = setTimeout(function () {}, 1);
  walk('Timeout.', Object.getPrototypeOf(t), 0);
  clearTimeout(t);
  var im = setImmediate(function () {});
  walk('Immediate.', Object.getPrototypeOf(im), 0);
  clearImmediate(im);
  return out;
}

var NODE = {
  'Immediate.hasRef': 'hasRef', 'Immediate.ref': 'ref', 'Immediate.unref': 'unref',
  'assert.AssertionError': 'AssertionError', 'assert.AssertionError.prototype.toString': 'toString',
  'assert.deepEqual': 'deepEqual', 'assert.deepStrictEqual': 'deepStrictEqual',
  'assert.doesNotMatch': 'doesNotMatch', 'assert.doesNotThrow': 'doesNotThrow', 'assert.equal': 'equal',
  'assert.fail': 'fail', 'assert.ifError': 'ifError', 'assert.match': 'match',
  'assert.notDeepEqual': 'notDeepEqual', 'assert.notDeepStrictEqual': 'notDeepStrictEqual',
  'assert.notEqual': 'notEqual', 'assert.notStrictEqual': 'notStrictEqual', 'assert.ok': 'ok',
  'assert.strict': 'strict', 'assert.strict.AssertionError': 'AssertionError',
  'assert.strict.deepEqual': 'deepStrictEqual', 'assert.strict.deepStrictEqual': 'deepStrictEqual',
  'assert.strict.doesNotMatch': 'doesNotMatch', 'assert.strict.doesNotThrow': 'doesNotThrow',
  'assert.strict.equal': 'strictEqual', 'assert.strict.fail': 'fail', 'assert.strict.ifError': 'ifError',
  'assert.strict.match': 'match', 'assert.strict.notDeepEqual': 'notDeepStrictEqual',
  'assert.strict.notDeepStrictEqual': 'notDeepStrictEqual', 'assert.strict.notEqual': 'notStrictEqual',
  'assert.strict.notStrictEqual': 'notStrictEqual', 'assert.strict.ok': 'ok', 'assert.strict.strict': 'strict',
  'assert.strict.strictEqual': 'strictEqual', 'assert.strict.throws': 'throws',
  'assert.strictEqual': 'strictEqual', 'assert.throws': 'throws', 'buffer.Buffer': 'Buffer',
  'buffer.Buffer.alloc': 'alloc', 'buffer.Buffer.allocUnsafe': 'allocUnsafe',
  'buffer.Buffer.byteLength': 'byteLength', 'buffer.Buffer.compare': 'compare',
  'buffer.Buffer.concat': 'concat', 'buffer.Buffer.from': 'from', 'buffer.Buffer.isBuffer': 'isBuffer',
  'buffer.Buffer.isEncoding': 'isEncoding', 'buffer.Buffer.of': 'of',
  'buffer.Buffer.prototype.asciiSlice': 'asciiSlice', 'buffer.Buffer.prototype.asciiWrite': 'asciiWrite',
  'buffer.Buffer.prototype.base64Slice': 'base64Slice', 'buffer.Buffer.prototype.base64Write': 'base64Write',
  'buffer.Buffer.prototype.base64urlSlice': 'base64urlSlice',
  'buffer.Buffer.prototype.base64urlWrite': 'base64urlWrite', 'buffer.Buffer.prototype.compare': 'compare',
  'buffer.Buffer.prototype.copy': 'copy', 'buffer.Buffer.prototype.equals': 'equals',
  'buffer.Buffer.prototype.fill': 'fill', 'buffer.Buffer.prototype.hexSlice': 'hexSlice',
  'buffer.Buffer.prototype.hexWrite': 'hexWrite', 'buffer.Buffer.prototype.includes': 'includes',
  'buffer.Buffer.prototype.indexOf': 'indexOf', 'buffer.Buffer.prototype.lastIndexOf': 'lastIndexOf',
  'buffer.Buffer.prototype.latin1Slice': 'latin1Slice', 'buffer.Buffer.prototype.latin1Write': 'latin1Write',
  'buffer.Buffer.prototype.readInt16BE': 'readInt16BE', 'buffer.Buffer.prototype.readInt16LE': 'readInt16LE',
  'buffer.Buffer.prototype.readInt32BE': 'readInt32BE', 'buffer.Buffer.prototype.readInt32LE': 'readInt32LE',
  'buffer.Buffer.prototype.readInt8': 'readInt8', 'buffer.Buffer.prototype.readIntBE': 'readIntBE',
  'buffer.Buffer.prototype.readIntLE': 'readIntLE', 'buffer.Buffer.prototype.readUInt16BE': 'readUInt16BE',
  'buffer.Buffer.prototype.readUInt16LE': 'readUInt16LE',
  'buffer.Buffer.prototype.readUInt32BE': 'readUInt32BE',
  'buffer.Buffer.prototype.readUInt32LE': 'readUInt32LE', 'buffer.Buffer.prototype.readUInt8': 'readUInt8',
  'buffer.Buffer.prototype.readUIntBE': 'readUIntBE', 'buffer.Buffer.prototype.readUIntLE': 'readUIntLE',
  'buffer.Buffer.prototype.readUint16BE': 'readUInt16BE',
  'buffer.Buffer.prototype.readUint16LE': 'readUInt16LE',
  'buffer.Buffer.prototype.readUint32BE': 'readUInt32BE',
  'buffer.Buffer.prototype.readUint32LE': 'readUInt32LE', 'buffer.Buffer.prototype.readUint8': 'readUInt8',
  'buffer.Buffer.prototype.readUintBE': 'readUIntBE', 'buffer.Buffer.prototype.readUintLE': 'readUIntLE',
  'buffer.Buffer.prototype.slice': 'slice', 'buffer.Buffer.prototype.swap16': 'swap16',
  'buffer.Buffer.prototype.swap32': 'swap32', 'buffer.Buffer.prototype.swap64': 'swap64',
  'buffer.Buffer.prototype.toJSON': 'toJSON', 'buffer.Buffer.prototype.toLocaleString': 'toString',
  'buffer.Buffer.prototype.toString': 'toString', 'buffer.Buffer.prototype.ucs2Slice': 'ucs2Slice',
  'buffer.Buffer.prototype.ucs2Write': 'ucs2Write', 'buffer.Buffer.prototype.utf8Slice': 'utf8Slice',
  'buffer.Buffer.prototype.utf8Write': 'utf8Write', 'buffer.Buffer.prototype.write': 'write',
  'buffer.Buffer.prototype.writeInt16BE': 'writeInt16BE',
  'buffer.Buffer.prototype.writeInt16LE': 'writeInt16LE',
  'buffer.Buffer.prototype.writeInt32BE': 'writeInt32BE',
  'buffer.Buffer.prototype.writeInt32LE': 'writeInt32LE', 'buffer.Buffer.prototype.writeInt8': 'writeInt8',
  'buffer.Buffer.prototype.writeIntBE': 'writeIntBE', 'buffer.Buffer.prototype.writeIntLE': 'writeIntLE',
  'buffer.Buffer.prototype.writeUInt16BE': 'writeUInt16BE',
  'buffer.Buffer.prototype.writeUInt16LE': 'writeUInt16LE',
  'buffer.Buffer.prototype.writeUInt32BE': 'writeUInt32BE',
  'buffer.Buffer.prototype.writeUInt32LE': 'writeUInt32LE', 'buffer.Buffer.prototype.writeUInt8': 'writeUInt8',
  'buffer.Buffer.prototype.writeUIntBE': 'writeUIntBE', 'buffer.Buffer.prototype.writeUIntLE': 'writeUIntLE',
  'buffer.Buffer.prototype.writeUint16BE': 'writeUInt16BE',
  'buffer.Buffer.prototype.writeUint16LE': 'writeUInt16LE',
  'buffer.Buffer.prototype.writeUint32BE': 'writeUInt32BE',
  'buffer.Buffer.prototype.writeUint32LE': 'writeUInt32LE', 'buffer.Buffer.prototype.writeUint8': 'writeUInt8',
  'buffer.Buffer.prototype.writeUintBE': 'writeUIntBE', 'buffer.Buffer.prototype.writeUintLE': 'writeUIntLE',
  'buffer.SlowBuffer': 'SlowBuffer', 'buffer.isAscii': 'isAscii', 'buffer.isUtf8': 'isUtf8',
  'console.Console': 'Console', 'console.Console.prototype.assert': 'assert',
  'console.Console.prototype.clear': 'clear', 'console.Console.prototype.count': 'count',
  'console.Console.prototype.countReset': 'countReset', 'console.Console.prototype.debug': 'log',
  'console.Console.prototype.dir': 'dir', 'console.Console.prototype.error': 'warn',
  'console.Console.prototype.group': 'group', 'console.Console.prototype.groupCollapsed': 'group',
  'console.Console.prototype.groupEnd': 'groupEnd', 'console.Console.prototype.info': 'log',
  'console.Console.prototype.log': 'log', 'console.Console.prototype.table': 'table',
  'console.Console.prototype.time': 'time', 'console.Console.prototype.timeEnd': 'timeEnd',
  'console.Console.prototype.timeLog': 'timeLog', 'console.Console.prototype.trace': 'trace',
  'console.Console.prototype.warn': 'warn', 'console.assert': 'assert', 'console.clear': 'clear',
  'console.count': 'count', 'console.countReset': 'countReset', 'console.debug': 'debug', 'console.dir': 'dir',
  'console.dirxml': 'dirxml', 'console.error': 'error', 'console.group': 'group',
  'console.groupCollapsed': 'groupCollapsed', 'console.groupEnd': 'groupEnd', 'console.info': 'info',
  'console.log': 'log', 'console.profile': 'profile', 'console.profileEnd': 'profileEnd',
  'console.table': 'table', 'console.time': 'time', 'console.timeEnd': 'timeEnd', 'console.timeLog': 'timeLog',
  'console.timeStamp': 'timeStamp', 'console.trace': 'trace', 'console.warn': 'warn', 'dns.lookup': 'lookup',
  'events.EventEmitter': 'EventEmitter', 'events.getEventListeners': 'getEventListeners', 'events.init': '',
  'events.listenerCount': '', 'events.setMaxListeners': '', 'net.Socket': 'Socket',
  'net.Socket.prototype._destroy': '', 'net.Socket.prototype._final': '',
  'net.Socket.prototype._getpeername': '', 'net.Socket.prototype._getsockname': '',
  'net.Socket.prototype._read': '', 'net.Socket.prototype._write': '', 'net.Socket.prototype.address': '',
  'net.Socket.prototype.connect': '', 'net.Socket.prototype.end': '', 'net.Socket.prototype.pause': '',
  'net.Socket.prototype.read': '', 'net.Socket.prototype.ref': '', 'net.Socket.prototype.resetAndDestroy': '',
  'net.Socket.prototype.resume': '', 'net.Socket.prototype.setKeepAlive': '',
  'net.Socket.prototype.setNoDelay': '', 'net.Socket.prototype.unref': '', 'net.Stream': 'Socket',
  'net.connect': 'connect', 'net.createConnection': 'connect', 'net.createServer': 'createServer',
  'net.isIP': 'isIP', 'net.isIPv4': 'isIPv4', 'net.isIPv6': 'isIPv6', 'path.basename': 'basename',
  'path.dirname': 'dirname', 'path.extname': 'extname', 'path.isAbsolute': 'isAbsolute', 'path.join': 'join',
  'path.normalize': 'normalize', 'path.parse': 'parse', 'path.relative': 'relative', 'path.resolve': 'resolve',
  'process._fatalException': '', 'process.abort': 'abort', 'process.binding': 'binding',
  'process.emitWarning': 'emitWarning', 'process.exit': 'exit', 'process.hrtime': 'hrtime',
  'process.memoryUsage': 'memoryUsage', 'process.nextTick': 'nextTick', 'process.reallyExit': 'reallyExit',
  'process.uptime': 'uptime', 'stream.Duplex': 'Duplex', 'stream.Duplex.prototype._write': '',
  'stream.Duplex.prototype.cork': '', 'stream.Duplex.prototype.destroy': '', 'stream.Duplex.prototype.end': '',
  'stream.Duplex.prototype.setDefaultEncoding': 'setDefaultEncoding', 'stream.Duplex.prototype.uncork': '',
  'stream.Duplex.prototype.write': '', 'stream.Readable': 'Readable', 'stream.Readable.prototype._destroy': '',
  'stream.Readable.prototype._read': '', 'stream.Readable.prototype.addListener': '',
  'stream.Readable.prototype.destroy': 'destroy', 'stream.Readable.prototype.isPaused': '',
  'stream.Readable.prototype.off': '', 'stream.Readable.prototype.on': '',
  'stream.Readable.prototype.pause': '', 'stream.Readable.prototype.pipe': '',
  'stream.Readable.prototype.push': '', 'stream.Readable.prototype.read': '',
  'stream.Readable.prototype.removeListener': '', 'stream.Readable.prototype.resume': '',
  'stream.Readable.prototype.setEncoding': '', 'stream.Readable.prototype.unpipe': '',
  'stream.Readable.prototype.unshift': '', 'stream.Readable.prototype.wrap': '', 'stream.Stream': 'Stream',
  'stream.Writable': 'Writable', 'stream.Writable.prototype._destroy': '',
  'stream.Writable.prototype._write': '', 'stream.Writable.prototype.cork': '',
  'stream.Writable.prototype.destroy': '', 'stream.Writable.prototype.end': '',
  'stream.Writable.prototype.setDefaultEncoding': 'setDefaultEncoding', 'stream.Writable.prototype.uncork': '',
  'stream.Writable.prototype.write': '', 'stream.prototype.pipe': '',
  'string_decoder.StringDecoder': 'StringDecoder', 'timers.clearImmediate': 'clearImmediate',
  'timers.clearTimeout': 'clearTimeout', 'timers.setImmediate': 'setImmediate',
  'timers.setInterval': 'setInterval', 'timers.setTimeout': 'setTimeout', 'util.debug': 'debuglog',
  'util.debuglog': 'debuglog', 'util.deprecate': 'deprecate', 'util.format': 'format',
  'util.formatWithOptions': 'formatWithOptions', 'util.inherits': 'inherits', 'util.inspect': 'inspect',
  'util.isArray': 'isArray', 'util.isBoolean': 'isBoolean', 'util.isBuffer': 'isBuffer',
  'util.isDate': 'isDate', 'util.isDeepStrictEqual': 'isDeepStrictEqual', 'util.isError': 'isError',
  'util.isFunction': 'isFunction', 'util.isNull': 'isNull', 'util.isNullOrUndefined': 'isNullOrUndefined',
  'util.isNumber': 'isNumber', 'util.isObject': 'isObject', 'util.isPrimitive': 'isPrimitive',
  'util.isRegExp': 'isRegExp', 'util.isString': 'isString', 'util.isSymbol': 'isSymbol',
  'util.isUndefined': 'isUndefined', 'util.stripVTControlCharacters': 'stripVTControlCharacters',
  'util.types.isAnyArrayBuffer': 'isAnyArrayBuffer', 'util.types.isArgumentsObject': 'isArgumentsObject',
  'util.types.isArrayBuffer': 'isArrayBuffer', 'util.types.isAsyncFunction': 'isAsyncFunction',
  'util.types.isBigInt64Array': 'isBigInt64Array', 'util.types.isBigIntObject': 'isBigIntObject',
  'util.types.isBigUint64Array': 'isBigUint64Array', 'util.types.isBooleanObject': 'isBooleanObject',
  'util.types.isBoxedPrimitive': 'isBoxedPrimitive', 'util.types.isDataView': 'isDataView',
  'util.types.isDate': 'isDate', 'util.types.isExternal': 'isExternal',
  'util.types.isFloat32Array': 'isFloat32Array', 'util.types.isFloat64Array': 'isFloat64Array',
  'util.types.isGeneratorFunction': 'isGeneratorFunction', 'util.types.isGeneratorObject': 'isGeneratorObject',
  'util.types.isInt16Array': 'isInt16Array', 'util.types.isInt32Array': 'isInt32Array',
  'util.types.isInt8Array': 'isInt8Array', 'util.types.isMap': 'isMap',
  'util.types.isMapIterator': 'isMapIterator', 'util.types.isModuleNamespaceObject': 'isModuleNamespaceObject',
  'util.types.isNativeError': 'isNativeError', 'util.types.isNumberObject': 'isNumberObject',
  'util.types.isPromise': 'isPromise', 'util.types.isRegExp': 'isRegExp', 'util.types.isSet': 'isSet',
  'util.types.isSetIterator': 'isSetIterator', 'util.types.isSharedArrayBuffer': 'isSharedArrayBuffer',
  'util.types.isStringObject': 'isStringObject', 'util.types.isSymbolObject': 'isSymbolObject',
  'util.types.isTypedArray': 'isTypedArray', 'util.types.isUint16Array': 'isUint16Array',
  'util.types.isUint32Array': 'isUint32Array', 'util.types.isUint8Array': 'isUint8Array',
  'util.types.isUint8ClampedArray': 'isUint8ClampedArray', 'util.types.isWeakMap': 'isWeakMap',
  'util.types.isWeakSet': 'isWeakSet'
};
// Names that differ from node's, and why.
var DIFFERENT = {
  // node's internal helper names, or an alias there that is one function here
  'buffer.Buffer.allocUnsafeSlow': 'one function with allocUnsafe here',
  'buffer.Buffer.prototype.subarray': 'one function with slice here',
  'buffer.Buffer.prototype.readDoubleBE': "node's internal readDoubleBackwards",
  'buffer.Buffer.prototype.readDoubleLE': "node's internal readDoubleForwards",
  'buffer.Buffer.prototype.readFloatBE': "node's internal readFloatBackwards",
  'buffer.Buffer.prototype.readFloatLE': "node's internal readFloatForwards",
  'buffer.Buffer.prototype.writeDoubleBE': "node's internal writeDoubleBackwards",
  'buffer.Buffer.prototype.writeDoubleLE': "node's internal writeDoubleForwards",
  'buffer.Buffer.prototype.writeFloatBE': "node's internal writeFloatBackwards",
  'buffer.Buffer.prototype.writeFloatLE': "node's internal writeFloatForwards",
  'console.Console.prototype.dirxml': "node's is its log",
  'path.format': "node's is a bound function ('bound _format')",
  'process._tickCallback': "node's internal runNextTicks",
  'process.cwd': "node's internal wrappedCwd",
  'timers.clearInterval': 'one function with clearTimeout here',
  'util.types.isArrayBufferView': "node's is ArrayBuffer.isView",
  'util.types.isCryptoKey': "node's is an anonymous accessor's 'value'",
  'util.types.isKeyObject': "node's is an anonymous accessor's 'value'",
  // JS functions here that are anonymous (node names them)
  'net.Socket.prototype.setTimeout': 'anonymous JS here (node: setStreamTimeout)',
  'net._setSimultaneousAccepts': 'anonymous JS here',
  'net.getDefaultAutoSelectFamily': 'anonymous JS here',
  'net.getDefaultAutoSelectFamilyAttemptTimeout': 'anonymous JS here',
  'net.setDefaultAutoSelectFamily': 'anonymous JS here',
  'net.setDefaultAutoSelectFamilyAttemptTimeout': 'anonymous JS here',
  'string_decoder.StringDecoder.prototype.end': 'anonymous JS here',
  'string_decoder.StringDecoder.prototype.text': 'anonymous JS here',
  'string_decoder.StringDecoder.prototype.write': 'anonymous JS here'
};

var got = names(), wrong = [], n = 0;
Object.keys(NODE).forEach(function (k) {
  n++;
  if (!(k in got)) wrong.push(k + ': missing');
  else if (got[k] !== NODE[k]) wrong.push(k + ': ' + JSON.stringify(got[k]) + ', node: ' + JSON.stringify(NODE[k]));
});
Object.keys(DIFFERENT).forEach(function (k) {
  n++;
  if (typeof got[k] !== 'string' || /^light_/.test(got[k])) wrong.push(k + ': ' + JSON.stringify(got[k]));
});
Object.keys(got).forEach(function (k) { // any other function found (a board's own): no Duktape name
  if (/^light_/.test(got[k])) wrong.push(k + ': ' + got[k]);
});
assert.deepStrictEqual(wrong, []);

// Function.prototype.toString of a native function: node's form
var B = require('buffer').Buffer;
assert.strictEqual(String(B.prototype.utf8Slice), 'function utf8Slice() { [native code] }');
assert.strictEqual(Function.prototype.toString.call(B.prototype.hexWrite), 'function hexWrite() { [native code] }');
assert.ok(/^function strictEqual\(/.test(String(assert.strictEqual)), String(assert.strictEqual));
assert.ok(/^function inherits\(/.test(String(require('util').inherits)));

// A stack frame of a light function names it (node: "at EventEmitter.emit (node:events...)")
var EE = require('events'), e = new EE(), stack = '';
e.on('x', function () { stack = new Error('here').stack; });
e.emit('x');
assert.ok(/at (EventEmitter\.)?emit\b/.test(stack), stack);
assert.ok(!/light_/.test(stack), stack);
// The engine's built-in methods: on a board with ROM built-ins most are light functions
// in ROM (boards/mps2-an385/board.mk, --rom-auto-lightfunc; names from genbuiltins'
// table), elsewhere function objects; the same names, lengths and text either way, and
// Duktape's own (the fourth element) are no constructors (Petrel's ES2015+ methods are
// light functions on the other boards, where Duktape lets `new` call them).
[[[].push, 'push', 1, 1], [[].forEach, 'forEach', 1, 1], [Math.max, 'max', 2, 1], [Object.keys, 'keys', 1, 1],
  [JSON.stringify, 'stringify', 3, 1], ['x'.padStart, 'padStart', 1], [Array.from, 'from', 1],
  [Object.entries, 'entries', 1], [[].includes, 'includes', 1], [Math.cosh, 'cosh', 1],
  [Date.prototype.toUTCString, 'toUTCString', 0, 1], [Object.getPrototypeOf, 'getPrototypeOf', 1, 1],
  [Number.isInteger, 'isInteger', 1, 1], [Promise.resolve, 'resolve', 1]].forEach(function (c) {
  assert.strictEqual(c[0].name, c[1]);
  assert.strictEqual(c[0].length, c[2], c[1]);
  assert.strictEqual(String(c[0]), 'function ' + c[1] + '() { [native code] }');
  if (c[3]) assert.throws(function () { return new c[0](); }, TypeError, c[1]);
});
assert.strictEqual([].push, Array.prototype.push);
assert.ok(Math.max instanceof Function);
assert.strictEqual(Object.prototype.toString.call(Math.max), '[object Function]');
console.log('ok: ' + n + ' function names as node\'s (' + Object.keys(DIFFERENT).length + ' differ on purpose)');
