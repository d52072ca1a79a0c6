// internal/tls (exported as 'tls' by modules/tls.js): TLS 1.2 clients and servers with Node v20's API (docs/tls.md), on the
// 'tls' binding (modules/tls_binding.c, mbedTLS 3.6 with memory BIOs); host name
// checks and the ClientHello parser are in internal/tls_names, the server side in
// internal/tls_server.
// A TLSSocket is a net.Socket without a handle of its own: it owns another
// net.Socket (the transport), and its ciphertext goes through the binding's Session (feed/pull), so TLS runs the same
// on every platform backend (POSIX or lwIP).
'use strict';
var net = require('net');
var stream = require('stream');
var Buffer = require('buffer').Buffer;
var errors = require('internal/errors');
var binding = process.binding('tls');
var names = require('internal/tls_names');

function inherits(ctor, superCtor) {
  ctor.super_ = superCtor;
  ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
}
function nop() {}

// ---- versions ------------------------------------------------------------------
// This build speaks TLS 1.2 and 1.3 (binding.maxMinor 4; 3 on a build without 1.3):
// a range is cut to those, and a range with neither is refused when the context is made.
var VERSIONS = { 'TLSv1': 1, 'TLSv1.1': 2, 'TLSv1.2': 3, 'TLSv1.3': 4 };
var BUFFER_TYPES = 'an instance of Buffer, TypedArray, or DataView';
exports.DEFAULT_MIN_VERSION = 'TLSv1.2';
exports.DEFAULT_MAX_VERSION = 'TLSv1.3';
exports.DEFAULT_ECDH_CURVE = 'auto';
exports.CLIENT_RENEG_LIMIT = 3;
exports.CLIENT_RENEG_WINDOW = 600;

function versionNumber(v, which) {
  if (typeof v !== 'string' || !ObjectPrototypeHasOwnProperty(VERSIONS, v)) {
    throw errors.codeError('ERR_TLS_INVALID_PROTOCOL_VERSION',
      JSONStringify(v) + ' is not a valid ' + which + ' TLS protocol version', TypeError);
  }
  return VERSIONS[v];
}

// ---- cipher names: mbedTLS's IANA-style names -> OpenSSL's (what Node shows) ----
function opensslCipherName(name) {
  // TLS 1.3: TLS1-3-AES-128-GCM-SHA256 -> TLS_AES_128_GCM_SHA256 (OpenSSL uses IANA's)
  if (RegExpPrototypeTest(/^TLS1-3-/, name)) return 'TLS_' + StringPrototypeReplace(StringPrototypeSlice(name, 7), /-/g, '_');
  // TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256 -> ECDHE-RSA-AES128-GCM-SHA256
  var m = /^TLS-(.*)-WITH-(.*)$/.exec(name);
  if (!m) return name;
  var kx = m[1], enc = m[2];
  enc = StringPrototypeReplace(StringPrototypeReplace(enc, /^AES-(\d+)-/, 'AES$1-'), /^CHACHA20-POLY1305-SHA256$/, 'CHACHA20-POLY1305');
  if (RegExpPrototypeTest(/-CBC-SHA$/, enc)) enc = StringPrototypeReplace(enc, /-CBC-SHA$/, '-SHA');
  else enc = StringPrototypeReplace(enc, /-CBC-/, '-');
  if (kx === 'RSA') return enc;
  return kx + '-' + enc;
}

exports.getCiphers = function () {
  var list = binding.ciphers(), out = [];
  for (var i = 0; i < list.length; i++) out.push(StringPrototypeToLowerCase(opensslCipherName(list[i])));
  return out;
};

exports.checkServerIdentity = names.checkServerIdentity;

// ---- secure contexts -------------------------------------------------------------
function toArray(v) { return ArrayIsArray(v) ? v : [v]; }
function isPemInput(v) { return typeof v === 'string' || v instanceof Uint8Array; }

function checkPem(v, name) {
  if (!isPemInput(v)) {
    throw errors.invalidArgType(name, 'of type string or an instance of Buffer, TypedArray, or DataView', v);
  }
  return v;
}

