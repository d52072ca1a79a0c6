// internal/tls_server (part of internal/tls, which calls it once loaded): tls.Server,
// and what a server's TLSSocket asks its application before and after the handshake:
// 'resumeSession' and SNICallback hold the ClientHello, 'newSession' holds the last
// flight (docs/tls.md, "Session resumption").
'use strict';
var net = require('net');
var errors = require('internal/errors');
var binding = process.binding('tls');

module.exports = function (tls, shared) {
  var TLSSocket = tls.TLSSocket, SecureContext = shared.SecureContext;
  var BUFFER_TYPES = shared.BUFFER_TYPES, SSL_OP_NO_TICKET = shared.SSL_OP_NO_TICKET;

  // Node's 'newSession'(id, session, done): a full handshake gave the client a session
  // ID (no ticket); 'secure' and the server's Finished wait until the application has
  // stored it. True: wait.
  TLSSocket.prototype._offerNewSession = function () {
    var ns = this._session.takeNewSession();
    if (!ns) return false;
    var self = this, once = false, inEmit = true;
    this._newSessionWait = true;
    var done = function () {
      if (once) return;
      once = true;
      self._newSessionWait = false;
      if (!inEmit) self._cycle();
    };
    if (!this._server.emit('newSession', ns[0], ns[1], done)) done();
    inEmit = false;
    return this._newSessionWait;
  };

  // The ClientHello is held while the application answers; what the client sends
  // meanwhile waits in the transport (its window closes), not here.
  TLSSocket.prototype._holdHello = function () {
    this._helloWait = true;
    if (this._parent) this._parent.pause();
  };

  TLSSocket.prototype._releaseHello = function () {
    var hello = this._hello;
    this._hello = null;
    if (this._helloWait) {
      this._helloWait = false;
      if (this._parent) this._parent.resume();
    }
    this._session.feed(hello);
    this._cycle();
  };

  // Node's 'resumeSession'(id, cb): asked for a ClientHello that offers a session ID
  // and no ticket; cb(err, session) may come later, with the session 'newSession'
  // gave (or none: a full handshake).
  TLSSocket.prototype._askResume = function (hello) {
    var self = this, once = false;
    var next = function () {
      if (typeof self._tlsOptions.SNICallback === 'function' && hello.servername !== null) {
        self._askSNI(hello.servername);
      } else {
        self._releaseHello();
      }
    };
    if (!this._sessionCallbacks || hello.sessionId.length === 0 || hello.ticket) return next();
    this._holdHello();
    var asked = this._server.emit('resumeSession', hello.sessionId, function (err, session) {
      if (once) return self._fail(errors.codeError('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'));
      once = true;
      if (self.destroyed || self._session === null) return;
      if (err) return self._fail(err);
      if (ArrayBuffer.isView(session)) self._session.loadSession(session);
      next();
    });
    if (!asked) next();
  };

  // Node's SNICallback(servername, cb): cb(err, secureContext) may come later; the
  // handshake goes on with the context it gives (none: the server's own).
  TLSSocket.prototype._askSNI = function (name) {
    var self = this, called = false;
    this._holdHello();
    this._tlsOptions.SNICallback(name, function (err, sc) {
      if (called || self.destroyed || self._session === null) return;
      called = true;
      if (err) return self._fail(err);
      if (sc) {
        if (!(sc.context instanceof binding.Context)) {
          return self._fail(errors.invalidArgType('secureContext', 'an instance of SecureContext', sc));
        }
        self._session.useSNIContext(sc.context);
      }
      self._releaseHello();
    });
  };

  // ---- Server --------------------------------------------------------------------------------
  function Server(options, listener) {
    if (!(this instanceof Server)) return new Server(options, listener);
    if (typeof options === 'function') {
      listener = options;
      options = {};
    } else if (options === undefined || options === null) {
      options = {};
    } else if (typeof options !== 'object') {
      throw errors.invalidArgType('options', 'an instance of Object', options);
    }
    net.Server.call(this, { allowHalfOpen: true, noDelay: options.noDelay, keepAlive: options.keepAlive,
      keepAliveInitialDelay: options.keepAliveInitialDelay }, null);
    this._tlsOptions = options;
    this._sniContexts = []; // addContext's, carried over by setSecureContext
    this._sharedContext = this._newContext(options, true);
    this.requestCert = !!options.requestCert;
    this.rejectUnauthorized = options.rejectUnauthorized !== false;
    // As Node: any false value (0, NaN, null, '') is the default 120 s, a number <= 0
    // turns the timeout off, anything else that is not a number throws.
    this.handshakeTimeout = options.handshakeTimeout || 120000;
    if (typeof this.handshakeTimeout !== 'number') {
      throw errors.invalidArgType('options.handshakeTimeout', 'number', options.handshakeTimeout);
    }
    this.tlsAllowHalfOpen = !!options.allowHalfOpen;
    if (options.SNICallback !== undefined && typeof options.SNICallback !== 'function') {
      throw errors.invalidArgType('options.SNICallback', 'function', options.SNICallback);
    }
    this._SNICallback = options.SNICallback;
    if (typeof listener === 'function') this.on('secureConnection', listener);
    this.on('connection', onServerConnection);
  }
  shared.inherits(Server, net.Server);
  tls.Server = Server;

  function checkSessionTimeout(lifetime) {
    if (typeof lifetime !== 'number') throw errors.invalidArgType('options.sessionTimeout', 'number', lifetime);
    if (lifetime % 1 !== 0) throw errors.outOfRange('options.sessionTimeout', 'an integer', lifetime);
    if (!(lifetime >= 0 && lifetime <= 2147483647)) {
      throw errors.outOfRange('options.sessionTimeout', '>= 0 && <= 2147483647', lifetime);
    }
    return lifetime;
  }

  // ticketKeys: 48 bytes, as in Node; servers given the same keys resume each other's sessions.
  function checkTicketKeys(keys) {
    if (!keys) return undefined;
    if (!ArrayBuffer.isView(keys)) throw errors.invalidArgType('options.ticketKeys', BUFFER_TYPES, keys);
    if (keys.byteLength !== 48) {
      throw errors.codeError('ERR_INVALID_ARG_VALUE',
        "The property 'options.ticketKeys' must be exactly 48 bytes. Received " + keys.byteLength, TypeError);
    }
    return keys;
  }

  // The context new connections get: certificate, CA, versions, ciphers from options;
  // tickets, ALPN, client certificates and SNI contexts from the server. Session
  // tickets are on by default, as in Node; sessionTimeout is their lifetime (s).
  Server.prototype._newContext = function (options, first) {
    var ctx = new SecureContext(options, true).context, own = this._tlsOptions;
    if (first || options.sessionTimeout) {
      this._sessionTimeout = checkSessionTimeout(options.sessionTimeout === undefined ? 300 : options.sessionTimeout);
    }
    if (first || options.ticketKeys) this._ticketKeys = checkTicketKeys(options.ticketKeys);
    ctx.setSessionTimeout(this._sessionTimeout);
    if (!(shared.secureOptions(options, true) & SSL_OP_NO_TICKET)) ctx.enableTickets(this._sessionTimeout, this._ticketKeys);
    if (own.ALPNProtocols) ctx.setALPN(shared.alpnList(own.ALPNProtocols));
    if (own.requestCert) ctx.setVerify(1);
    for (var i = 0; i < this._sniContexts.length; i++) ctx.addSNIContext(this._sniContexts[i][0], this._sniContexts[i][1]);
    return ctx;
  };

  // As Node's: a new certificate (key, CA...) for the connections that come from now
  // on; sessionTimeout and ticketKeys stay unless given again (without ticketKeys
  // given ever, the new context's are random, so older tickets make full handshakes).
  Server.prototype.setSecureContext = function (options) {
    if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'object', options);
    this._sharedContext = this._newContext(options, false);
  };

  function onServerConnection(raw) {
    var server = this;
    var sock;
    try {
      sock = new TLSSocket(null, {
        isServer: true,
        server: server,
        secureContext: { context: server._sharedContext },
        requestCert: server.requestCert,
        rejectUnauthorized: server.rejectUnauthorized,
        allowHalfOpen: server.tlsAllowHalfOpen,
        SNICallback: server._SNICallback
      });
    } catch (e) {
      // No memory for this connection's session: that connection fails as a handshake
      // does ('tlsClientError', here with the TCP socket: there is no TLSSocket), and
      // the server keeps serving, instead of the error ending the process.
      if (!e || e.code !== 'ERR_MEMORY_ALLOCATION_FAILED') throw e;
      raw.destroy();
      server.emit('tlsClientError', e, raw);
      return;
    }
    sock._attach(raw);
    // As Node: the TLSSocket's own timeout (so tlsSocket.timeout shows it), cleared
    // when the handshake is done. It runs on the transport's idle timer.
    sock._handshakeTimeout = server.handshakeTimeout;
    if (sock._handshakeTimeout > 0) sock.setTimeout(sock._handshakeTimeout, sock._handleTimeout);
  }

  Server.prototype.addContext = function (hostname, context) {
    if (typeof hostname !== 'string') throw errors.invalidArgType('servername', 'string', hostname);
    var ctx = context && context.context instanceof binding.Context ? context.context :
      new SecureContext(context, true).context;
    this._sharedContext.addSNIContext(hostname, ctx);
    this._sniContexts.push([hostname, ctx]);
  };

  Server.prototype.getTicketKeys = function () { return this._sharedContext.ticketKeys(); };

  Server.prototype.setTicketKeys = function (keys) {
    if (!ArrayBuffer.isView(keys)) throw errors.invalidArgType('buffer', BUFFER_TYPES, keys);
    // Node v20 reports this one as an internal assertion.
    if (keys.byteLength !== 48) throw errors.codeError('ERR_INTERNAL_ASSERTION', 'Session ticket keys must be a 48-byte buffer');
    this._sharedContext.setTicketKeys(keys);
  };

  tls.createServer = function (options, listener) {
    return new Server(options, listener);
  };
};
