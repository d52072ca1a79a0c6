// internal/stream_errors: the errors the streams' C code raises (the F_* kinds of
// modules/stream_state.h, in that order) and the rare chunk conversion; loaded with
// the first.
'use strict';
var Buffer = require('buffer').Buffer;
var errors = require('internal/errors');
var codeError = errors.codeError;

module.exports = function fail(kind, v, name) {
  switch (kind) {
  case 0: return codeError('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
  case 1: // a chunk that is no string or Buffer: a TypedArray's or DataView's bytes
    if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    throw errors.invalidArgType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView', v);
  case 2: return errors.unknownEncoding(v);
  case 3: return codeError('ERR_STREAM_WRITE_AFTER_END', 'write after end');
  case 4: return codeError('ERR_STREAM_DESTROYED', 'Cannot call ' + v + ' after a stream was destroyed');
  case 5: return codeError('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times');
  case 6: return codeError('ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished');
  case 7: return codeError('ERR_METHOD_NOT_IMPLEMENTED', 'The _write() method is not implemented');
  case 8: return codeError('ERR_METHOD_NOT_IMPLEMENTED', 'The _read() method is not implemented');
  case 9: return errors.invalidArgType('chunk', 'string or an instance of Buffer or Uint8Array', v);
  case 10: return codeError('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event');
  case 11: return codeError('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF');
  default: return errors.invalidArgValue(name, v); // F_HWM: a bad highWaterMark
  }
};