function alpnList(protocols) {
  // Array of strings/Buffers, or a Buffer in wire format (length-prefixed names).
  var out = [];
  if (protocols instanceof Uint8Array && !ArrayIsArray(protocols)) {
    var b = Buffer.from(protocols);
    for (var i = 0; i < b.length;) {
      var n = b[i];
      if (n === 0 || i + 1 + n > b.length) throw errors.codeError('ERR_INVALID_ARG_VALUE', 'Invalid ALPN protocol list', TypeError);
      out.push(b.toString('latin1', i + 1, i + 1 + n));
      i += 1 + n;
    }
    return out;
  }
  if (!ArrayIsArray(protocols)) {
    throw errors.invalidArgType('options.ALPNProtocols', 'an instance of Array, Buffer, TypedArray, or DataView', protocols);
  }
  for (var j = 0; j < protocols.length; j++) {
    var p = protocols[j];
    var s = typeof p === 'string' ? p : Buffer.from(p).toString('latin1');
    if (s.length === 0 || s.length > 255) {
      throw errors.codeError('ERR_OUT_OF_RANGE', 'The byte length of the protocol at index ' + j + ' exceeds the maximum length. It must be <= 255. Received ' + s.length, RangeError);
    }
    out.push(s);
  }
  return out;
}

function versionConflict(version, method) {
  return errors.codeError('ERR_TLS_PROTOCOL_VERSION_CONFLICT',
    'TLS protocol version "' + version + '" conflicts with secureProtocol "' + method + '"', TypeError);
}

function SecureContext(options, isServer) {
  options = options || {};
  var ctx = new binding.Context(!!isServer);
  // As Node: secureProtocol excludes minVersion and maxVersion (checked before either is read).
  var proto = options.secureProtocol;
  if (proto) {
    if (options.minVersion != null) throw versionConflict(options.minVersion, proto);
    if (options.maxVersion != null) throw versionConflict(options.maxVersion, proto);
  }
  var min = versionNumber(options.minVersion == null ? exports.DEFAULT_MIN_VERSION : options.minVersion, 'minimum');
  var max = versionNumber(options.maxVersion == null ? exports.DEFAULT_MAX_VERSION : options.maxVersion, 'maximum');
  if (typeof proto === 'string') { // Node's native side: any string is looked up, other types ignored
    var sp = RegExpPrototypeTest(/^TLSv1_2_(client_|server_)?method$/, proto) ? 3 :
      RegExpPrototypeTest(/^TLS_(client_|server_)?method$|^SSLv23_(client_|server_)?method$/, proto) ? 0 : -1;
    if (sp < 0) throw errors.codeError('ERR_TLS_INVALID_PROTOCOL_METHOD', 'Unknown method: ' + proto, TypeError);
    if (sp === 3) { min = 3; max = 3; }
  }
  if (min > max) {
    // As Node (OpenSSL): not an error here; each handshake with this context fails at its
    // start with ERR_SSL_NO_PROTOCOLS_AVAILABLE (TLSSocket's _cycle).
    ctx._noProtocols = 'minVersion ' + (options.minVersion || exports.DEFAULT_MIN_VERSION) +
      ' is above maxVersion ' + (options.maxVersion || exports.DEFAULT_MAX_VERSION);
    min = 3; max = binding.maxMinor;
  }
  if (min > binding.maxMinor || max < 3) {
    throw errors.codeError('ERR_TLS_INVALID_PROTOCOL_VERSION',
      'This build of Petrel speaks ' + (binding.maxMinor > 3 ? 'TLSv1.2 and TLSv1.3' : 'TLSv1.2 only') +
      ' (' + binding.engine + '): minVersion ' +
      (options.minVersion || exports.DEFAULT_MIN_VERSION) + ', maxVersion ' +
      (options.maxVersion || exports.DEFAULT_MAX_VERSION) + ' excludes ' +
      (binding.maxMinor > 3 ? 'both' : 'it'), TypeError);
  }
  ctx.setVersions(min < 3 ? 3 : min, max > binding.maxMinor ? binding.maxMinor : max);
  if (options.ca !== undefined && options.ca !== null) {
    var cas = toArray(options.ca);
    for (var i = 0; i < cas.length; i++) ctx.addCA(checkPem(cas[i], 'options.ca'));
  } else if (!isServer) {
    ctx.useSystemCA();
  }
  if (options.cert !== undefined && options.cert !== null) {
    var certs = toArray(options.cert), chain = [];
    for (var c = 0; c < certs.length; c++) {
      checkPem(certs[c], 'options.cert');
      chain.push(typeof certs[c] === 'string' ? certs[c] : Buffer.from(certs[c]).toString('latin1'));
    }
    var key = options.key, pass = options.passphrase;
    if (ArrayIsArray(key)) key = key[0];
    if (key && typeof key === 'object' && !(key instanceof Uint8Array)) {
      if (key.passphrase !== undefined) pass = key.passphrase;
      key = key.pem;
    }
    if (key === undefined || key === null) {
      // Node fails with OpenSSL's "no private key" on first use; refuse early here.
      throw errors.codeError('ERR_TLS_NO_PRIVATE_KEY', 'A certificate needs its private key (options.key)');
    }
    checkPem(key, 'options.key');
    ctx.setCert(ArrayPrototypeJoin(chain, '\n'), key, pass === undefined || pass === null ? undefined : String(pass));
  } else if (options.key !== undefined && options.key !== null) {
    throw errors.codeError('ERR_TLS_NO_CERT', 'A private key needs its certificate (options.cert)');
  }
  if (options.ciphers !== undefined) setCiphers(ctx, options.ciphers);
  if (secureOptions(options, isServer) & SSL_OP_NO_TICKET) ctx.disableTickets();
  this.context = ctx;
}

