// internal/stream_encoding: Readable's setEncoding (Node v20), loaded by the
// prototype's native stub on first use (most sockets never decode).
'use strict';
var StringDecoder = require('string_decoder').StringDecoder;
var EMPTY = require('internal/stream_shared').EMPTY;

exports.setEncoding = function (enc) {
  var decoder = new StringDecoder(enc);
  var state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  // What is buffered is decoded now, as one string.
  var parts = [];
  for (var i = state.bufferIndex; i < state.buffer.length; i++) parts.push(decoder.write(state.buffer[i]));
  var content = ArrayPrototypeJoin(parts, '');
  state.buffer = content ? [content] : EMPTY;
  state.bufferIndex = 0;
  state.length = content.length;
  return this;
};
