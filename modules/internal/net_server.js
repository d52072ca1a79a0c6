// net.Server: listening on a port or a UNIX-domain path, closing, the connection
// count. net.js hands over what the two share and exports the class; the accept
// side (TCP.prototype.onconnection, which makes the Sockets) stays in net.js.
'use strict';
var EventEmitter = require('events');
var errors = require('internal/errors');
var validators = require('internal/validators');
var validatePort = validators.validatePort;
var core = process.binding('core');
var EINVAL = core.errno('EINVAL'), EAFNOSUPPORT = core.errno('EAFNOSUPPORT'),
  EADDRNOTAVAIL = core.errno('EADDRNOTAVAIL');

module.exports = function (shared) {
  var TCP = shared.TCP, binding = shared.binding, isIP = shared.isIP, sysError = shared.sysError;
  var normalizeArgs = shared.normalizeArgs, isPipeName = shared.isPipeName, dnsLookup = shared.dnsLookup;
  var inherits = shared.inherits;

  function Server(options, connectionListener) {
    if (!(this instanceof Server)) return new Server(options, connectionListener);
    EventEmitter.call(this);
    if (typeof options === 'function') {
      connectionListener = options;
      options = {};
    } else if (options === undefined || options === null) {
      options = {};
    } else if (typeof options !== 'object') {
      throw errors.invalidArgType('options', 'an instance of Object', options);
    }
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
    this._connections = 0;
    this._handle = null;
    this._unref = false;
    this.allowHalfOpen = !!options.allowHalfOpen;
    this.pauseOnConnect = !!options.pauseOnConnect;
    this.noDelay = !!options.noDelay;
    this.keepAlive = !!options.keepAlive;
    this.keepAliveInitialDelay = ~~((options.keepAliveInitialDelay || 0) / 1000);
    this.highWaterMark = options.highWaterMark;
    this.maxConnections = undefined;
  }
  inherits(Server, EventEmitter);

  ObjectDefineProperty(Server.prototype, 'listening', {
    get: function () { return !!this._handle; },
    configurable: true
  });

  // A non-negative number from an argument, else false (Node's toNumber).
  function toNumber(x) { return (x = Number(x)) >= 0 ? x : false; }

  // The argument forms and checks of Node's listen().
  Server.prototype.listen = function () {
    var args = normalizeArgs(arguments);
    var options = args[0], cb = args[1];
    if (this._handle) { // as node: a listen() still looking up its host does not count
      throw errors.codeError('ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
    }
    if (cb) this.once('listening', cb);
    var backlogFromArgs = toNumber(arguments.length > 1 && arguments[1]) ||
      toNumber(arguments.length > 2 && arguments[2]);
    addServerAbortSignal(this, options);
    if (typeof options.fd === 'number' && options.fd >= 0) {
      // Listening on an inherited descriptor is not in the platform interface: Node's
      // answer for a descriptor that is not a socket.
      var ex = errors.systemError(EINVAL, 'listen');
      ex.message = 'listen EINVAL: invalid argument';
      var server = this;
      process.nextTick(function () { server.emit('error', ex); });
      return this;
    }
    if (arguments.length === 0 || typeof arguments[0] === 'function' ||
        (options.port === undefined && 'port' in options) || options.port === null) {
      options.port = 0;
    }
    if (typeof options.port === 'number' || typeof options.port === 'string') {
      var port = validatePort(options.port, 'options.port');
      var backlog = options.backlog || backlogFromArgs || 511;
      var host = options.host;
      var v6only = !!options.ipv6Only;
      if (host) {
        // Like Node, a host (even an IP literal) goes through dns.lookup, so
        // `listening` only turns true asynchronously.
        var self = this;
        dnsLookup(host, function (err, address) {
          if (err) { self.emit('error', err); return; }
          setupListen(self, address, port, backlog, v6only);
        });
      } else {
        setupListen(this, null, port, backlog, v6only);
      }
      return this;
    }
    if (options.path && isPipeName(options.path)) {
      // (path[, backlog][, cb]) or ({path, backlog, readableAll, writableAll}[, cb])
      this._pipeName = options.path;
      setupListenPath(this, options.path, options.backlog || backlogFromArgs || 511, options);
      return this;
    }
    if (!('port' in options || 'path' in options)) {
      throw errors.invalidArgValue('options', options, 'must have the property "port" or "path"');
    }
    throw errors.invalidArgValue('options', options);
  };

  // options.signal closes the server when it aborts (Node's addServerAbortSignalOption).
  function addServerAbortSignal(server, options) {
    var signal = options.signal;
    if (signal === undefined) return;
    validators.validateAbortSignal(signal, 'options.signal');
    function onAborted() { server.close(); }
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else if (typeof signal.addEventListener === 'function') {
      signal.addEventListener('abort', onAborted);
      server.once('close', function () { signal.removeEventListener('abort', onAborted); });
    }
  }

  function setupListen(server, address, port, backlog, v6only) {
    if (server._handle) {
      // Two listen() calls both looking up their hosts: node keeps the first's handle
      // and says 'listening' again.
      process.nextTick(function () { server.emit('listening'); });
      return;
    }
    var h = new TCP();
    var err;
    if (address) {
      err = h.listen(address, port, backlog, v6only);
    } else {
      // No host: dual-stack '::', or '0.0.0.0' where IPv6 is unavailable (as Node does).
      address = '::';
      err = h.listen(address, port, backlog, false);
      if (err === EAFNOSUPPORT || err === EADDRNOTAVAIL || err === EINVAL) {
        h.close();
        h = new TCP();
        address = '0.0.0.0';
        err = h.listen(address, port, backlog, false);
      }
    }
    if (err) {
      h.close();
      var ex = sysError(err, 'listen', address, port);
      process.nextTick(function () { server.emit('error', ex); });
      return;
    }
    h.owner = server;
    server._handle = h;
    server._connectionKey = (isIP(address) || 4) + ':' + address + ':' + port;
    if (server._unref) h.unref();
    process.nextTick(function () {
      if (server._handle === h) server.emit('listening');
    });
  }

  // A UNIX-domain server's address is its path (or abstract name) as given, as in
  // Node, which keeps answering it after close().
  Server.prototype.address = function () {
    var a = this._handle ? this._handle.getsockname() : null;
    if (a) return { address: a.address, family: a.family, port: a.port };
    return this._pipeName || null;
  };

  // listen(path): bind and listen on a UNIX-domain socket. Nothing is unlinked first
  // (an existing file is EADDRINUSE, as in Node); the platform removes the socket file
  // when the server closes. Errors are an 'error' on the next tick with port -1, as
  // Node's: 'listen EADDRINUSE: address already in use /path'. On lwIP boards: ENOTSUP.
  function setupListenPath(server, path, backlog, options) {
    var h = new TCP();
    var err = h.listenPath(path, backlog);
    if (err) {
      h.close();
      // Node's UVExceptionWithHostPort: its key order (code first) and port -1.
      var ex = errors.systemError(err, 'listen', { address: path, port: -1, codeFirst: true });
      process.nextTick(function () { server.emit('error', ex); });
      return;
    }
    var mode = (options.readableAll === true ? 1 : 0) | (options.writableAll === true ? 2 : 0);
    if (mode) {
      err = h.chmodPath(mode);
      if (err) {
        h.close();
        throw errors.systemError(err, 'uv_pipe_chmod');
      }
    }
    h.owner = server;
    server._handle = h;
    server._connectionKey = '-1:' + path + ':-1';
    if (server._unref) h.unref();
    process.nextTick(function () {
      if (server._handle === h) server.emit('listening');
    });
  }

  Server.prototype.close = function (cb) {
    if (typeof cb === 'function') {
      if (!this._handle) {
        this.once('close', function () {
          cb(errors.codeError('ERR_SERVER_NOT_RUNNING', 'Server is not running.'));
        });
      } else {
        this.once('close', cb);
      }
    }
    if (this._handle) {
      this._handle.owner = null;
      this._handle.close();
      this._handle = null;
    }
    this._emitCloseIfDrained();
    return this;
  };

  Server.prototype._emitCloseIfDrained = function () {
    if (this._handle || this._connections) return;
    var self = this;
    process.nextTick(function () { self.emit('close'); });
  };

  Server.prototype.getConnections = function (cb) {
    process.nextTick(cb, null, this._connections); // as node: a cb that is no function throws here
    return this;
  };

  Server.prototype.ref = function () {
    this._unref = false;
    if (this._handle) this._handle.ref();
    return this;
  };
  Server.prototype.unref = function () {
    this._unref = true;
    if (this._handle) this._handle.unref();
    return this;
  };

  return Server;
};