// OpenSSL's option bits (Node's crypto.constants; Petrel has no crypto module, so
// users write the number): Petrel acts on SSL_OP_NO_TICKET only.
var SSL_OP_NO_TICKET = 0x4000;
function secureOptions(options, isServer) {
  var so = options.secureOptions;
  if (!so) return 0;
  // A server, as Node's, ORs its cipher-order bit in first: anything becomes a number.
  if (isServer) return so | 0;
  if (typeof so !== 'number') throw errors.invalidArgType('secureOptions', 'number', so);
  if (so % 1 !== 0) throw errors.outOfRange('secureOptions', 'an integer', so);
  return so | 0;
}

// Cipher lists use OpenSSL's names (as Node does); those this build has are kept.
function setCiphers(ctx, ciphers) {
  if (typeof ciphers !== 'string') throw errors.invalidArgType('options.ciphers', 'string', ciphers);
  var known = binding.ciphers(), byName = {}, want = [], i;
  for (i = 0; i < known.length; i++) byName[StringPrototypeToUpperCase(opensslCipherName(known[i]))] = known[i];
  var parts = StringPrototypeSplit(ciphers, /[:, ]+/);
  for (i = 0; i < parts.length; i++) {
    var p = StringPrototypeToUpperCase(parts[i]);
    if (byName[p]) want.push(byName[p]);
    else if (RegExpPrototypeTest(/^TLS_/, p) && byName[opensslCipherName(StringPrototypeReplace(p, /_/g, '-'))]) {
      want.push(byName[opensslCipherName(StringPrototypeReplace(p, /_/g, '-'))]);
    }
  }
  if (want.length === 0 || ctx.setCiphers(want) === 0) {
    var e = errors.codeError('ERR_SSL_NO_CIPHER_MATCH', 'No cipher match');
    e.library = 'SSL routines';
    e.reason = 'no cipher match';
    throw e;
  }
}

exports.SecureContext = SecureContext;
exports.createSecureContext = function (options) {
  return new SecureContext(options, false);
};

function contextFor(options, isServer) {
  var sc = options.secureContext;
  if (sc) {
    if (!(sc.context instanceof binding.Context)) {
      throw errors.invalidArgType('options.secureContext', 'an instance of SecureContext', sc);
    }
    return sc.context;
  }
  return new SecureContext(options, isServer).context;
}

