// tls: the implementation is internal/tls (modules/internal/tls.js). This front
// stays small so that a board built without TLS (BOARD_EXCLUDE drops the binding
// and internal/tls.js) spends no flash on it and still gives Node's error for a
// build without crypto.
'use strict';
var errors = require('internal/errors');
try {
  process.binding('tls');
} catch (e) {
  throw errors.codeError('ERR_NO_CRYPTO', 'Petrel for this board (' + process.board + ') is built without TLS support');
}
module.exports = require('internal/tls');
