// net's onread option, loaded when an onread socket first gets data (net.js).
'use strict';
var errors = require('internal/errors');
var tcp = process.binding('tcp').TCP.prototype;

// options.onread: the data goes into the user's buffer (at most its length at a time,
// a fresh one from buffer() each time if it is a function) and to callback(nread, buf)
// with the socket as this, instead of 'data' events. A false return or pause() stops
// reading; the rest of the chunk waits for resume(). (The copy is made here for now;
// a native data path can read straight into the buffer.)
module.exports = function onreadUser(socket, chunk, off) {
  var o = socket._onread;
  while (off < chunk.length && !socket.destroyed) {
    if (socket._readableState.flowing === false) {
      socket._onreadRest = off ? chunk.slice(off) : chunk;
      tcp.readStop.call(socket); // the socket's record (modules/tcp_binding.c)
      return;
    }
    var buf = typeof o.buffer === 'function' ? o.buffer() : o.buffer;
    if (!(buf instanceof Uint8Array) || buf.length === 0) {
      socket.destroy(errors.codeError('ERR_INVALID_RETURN_VALUE',
        'Expected onread.buffer() to return a non-empty Uint8Array', TypeError));
      return;
    }
    var n = MathMin(buf.length, chunk.length - off);
    buf.set(off === 0 && n === chunk.length ? chunk : chunk.subarray(off, off + n));
    off += n;
    if (o.callback.call(socket, n, buf) === false) socket.pause();
  }
};