// ---- TLSSocket ------------------------------------------------------------------------
// new TLSSocket(socket, options): wraps a connected (or connecting) net.Socket.
function TLSSocket(socket, options) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, options);
  options = options || {};
  stream.Duplex.call(this, {
    allowHalfOpen: !!options.allowHalfOpen,
    emitClose: false,
    autoDestroy: true
  });
  this._tlsOptions = options;
  this._server = options.server || null;
  this.server = this._server;
  this.servername = null;
  this.alpnProtocol = false;
  this.authorized = false;
  this.authorizationError = null;
  this.encrypted = true;
  this._secure = false;
  this._pendingWrite = null;
  this._pendingFinal = null;
  this._waitDrain = false; // the current write waits for the transport's 'drain'
  this._wChunk = null;     // the current write (_writeMore)
  this._wOff = 0;
  this._wCb = null;
  this._readPaused = false;
  this._parentClosed = false;
  this._closeNotified = false;
  this._parentEnded = false;
  var isServer = !!options.isServer;
  // As Node: a server with 'newSession'/'resumeSession' listeners when the connection
  // comes keeps its sessions through them (tls_cache.c).
  var srv = this._server;
  this._sessionCallbacks = isServer && srv !== null &&
    (srv.listenerCount('newSession') > 0 || srv.listenerCount('resumeSession') > 0);
  this._newSessionWait = false;
  // The ClientHello waits here while SNICallback or 'resumeSession' decides.
  this._hello = isServer && (typeof options.SNICallback === 'function' || this._sessionCallbacks) ?
    Buffer.alloc(0) : null;
  this._helloWait = false;
  this._isServer = isServer;
  var ctx = contextFor(options, isServer);
  if (isServer) {
    if (options.requestCert) ctx.setVerify(1);
    if (options.ALPNProtocols) ctx.setALPN(alpnList(options.ALPNProtocols));
  } else if (options.ALPNProtocols) {
    // A client's ALPN list belongs to its connection: a context of its own.
    if (!options.secureContext) ctx.setALPN(alpnList(options.ALPNProtocols));
    else throw errors.codeError('ERR_TLS_ALPN_WITH_CONTEXT', 'Petrel: pass ALPNProtocols without secureContext');
  }
  var sni = null;
  if (!isServer) {
    sni = options.servername;
    if (sni === undefined && options.host && !net.isIP(options.host)) sni = options.host;
    if (sni !== undefined && sni !== null && typeof sni !== 'string') {
      throw errors.invalidArgType('options.servername', 'string', sni);
    }
    if (sni === '' || (sni && net.isIP(sni))) sni = null; // no SNI for IP addresses (RFC 6066)
    this.servername = sni || false;
  }
  this._noProtocols = ctx._noProtocols || null;
  this._session = new binding.Session(ctx, sni || undefined);
  if (!isServer && options.session) this.setSession(options.session);
  this._parent = null;
  if (socket) this._attach(socket);
}
// A net.Socket, as in Node (instanceof and the socket methods), without a handle of
// its own: the stream methods below and the address getters work through the parent.
inherits(TLSSocket, net.Socket);
exports.TLSSocket = TLSSocket;

TLSSocket.prototype._attach = function (socket) {
  var self = this;
  this._parent = socket;
  socket.on('data', function (buf) { self._onCipher(buf); });
  socket.on('end', function () { self._onParentEnd(); });
  socket.on('error', function (err) { self._onParentError(err); });
  socket.on('close', function () { self._onParentClose(); });
  socket.on('timeout', function () { self.emit('timeout'); });
  socket.on('drain', function () {
    if (self._waitDrain) {
      self._waitDrain = false;
      self._writeMore(false);
    }
  });
  if (socket.connecting) {
    socket.once('lookup', function (err, address, family, host) { self.emit('lookup', err, address, family, host); });
    socket.once('connect', function () {
      self.emit('connect');
      self.emit('ready'); // as net's 'connect' (Node's TLSSocket is the net socket)
      self._start();
    });
  } else {
    this._start();
  }
};

TLSSocket.prototype._start = function () {
  if (this.destroyed || this._session === null) return;
  this._cycle();
};

// Sends whatever ciphertext the engine produced. Returns false when the
// transport asked us to wait for 'drain'.
TLSSocket.prototype._flush = function () {
  var ok = true, s = this._session, p = this._parent;
  if (s === null || p === null || p.destroyed) return true;
  for (;;) {
    var b = s.pull();
    if (b === null) break;
    // Records made after the transport's writable side ended (the peer's FIN ended it:
    // allowHalfOpen false) have nowhere to go: dropped, not written after end.
    if (p.writableEnded) continue;
    if (!p.write(b)) ok = false;
  }
  return ok;
};

TLSSocket.prototype._emitKeylog = function (log, srv) {
  for (var i = 0, j; i < log.length; i = j + 1) {
    j = log.indexOf(10, i);
    var line = log.slice(i, j + 1);
    if (srv) srv.emit('keylog', line, this);
    else this.emit('keylog', line);
  }
};

TLSSocket.prototype._fail = function (err) {
  if (this.destroyed) return;
  if (!this._secure && this._isServer && this._server) {
    // A handshake that fails on a server is the server's 'tlsClientError'.
    this._errorReported = true;
    this._server.emit('tlsClientError', err, this);
    this.destroy();
    return;
  }
  this.destroy(err);
};

// A context whose minVersion is above its maxVersion: as OpenSSL, a fatal protocol_version
// alert (a plaintext record) to the peer, then ERR_SSL_NO_PROTOCOLS_AVAILABLE here.
TLSSocket.prototype._failNoProtocols = function () {
  var p = this._parent;
  if (p && !p.destroyed && !p.writableEnded) p.write(Buffer.from([21, 3, 1, 0, 2, 2, 70]));
  var err = new Error('SSL routines: no protocols available (' + this._noProtocols + ')');
  err.code = 'ERR_SSL_NO_PROTOCOLS_AVAILABLE';
  err.library = 'SSL routines';
  err.reason = 'no protocols available';
  this._fail(err);
};

TLSSocket.prototype._sessionError = function (r) {
  var e = this._session.error(r);
  return e;
};

// Runs the engine: handshake, then decrypt everything queued.
TLSSocket.prototype._cycle = function () {
  var s = this._session;
  if (s === null || this.destroyed) return;
  if (!this._secure) {
    if (this._newSessionWait) return;
    if (this._noProtocols) { this._failNoProtocols(); return; }
    // 'keylog' (NSS key log lines, as Node): the client socket's listeners, or the server's.
    var srv = this._isServer ? this._server : null;
    var r = s.handshake(srv ? srv.listenerCount('keylog') > 0 : this.listenerCount('keylog') > 0);
    var log = s.keylog();
    if (log !== null) this._emitKeylog(log, srv);
    // As Node: the server's last flight waits for 'newSession' to be done.
    if (r === 0 && this._sessionCallbacks && this._offerNewSession()) return;
    this._flush();
    if (r < 0) {
      this._fail(this._sessionError(r));
      return;
    }
    if (r !== 0) return;
    this._secure = true;
    if (this._onHandshakeDone() === false) return;
  }
  while (!this._readPaused && this._session !== null) {
    var d = s.read();
    if (typeof d === 'object') {
      this._bytesRead += d.length; // plaintext, as Node counts (net's getters read these two)
      if (!this.push(d)) {
        this._readPaused = true;
        if (this._parent) this._parent.pause();
      }
      continue;
    }
    if (d === 2) { // a TLS 1.3 ticket: Node's 'session' event, one per ticket
      if (this.listenerCount('session') > 0) {
        var ses = s.getSession();
        if (ses) this.emit('session', ses);
      }
      continue;
    }
    if (d === 0) {
      if (this._parentEnded && !this._closeNotified) this._pushEOF();
      break;
    }
    if (d === 1) {
      // close_notify: the peer finished writing.
      this._flush();
      if (!this._closeNotified) this._pushEOF();
      break;
    }
    this._flush();
    this.destroy(this._sessionError(d));
    return;
  }
  this._flush();
};

// The end of the cleartext stream. As net.js does at the transport's EOF, read(0)
// after push(null): with nothing buffered the stream ends now ('end', then with
// allowHalfOpen false our side ends and 'close' follows) even if the user never
// reads; push(null) alone waits for a read that never comes.
TLSSocket.prototype._pushEOF = function () {
  this._closeNotified = true;
  this.push(null);
  this.read(0);
};

TLSSocket.prototype._onHandshakeDone = function () {
  var s = this._session, opts = this._tlsOptions;
  // As Node's _finishInit: a server's handshake timeout ends with the handshake.
  if (this._handshakeTimeout > 0) this.setTimeout(0, this._handleTimeout);
  else if (this._parent) this._parent.setTimeout(this._userTimeout || 0);
  this.alpnProtocol = s.alpn() || false;
  if (this._isServer) this.servername = s.servername() || false;
  var verr = null;
  var v = s.verifyError();
  var checkPeer = !this._isServer || opts.requestCert;
  if (checkPeer) {
    if (v) {
      verr = errors.codeError(v[0], v[1]);
    } else if (!this._isServer && !s.isReused()) { // as Node: a resumed session was checked before
      var host = opts.servername || opts.host || 'localhost';
      var check = typeof opts.checkServerIdentity === 'function' ? opts.checkServerIdentity : exports.checkServerIdentity;
      verr = check(host, this.getPeerCertificate(true)) || null;
    }
    if (verr) {
      this.authorized = false;
      this.authorizationError = verr.code || verr.message;
      if (opts.rejectUnauthorized !== false) {
        this._flush();
        if (this._isServer) this._fail(verr);
        else this.destroy(verr);
        return false;
      }
    } else {
      this.authorized = true;
    }
  }
  if (this._isServer) {
    if (this._server) this._server.emit('secureConnection', this);
  } else {
    this.emit('secureConnect');
    // A new session for tls.connect({ session }) (none when this one was resumed). TLS 1.3
    // sends sessions later, as tickets (read() returns 2).
    if (this._session !== null && !s.isReused() && this.listenerCount('session') > 0 &&
        s.protocol() !== 'TLSv1.3') {
      var ses = s.getSession();
      if (ses) this.emit('session', ses);
    }
  }
  this.emit('secure');
  // Writes and an end() made before the handshake go out now.
  var w = this._pendingWrite;
  if (w) {
    this._pendingWrite = null;
    this._write(w[0], w[1], w[2]);
  }
  var f = this._pendingFinal;
  if (f && !this._pendingWrite) {
    this._pendingFinal = null;
    this._final(f);
  }
  return !this.destroyed;
};

TLSSocket.prototype._onCipher = function (buf) {
  if (this._session === null) return;
  if (this._hello !== null) {
    this._hello = this._hello.length ? Buffer.concat([this._hello, buf]) : buf;
    if (this._helloWait) return;
    var hello = names.parseHello(this._hello);
    if (hello === undefined) return; // the first record is not all here yet
    if (hello !== null) return this._askResume(hello);
    this._releaseHello();
    return;
  }
  this._session.feed(buf);
  this._cycle();
};

function connReset(message) {
  return errors.codeError('ECONNRESET', message);
}

TLSSocket.prototype._onParentEnd = function () {
  if (this._session === null || this.destroyed) return;
  if (!this._secure) {
    if (this._isServer) {
      this._fail(connReset('socket hang up'));
    } else {
      var e = connReset('Client network socket disconnected before secure TLS connection was established');
      e.host = this._tlsOptions.host;
      e.port = this._tlsOptions.port;
      e.localAddress = this._tlsOptions.localAddress;
      // As Node: the stream ends first, and its 'end' destroys it with the error.
      this.once('end', function () { this.destroy(e); });
      this.push(null);
      this.read(0);
    }
    return;
  }
  // A FIN without close_notify ends the stream too (as Node does), but only
  // after the records already received are read: a reader that paused us may
  // still have some queued in the session (_cycle ends the stream then).
  this._parentEnded = true;
  this._cycle();
};

TLSSocket.prototype._onParentError = function (err) {
  if (this.destroyed) return;
  if (!this._secure && this._isServer) { this._fail(err); return; }
  this.destroy(err);
};

TLSSocket.prototype._onParentClose = function () {
  this._parentClosed = true;
  var done = this._closeWait;
  if (done) {
    this._closeWait = null;
    done();
    return;
  }
  if (!this.destroyed) {
    if (!this._secure) {
      this._onParentEnd();
      if (this.destroyed) return;
    }
    // The transport ended cleanly and closed while this side still holds data its
    // paused reader has not taken (in the stream or in the session): the reader gets
    // it, then 'end', and the socket closes after that (autoDestroy, or here).
    if (this._parentEnded && !this._readableState.endEmitted) {
      var self = this;
      this.once('end', function () { process.nextTick(function () { if (!self.destroyed) self.destroy(); }); });
      return;
    }
    this.destroy();
  }
};

TLSSocket.prototype._read = function () {
  if (this._readPaused) {
    this._readPaused = false;
    if (this._parent && !this._parent.destroyed) this._parent.resume();
    var self = this;
    process.nextTick(function () { self._cycle(); });
  }
};

TLSSocket.prototype._write = function (chunk, encoding, cb) {
  if (!this._secure) {
    this._pendingWrite = [chunk, encoding, cb];
    return;
  }
  if (this._session === null) {
    cb(errors.codeError('ERR_SOCKET_CLOSED', 'Socket is closed'));
    return;
  }
  if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding);
  this._wChunk = chunk;
  this._wOff = 0;
  this._wCb = cb;
  this._writeMore(true);
};

// Feeds what is left of the current write into the engine and its records to the
// transport, until the transport asks to wait for 'drain'. The write's state lives
// on the socket, not in a closure: a closure per write would be a reference cycle
// (the closure and its scope) that only Duktape's mark-and-sweep frees, and it kept
// each written Buffer alive until then (RAM grew by ~1 MB per MB echoed on a board).
TLSSocket.prototype._writeMore = function (sync) {
  var chunk = this._wChunk, err = null;
  while (this._wOff < chunk.length) {
    if (this._session === null) {
      err = errors.codeError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
      break;
    }
    var n = this._session.write(chunk, this._wOff);
    if (n < 0) {
      err = this._sessionError(n);
      break;
    }
    this._wOff += n;
    this._bytesDispatched += n;
    if (!this._flush()) {
      this._waitDrain = true;
      return;
    }
  }
  var cb = this._wCb;
  this._wChunk = this._wCb = null;
  // Completes on a later tick even when the transport took it all at once, as
  // Node's TLS writes do: a large write() then reports backpressure the same way.
  if (err) cb(err);
  else if (sync) process.nextTick(cb);
  else cb();
};

TLSSocket.prototype._final = function (cb) {
  if (!this._secure) {
    this._pendingFinal = cb;
    return;
  }
  if (this._session !== null) {
    this._session.shutdown();
    this._flush();
  }
  if (this._parent) this._parent.end();
  cb();
};

TLSSocket.prototype._destroy = function (err, cb) {
  var s = this._session, p = this._parent, self = this;
  this._session = null;
  var w = this._pendingWrite, connecting = !!(p && p.connecting);
  this._pendingWrite = null;
  this._waitDrain = false;
  this._wChunk = this._wCb = null;
  if (s !== null) s.destroy();
  var finish = function () {
    cb(err);
    // As net (and Node's TLSSocket, which is the net socket): a write queued while the
    // transport still connected is told so.
    if (w && connecting) w[2](errors.codeError('ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established'));
    else if (w) w[2](errors.codeError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed'));
    process.nextTick(function () { self.emit('close', !!err); });
  };
  if (p && !this._parentClosed) {
    this._closeWait = finish;
    if (!err && this._writableState.finished && p.writableLength > 0 && !p.destroyed) {
      // Closing after a graceful end: our 'finish' came when the last records were
      // queued on the transport, not sent. They go out first, then the transport
      // closes (in Node the TLS socket is the transport, so this is its order too).
      p.once('finish', function () { p.destroy(); });
    } else {
      p.destroy();
    }
  } else {
    finish();
  }
};

// ---- TLSSocket information -------------------------------------------------------------
// As Node v20: no reset through a TLS socket (its handle is not a TCP one).
TLSSocket.prototype.resetAndDestroy = function () {
  throw errors.codeError('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
};

TLSSocket.prototype.getPeerCertificate = function (detailed) {
  if (this._session === null) return this._peerCertCache || null;
  // As Node (OpenSSL has no peer chain after a resumption): {} for a resumed session.
  var chain = this._session.isReused() ? [] : this._session.peerChain();
  if (chain.length === 0) return {};
  if (detailed) {
    for (var i = 0; i < chain.length; i++) {
      var c = chain[i];
      var selfSigned = JSONStringify(c.subject) === JSONStringify(c.issuer);
      if (i + 1 < chain.length) c.issuerCertificate = chain[i + 1];
      else if (selfSigned) c.issuerCertificate = c;
    }
  }
  this._peerCertCache = chain[0];
  return chain[0];
};

TLSSocket.prototype.getCertificate = function () {
  if (this._session === null) return null;
  return this._session.ownCert() || {};
};

TLSSocket.prototype.getProtocol = function () {
  if (this._session === null) return null;
  return this._session.protocol();
};

TLSSocket.prototype.getCipher = function () {
  if (this._session === null) return undefined;
  var name = this._session.cipher();
  if (!name) return undefined;
  return {
    name: opensslCipherName(name),
    standardName: RegExpPrototypeTest(/^TLS1-3-/, name) ? opensslCipherName(name) : StringPrototypeReplace(name, /-/g, '_'),
    version: this._session.protocol()
  };
};

TLSSocket.prototype.getSession = function () { return this._session ? this._session.getSession() : undefined; };
TLSSocket.prototype.isSessionReused = function () { return !!this._session && this._session.isReused(); };
TLSSocket.prototype.getTLSTicket = function () { return this._session ? this._session.ticket() : undefined; };
// A session from getSession() or a 'session' event, offered before the handshake.
TLSSocket.prototype.setSession = function (session) {
  if (typeof session === 'string') session = Buffer.from(session, 'latin1');
  if (!(session instanceof Uint8Array)) throw errors.codeError('ERR_INVALID_ARG_TYPE', 'Session must be a buffer', TypeError);
  if (this._session) this._session.setSession(session);
};
TLSSocket.prototype.getFinished = function () { return undefined; };
TLSSocket.prototype.getPeerFinished = function () { return undefined; };
// Node: null on a server; {} before the handshake or without an ephemeral key exchange.
TLSSocket.prototype.getEphemeralKeyInfo = function () {
  if (this._isServer) return null;
  return this._session ? this._session.ephemeralKeyInfo() : {};
};
TLSSocket.prototype.setMaxSendFragment = function () { return false; };
TLSSocket.prototype.disableRenegotiation = function () {};

// ---- the transport's controls, passed through -----------------------------------------------
TLSSocket.prototype.setTimeout = function (msecs, callback) {
  if (callback !== undefined) {
    if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'function', callback);
    if (msecs === 0) this.removeListener('timeout', callback);
    else this.once('timeout', callback);
  }
  this.timeout = msecs;
  this._userTimeout = msecs;
  if (this._parent) this._parent.setTimeout(msecs);
  return this;
};
// A server's handshake timeout (tls_server.js sets it with setTimeout, as Node does).
TLSSocket.prototype._handleTimeout = function () {
  if (!this._secure && !this.destroyed) {
    this._fail(errors.codeError('ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout'));
  }
};
TLSSocket.prototype.setNoDelay = function (enable) {
  if (this._parent) this._parent.setNoDelay(enable);
  return this;
};
TLSSocket.prototype.setKeepAlive = function (enable, delay) {
  if (this._parent) this._parent.setKeepAlive(enable, delay);
  return this;
};
TLSSocket.prototype.ref = function () {
  if (this._parent) this._parent.ref();
  return this;
};
TLSSocket.prototype.unref = function () {
  if (this._parent) this._parent.unref();
  return this;
};
TLSSocket.prototype.address = function () {
  return this._parent ? this._parent.address() : {};
};

function parentGetter(key) {
  return {
    get: function () { return this._parent ? this._parent[key] : undefined; },
    configurable: true
  };
}
ObjectDefineProperties(TLSSocket.prototype, {
  remoteAddress: parentGetter('remoteAddress'),
  remotePort: parentGetter('remotePort'),
  remoteFamily: parentGetter('remoteFamily'),
  localAddress: parentGetter('localAddress'),
  localPort: parentGetter('localPort'),
  localFamily: parentGetter('localFamily'),
  connecting: parentGetter('connecting'),
  pending: {
    get: function () { return !this._parent || this._parent.pending || !this._secure; },
    configurable: true
  },
  readyState: { // the TLS stream's own ends (the TCP socket's stay open until close_notify)
    get: function () {
      if (this.connecting) return 'opening';
      if (this.readable) return this.writable ? 'open' : 'readOnly';
      return this.writable ? 'writeOnly' : 'closed';
    },
    configurable: true
  },
  bufferSize: {
    get: function () { return this.writableLength; },
    configurable: true
  }
});

// ---- connect -----------------------------------------------------------------------------
function normalizeConnectArgs(args) {
  // (options[, cb]) | (port[, host][, options][, cb]) | (path[, options][, cb])
  var options = {}, cb = null, i = 0, a0 = args[0];
  if (a0 !== null && typeof a0 === 'object') {
    options = a0;
    i = 1;
  } else if (typeof a0 === 'number' || (typeof a0 === 'string' && StringPrototypeTrim(a0) !== '' && isFinite(+a0))) {
    options = { port: a0 };
    i = 1;
    if (typeof args[1] === 'string') { options.host = args[1]; i = 2; }
    if (args[i] !== null && typeof args[i] === 'object') {
      options = ObjectAssign({}, args[i], options);
      i++;
    }
  } else if (typeof a0 === 'string') {
    options = { path: a0 };
    i = 1;
    if (args[i] !== null && typeof args[i] === 'object') { options = ObjectAssign({}, args[i], options); i++; }
  }
  if (typeof args[i] === 'function') cb = args[i];
  else if (typeof args[args.length - 1] === 'function') cb = args[args.length - 1];
  return [options, cb];
}

exports.connect = function () {
  var a = normalizeConnectArgs(arguments);
  var options = ObjectAssign({ rejectUnauthorized: true }, a[0]), cb = a[1];
  options.isServer = false;
  if (options.rejectUnauthorized === undefined) options.rejectUnauthorized = true;
  if (options.host === undefined || options.host === null) options.host = 'localhost';
  var tlssock = new TLSSocket(null, options);
  if (cb) tlssock.once('secureConnect', cb);
  if (options.timeout) tlssock.setTimeout(options.timeout);
  var socket = options.socket;
  if (!socket) {
    var netOpts = { host: options.host, port: options.port, allowHalfOpen: true };
    if (options.path !== undefined) netOpts = { path: options.path, allowHalfOpen: true };
    if (options.localAddress) netOpts.localAddress = options.localAddress;
    if (options.localPort) netOpts.localPort = options.localPort;
    if (options.family) netOpts.family = options.family;
    if (options.lookup) netOpts.lookup = options.lookup;
    socket = net.connect(netOpts);
  }
  tlssock._attach(socket);
  if (options.timeout) socket.setTimeout(options.timeout);
  return tlssock;
};

exports.rootCertificates = [];

// The server side (Server, and what a server's TLSSocket asks its application).
require('internal/tls_server')(exports, {
  SecureContext: SecureContext, alpnList: alpnList, secureOptions: secureOptions,
  SSL_OP_NO_TICKET: SSL_OP_NO_TICKET, BUFFER_TYPES: BUFFER_TYPES, inherits: inherits
});
