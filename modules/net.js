// net: TCP sockets and servers with Node v20 semantics (docs/net.md), on the
// 'tcp' binding (modules/tcp_binding.c), which sits on platform/platform.h.
// Socket is a stream.Duplex; the handle calls back into onconnect, onconnection,
// onread, onwrite and onerror below.
'use strict';
var stream = require('stream');
// dns is loaded on the first lookup: scripts that listen or connect by IP never need it.
function dnsLookup() { return require('dns').lookup.apply(null, arguments); }
function inherits(ctor, superCtor) {
  ctor.super_ = superCtor;
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}
var timers = require('timers');
var Buffer = require('buffer').Buffer;
var errors = require('internal/errors');
var validators = require('internal/validators');
var validatePort = validators.validatePort;
var binding = process.binding('tcp');
var core = process.binding('core');
var TCP = binding.TCP;
// Error numbers by name, from the platform's one table (platform/platform_errors.h).
var ENOTCONN = core.errno('ENOTCONN'), EISCONN = core.errno('EISCONN'), EALREADY = core.errno('EALREADY'),
  ENOTFOUND = core.errno('ENOTFOUND');

// ---- helpers -------------------------------------------------------------
// As Node's, which tests the value's string form.
function isIP(s) { return core.isIP(typeof s === 'string' ? s : String(s)); }
function isIPv4(s) { return isIP(s) === 4; }
function isIPv6(s) { return isIP(s) === 6; }

function sysError(err, syscall, address, port, local) {
  var extra;
  if (address !== undefined) {
    extra = { address: address, port: port || undefined, local: local };
    if (port === undefined || port === 0 && syscall !== 'listen') extra.port = port;
  }
  return errors.systemError(err, syscall, extra);
}

// Node's test for a path argument: a string that is not a non-negative number.
function isPipeName(s) {
  return typeof s === 'string' && !(+s >= 0);
}

// connect()/listen() argument forms -> [options, callback]
function normalizeArgs(args) {
  var options = {}, cb = null;
  if (args.length === 0) return [options, cb];
  var a0 = args[0];
  if (a0 !== null && typeof a0 === 'object') {
    options = a0;
  } else if (isPipeName(a0)) {
    options.path = a0;
  } else {
    options.port = a0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  if (typeof args[args.length - 1] === 'function') cb = args[args.length - 1];
  return [options, cb];
}

// ---- handle callbacks (this === the TCP handle) ----------------------------
// onread, onwrite and onerror are C (modules/net_socket.c, installed below).
TCP.prototype.onconnect = function () {
  var socket = this.owner;
  if (!socket || socket.destroyed) return;
  afterConnect(socket);
};

TCP.prototype.onconnection = function (err, handle) {
  var server = this.owner;
  if (!server) { handle.close(); return; }
  if (err) {
    server.emit('error', sysError(err, 'accept'));
    return;
  }
  if (server.maxConnections !== undefined && server.maxConnections !== null &&
      server._connections >= server.maxConnections) {
    var local = handle.getsockname() || {}, remote = handle.getpeername() || {};
    handle.close();
    server.emit('drop', {
      localAddress: local.address, localPort: local.port, localFamily: local.family,
      remoteAddress: remote.address, remotePort: remote.port, remoteFamily: remote.family
    });
    return;
  }
  var socket = new Socket({
    handle: handle,
    allowHalfOpen: server.allowHalfOpen,
    pauseOnCreate: server.pauseOnConnect,
    highWaterMark: server.highWaterMark
  });
  if (server.noDelay) socket.setNoDelay(true);
  if (server.keepAlive) socket.setKeepAlive(true, server.keepAliveInitialDelay * 1000);
  server._connections++;
  socket.server = server;
  socket._server = server;
  server.emit('connection', socket);
};

// ---- Socket ----------------------------------------------------------------
function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  options = options ? options : {};
  if (typeof options !== 'object') throw errors.invalidArgType('options', 'an instance of Object', options);
  if (options.objectMode) {
    throw errors.invalidArgValue('options.objectMode', options.objectMode, 'is not supported');
  } else if (options.readableObjectMode || options.writableObjectMode) {
    var key = options.readableObjectMode ? 'readableObjectMode' : 'writableObjectMode';
    throw errors.invalidArgValue('options.' + key, options[key], 'is not supported');
  }
  stream.Duplex.call(this, {
    allowHalfOpen: !!options.allowHalfOpen,
    emitClose: false,
    autoDestroy: true,
    highWaterMark: options.highWaterMark,
    readableHighWaterMark: options.readableHighWaterMark,
    writableHighWaterMark: options.writableHighWaterMark
  });
  if (options.noDelay) this._noDelay = true;
  if (options.keepAlive) {
    this._keepAlive = true;
    var delay = options.keepAliveInitialDelay;
    if (delay !== undefined) {
      validators.validateNumber(delay, 'options.keepAliveInitialDelay');
      if (delay > 0) this._keepAliveDelay = ~~(delay / 1000);
    }
  }
  var onread = options.onread;
  if (onread !== null && typeof onread === 'object' && typeof onread.callback === 'function' &&
      (onread.buffer instanceof Uint8Array || typeof onread.buffer === 'function')) {
    this._onread = { buffer: onread.buffer, callback: onread.callback };
  }
  // Node's 'end' listener: without half-open, a write after the peer's FIN is EPIPE.
  this.on('end', onReadableStreamEnd);
  if (options.handle) {
    this._handle = options.handle;
    this._handle.owner = this;
    if (options.pauseOnCreate) {
      this.readableFlowing = false;
    } else {
      this.read(0);
    }
  }
}
inherits(Socket, stream.Duplex);
// Defaults on the prototype: a socket object stores only what it changed.
Socket.prototype.connecting = false;
Socket.prototype._handle = null;
Socket.prototype._host = null;
Socket.prototype._refed = true;
Socket.prototype._keepAlive = false;
Socket.prototype._keepAliveDelay = 0; // seconds
Socket.prototype._noDelay = false;
Socket.prototype._timeoutMs = 0;
Socket.prototype._timer = null;
Socket.prototype._lastActivity = 0;
Socket.prototype._bytesRead = 0;
Socket.prototype._bytesDispatched = 0;
Socket.prototype._writeCb = null;
Socket.prototype._writeLen = 0;
Socket.prototype._writeErr = 0; // the fast path's failed send, for _write to report
Socket.prototype._reconnected = false; // connect() again gave its one extra 'connect' (startConnect)
Socket.prototype._peername = null;
Socket.prototype._sockname = null;
Socket.prototype._resetOnDestroy = false;
Socket.prototype._connectAttempt = null;
Socket.prototype._onread = null; // {buffer, callback} of options.onread
Socket.prototype._onreadRest = null; // what a paused onread socket has not taken yet
Socket.prototype.server = null;
Socket.prototype._server = null;

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

// After the peer's FIN without half-open, stream.js ends our side too; a write after
// that fails with EPIPE: the callback on the next tick, the socket destroyed with it.
function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) return Socket.prototype.write.call(this, chunk, encoding, cb);
  if (typeof encoding === 'function') cb = encoding;
  var er = errors.codeError('EPIPE', 'This socket has been ended by the other party');
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

Socket.prototype.setTimeout = function (msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  if (typeof msecs !== 'number') throw errors.invalidArgType('msecs', 'number', msecs);
  if (msecs < 0 || !isFinite(msecs)) throw errors.outOfRange('msecs', 'a non-negative finite number', msecs);
  if (callback !== undefined && typeof callback !== 'function') {
    throw errors.invalidArgType('callback', 'function', callback);
  }
  if (msecs > 2147483647) msecs = 2147483647;
  if (msecs === 0) {
    idle(this, 0);
    if (callback) this.removeListener('timeout', callback);
  } else {
    idle(this, Math.max(1, msecs));
    if (callback) this.once('timeout', callback);
  }
  return this;
};

// As Node: the handle is told only of a change (a connecting socket's, once connected).
Socket.prototype.setNoDelay = function (enable) {
  enable = enable === undefined ? true : !!enable;
  if (!this._handle) {
    this._noDelay = enable;
  } else if (this._handle.setNoDelay && enable !== this._noDelay) {
    this._noDelay = enable;
    if (!this.connecting) this._handle.setNoDelay(enable);
  }
  return this;
};

Socket.prototype.setKeepAlive = function (enable, initialDelay) {
  enable = !!enable;
  var secs = ~~(initialDelay / 1000);
  if (secs < 0) secs = 0; // the platform takes seconds as unsigned
  if (!this._handle) {
    this._keepAlive = enable;
    this._keepAliveDelay = secs;
  } else if (this._handle.setKeepAlive &&
      (enable !== this._keepAlive || (enable && this._keepAliveDelay !== secs))) {
    this._keepAlive = enable;
    this._keepAliveDelay = secs;
    if (!this.connecting) this._handle.setKeepAlive(enable, secs);
  }
  return this;
};

function applyOptions(socket) {
  var h = socket._handle;
  if (socket._noDelay && h.setNoDelay) h.setNoDelay(true);
  if (socket._keepAlive && h.setKeepAlive) h.setKeepAlive(true, socket._keepAliveDelay);
}

Socket.prototype.address = function () {
  var a = this._getsockname();
  return a ? { address: a.address, family: a.family, port: a.port } : {};
};

Socket.prototype._getpeername = function () {
  if (!this._peername && this._handle && !this.connecting) this._peername = this._handle.getpeername() || null;
  return this._peername;
};
Socket.prototype._getsockname = function () {
  if (!this._sockname && this._handle && !this.connecting) this._sockname = this._handle.getsockname() || null;
  return this._sockname;
};

function addrGetter(which, key) {
  return {
    get: function () {
      var a = which === 'peer' ? this._getpeername() : this._getsockname();
      return a ? a[key] : undefined;
    },
    configurable: true
  };
}

Object.defineProperties(Socket.prototype, {
  remoteAddress: addrGetter('peer', 'address'),
  remotePort: addrGetter('peer', 'port'),
  remoteFamily: addrGetter('peer', 'family'),
  localAddress: addrGetter('sock', 'address'),
  localPort: addrGetter('sock', 'port'),
  localFamily: addrGetter('sock', 'family'),
  pending: {
    get: function () { return !this._handle || this.connecting; },
    configurable: true
  },
  _connecting: { // Node's old name, still read by modules
    get: function () { return this.connecting; },
    configurable: true
  },
  readyState: {
    get: function () {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    },
    configurable: true
  },
  bufferSize: {
    get: function () { return this._handle ? this.writableLength : undefined; },
    configurable: true
  },
  bytesRead: {
    get: function () { return this._bytesRead; },
    configurable: true
  },
  bytesWritten: {
    get: function () { return this._bytesDispatched + this.writableLength; },
    configurable: true
  }
});

Socket.prototype.ref = function () {
  this._refed = true;
  if (this._handle) this._handle.ref();
  return this;
};
Socket.prototype.unref = function () {
  this._refed = false;
  if (this._handle) this._handle.unref();
  return this;
};

// pause() is Readable's: as in Node, the socket keeps reading into its buffer
// until highWaterMark (then onread stops the handle and the peer's window closes),
// so a FIN that comes while paused still gives 'end' once the buffer is empty.
// write, _write, _read, resume and _activity are C (modules/net_socket.c): what they
// leave to JS is here.
var idle = binding.installSocket(Socket.prototype, TCP.prototype, {
  connectFailed: connectFailed,
  // _write while connecting: the chunk waits for 'connect', or fails on 'close'.
  writeBeforeConnect: function (chunk, encoding, cb) {
    var self = this;
    var onClose = function () {
      cb(errors.codeError('ERR_SOCKET_CLOSED_BEFORE_CONNECTION',
        'Socket closed before the connection was established'));
    };
    this.once('connect', function () {
      self.removeListener('close', onClose);
      self._write(chunk, encoding, cb);
    });
    this.once('close', onClose);
  },
  readAfterConnect: function () {
    if (!this._readAfterConnect) {
      this._readAfterConnect = true;
      this.once('connect', function () { this._readAfterConnect = false; this._read(); });
    }
  },
  closedError: function () { return errors.codeError('ERR_SOCKET_CLOSED', 'Socket is closed'); },
  setTimeout: timers.setTimeout,
  clearTimeout: timers.clearTimeout,
  resume: stream.Duplex.prototype.resume
}).idle;

Socket.prototype._final = function (cb) {
  if (this.pending && this.connecting) {
    var self = this;
    this.once('connect', function () { self._final(cb); });
    return;
  }
  if (!this._handle) {
    cb();
    return;
  }
  var err = this._handle.shutdown();
  if (err && err !== ENOTCONN) {
    cb(sysError(err, 'shutdown'));
    return;
  }
  process.nextTick(cb);
};

Socket.prototype._destroy = function (exception, cb) {
  idle(this, -1);
  this.connecting = false;
  var self = this;
  if (this._connectAttempt) {
    this._connectAttempt.cancelled = true;
    this._connectAttempt = null;
  }
  if (this._handle) {
    var isException = !!exception;
    // Cache the addresses: Node keeps them readable after close.
    this._getpeername();
    this._getsockname();
    var h = this._handle;
    this._handle = null;
    h.owner = null;
    if (this._resetOnDestroy) h.reset(); else h.close();
    var pendingWrite = this._writeCb;
    this._writeCb = null;
    cb(exception);
    if (pendingWrite) pendingWrite(errors.codeError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed'));
    // 'close' comes in the loop's close phase, after the 'error' tick.
    timers.setImmediate(function () { self.emit('close', isException); });
  } else {
    cb(exception);
    process.nextTick(function () { self.emit('close', !!exception); });
  }
  if (this._server) {
    this._server._connections--;
    this._server._emitCloseIfDrained();
  }
};

Socket.prototype.resetAndDestroy = function () {
  if (this._handle) {
    if (this.connecting) {
      this.once('connect', function () { this._resetOnDestroy = true; this.destroy(); });
    } else {
      this._resetOnDestroy = true;
      this.destroy();
    }
  } else {
    this.destroy(errors.codeError('ERR_SOCKET_CLOSED', 'Socket is closed'));
  }
  return this;
};

Socket.prototype.connect = function () {
  var args = normalizeArgs(arguments);
  var options = args[0], cb = args[1];
  if (options.port === undefined && (options.path === undefined || options.path === null)) {
    throw errors.missingArgs('"options" or "port" or "path"');
  }
  if (this.write !== Socket.prototype.write) delete this.write; // writeAfterFIN of a past connection
  if (this.destroyed) reuseClosedSocket(this);
  var path = options.path;
  if (path) {
    if (cb) this.once('connect', cb);
    validators.validateString(path, 'options.path');
    return connectPath(this, path);
  }
  if (!this._handle) newHandle(this);
  if (cb) this.once('connect', cb);
  this.connecting = true;
  this._peername = this._sockname = null;
  this._activity();
  lookupAndConnect(this, options);
  return this;
};

// A handle of its own for a connection; the counters are per connection, as in Node.
function newHandle(socket) {
  socket._handle = new TCP();
  socket._handle.owner = socket;
  if (!socket._refed) socket._handle.unref();
  // Reset only what a past connection changed: defaults live on the prototype, and an
  // own property costs every socket heap.
  if (socket._bytesRead) socket._bytesRead = 0;
  if (socket._bytesDispatched) socket._bytesDispatched = 0;
  if (socket._reconnected) socket._reconnected = false;
}

// connect() on a destroyed socket (a client reconnecting after 'close') starts
// over with a new connection, as Node's _undestroy does.
function reuseClosedSocket(socket) {
  socket._handle = null;
  socket._peername = socket._sockname = null;
  socket._writeCb = null;
  socket._writeErr = 0;
  socket._undestroy();
}

// A UNIX-domain connection (a path, or an abstract name starting with '\0'), on the
// same stream handle. As in Node, it has no addresses (remoteAddress... undefined)
// and errors name the path: 'connect ENOENT /path'. Where the platform has no
// UNIX-domain sockets (lwIP boards) the handle answers ENOENT or ENOTSUP (docs/net.md).
function connectPath(socket, path) {
  if (!socket._handle) newHandle(socket);
  socket.connecting = true;
  socket._peername = socket._sockname = null;
  socket._connectList = null;
  socket._connectAddress = path;
  socket._connectPort = undefined;
  socket._activity();
  var h = socket._handle;
  var err = h.connectPath(path);
  if (err) {
    // A call in the wrong state (EISCONN, EALREADY) or no UNIX-domain sockets: an
    // 'error' on a later tick, as libuv reports every pipe connect failure.
    process.nextTick(function () {
      if (socket._handle === h && socket.connecting) connectFailed(socket, err);
    });
  }
  return socket;
}

var autoSelectFamilyDefault = true;
var autoSelectFamilyAttemptTimeoutDefault = 250;
var simultaneousAcceptsWarned = false;

function connectError(socket, err) {
  process.nextTick(function () { socket.connecting = false; socket.destroy(err); });
}

function badFamily(family, options) {
  var e = errors.codeError('ERR_INVALID_ADDRESS_FAMILY',
    'Invalid address family: ' + family + ' ' + options.host + ':' + options.port, RangeError);
  e.host = options.host;
  e.port = options.port;
  return e;
}

// Node's checks and lookup: an IP literal connects on the next tick; a name goes to
// options.lookup (dns.lookup by default) with {family, hints}, and {all: true} too
// when any family will do (then the addresses are tried in turn).
function lookupAndConnect(socket, options) {
  var host = options.host || 'localhost';
  var port = options.port, localAddress = options.localAddress, localPort = options.localPort;
  if (localAddress && !isIP(localAddress)) throw errors.invalidIPAddress(localAddress);
  if (localPort) validators.validateNumber(localPort, 'options.localPort');
  if (port !== undefined) {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw errors.invalidArgType('options.port', 'one of type number or string', port);
    }
    validatePort(port);
  }
  port |= 0;
  var autoSelectFamily = options.autoSelectFamily;
  if (autoSelectFamily != null) validators.validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  else autoSelectFamily = autoSelectFamilyDefault;
  if (options.autoSelectFamilyAttemptTimeout != null) {
    validators.validateInt32(options.autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);
  }
  socket._host = host;
  var attempt = { cancelled: false };
  socket._connectAttempt = attempt;
  var literal = isIP(host);
  if (literal) {
    process.nextTick(function () {
      if (attempt.cancelled || !socket.connecting) return;
      startConnect(socket, [{ address: host, family: literal }], 0, port, options);
    });
    return;
  }
  if (options.lookup != null) validators.validateFunction(options.lookup, 'options.lookup');
  var family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
  var dnsopts = { family: family, hints: options.hints || 0 };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) dnsopts.hints = 32; // dns.ADDRCONFIG
  var lookup = options.lookup || dnsLookup;
  function live() { return !attempt.cancelled && socket.connecting; }
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress && autoSelectFamily) {
    dnsopts.all = true;
    lookup(host, dnsopts, function (err, addresses) {
      if (!live()) return;
      if (!err && (!addresses || addresses.length === 0)) {
        err = errors.systemError(ENOTFOUND, 'getaddrinfo');
        err.hostname = host;
      }
      if (err) {
        socket.emit('lookup', err, undefined, undefined, host);
        connectError(socket, err);
        return;
      }
      var valid = [], seen = {};
      for (var i = 0; i < addresses.length; i++) {
        var a = addresses[i];
        socket.emit('lookup', null, a.address, a.family, host);
        if (!live()) return;
        if (isIP(a.address) && (a.family === 4 || a.family === 6) && !seen[a.address]) {
          seen[a.address] = true;
          valid.push({ address: a.address, family: a.family });
        }
      }
      if (valid.length === 0) { // no usable address: fail on the first one
        var first = addresses[0];
        connectError(socket, !isIP(first.address) ? errors.invalidIPAddress(first.address)
          : badFamily(first.family, options));
        return;
      }
      startConnect(socket, interleave(valid), 0, port, options);
    });
    return;
  }
  lookup(host, dnsopts, function (err, ip, addressType) {
    socket.emit('lookup', err, ip, addressType, host);
    if (!live()) return;
    if (err) connectError(socket, err);
    else if (!isIP(ip)) connectError(socket, errors.invalidIPAddress(ip));
    else if (addressType !== 4 && addressType !== 6) connectError(socket, badFamily(addressType, options));
    else startConnect(socket, [{ address: ip, family: addressType }], 0, port, options);
  });
}

// Happy-eyeballs order: alternate families, starting with the resolver's first answer.
function interleave(addresses) {
  if (addresses.length < 2) return addresses;
  var first = addresses[0].family, a = [], b = [], out = [];
  for (var i = 0; i < addresses.length; i++) (addresses[i].family === first ? a : b).push(addresses[i]);
  for (var j = 0; j < a.length || j < b.length; j++) {
    if (j < a.length) out.push(a[j]);
    if (j < b.length) out.push(b[j]);
  }
  return out;
}

function startConnect(socket, list, index, port, options) {
  var target = list[index];
  socket._connectList = list;
  socket._connectIndex = index;
  socket._connectPort = port;
  socket._connectOptions = options;
  socket._connectAddress = target.address;
  var err = socket._handle.connect(target.address, port, options.localAddress, options.localPort);
  if (err === EISCONN && socket._server === null && !socket._reconnected) {
    // connect() again on a socket that connected: Node (libuv on Linux) gets a
    // second 'connect' on the same connection once, whatever the address (the
    // kernel's connect() succeeds once more after a non-blocking connect), and
    // EISCONN after that; accepted sockets get EISCONN at once.
    socket._reconnected = true;
    timers.setImmediate(function () {
      if (socket.connecting && !socket.destroyed) afterConnect(socket);
    });
    return;
  }
  if (err) {
    // A synchronous failure names the local end, as Node's does.
    var local = socket._handle.getsockname();
    connectFailed(socket, err, local ? local.address + ':' + local.port : undefined);
  }
}

function connectFailed(socket, err, local) {
  var list = socket._connectList;
  var next = socket._connectIndex + 1;
  if (list && next < list.length && socket._handle && err !== EISCONN && err !== EALREADY) {
    // Try the next address on a fresh handle.
    socket._handle.owner = null;
    socket._handle.close();
    newHandle(socket);
    startConnect(socket, list, next, socket._connectPort, socket._connectOptions);
    return;
  }
  var ex = sysError(err, 'connect', socket._connectAddress, socket._connectPort, local);
  socket.connecting = false;
  socket.destroy(ex);
}

function afterConnect(socket) {
  socket.connecting = false;
  socket._connectAttempt = null;
  socket._connectList = null;
  socket._peername = socket._sockname = null;
  socket._getpeername();
  socket._getsockname();
  applyOptions(socket);
  socket._activity();
  socket.emit('connect');
  socket.emit('ready');
  if (!socket.destroyed && !socket.isPaused()) socket.read(0);
}

// ---- Server (modules/internal/net_server.js) ----------------------------------
var Server = require('internal/net_server')({
  TCP: TCP, binding: binding, isIP: isIP, sysError: sysError, normalizeArgs: normalizeArgs,
  isPipeName: isPipeName, dnsLookup: dnsLookup, inherits: inherits
});

// ---- module functions ------------------------------------------------------
function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect() {
  var args = normalizeArgs(arguments);
  var options = args[0];
  var socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return Socket.prototype.connect.apply(socket, arguments);
}

// Duktape has no inline caches: every method call on a socket walked
// Socket -> Duplex -> Readable -> Stream -> EventEmitter prototypes. Copying
// the inherited methods and accessors onto Socket.prototype (once, at load)
// makes each lookup one step; instanceof and the chain itself are unchanged.
(function flatten(proto) {
  var seen = {};
  for (var p = Object.getPrototypeOf(proto); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    Object.getOwnPropertyNames(p).forEach(function (k) {
      if (k === 'constructor' || seen[k] || Object.prototype.hasOwnProperty.call(proto, k)) return;
      seen[k] = true;
      Object.defineProperty(proto, k, Object.getOwnPropertyDescriptor(p, k));
    });
  }
})(Socket.prototype);

module.exports = {
  createServer: createServer,
  createConnection: connect,
  connect: connect,
  Server: Server,
  Socket: Socket,
  Stream: Socket,
  isIP: isIP,
  isIPv4: isIPv4,
  isIPv6: isIPv6,
  getDefaultAutoSelectFamily: function () { return autoSelectFamilyDefault; },
  setDefaultAutoSelectFamily: function (value) {
    validators.validateBoolean(value, 'value');
    autoSelectFamilyDefault = value;
  },
  // Attempts are not raced on a timer (docs/net.md): the value is kept for what reads it.
  getDefaultAutoSelectFamilyAttemptTimeout: function () { return autoSelectFamilyAttemptTimeoutDefault; },
  setDefaultAutoSelectFamilyAttemptTimeout: function (value) {
    validators.validateInt32(value, 'value', 1);
    autoSelectFamilyAttemptTimeoutDefault = value < 10 ? 10 : value;
  },
  _setSimultaneousAccepts: function () { // Node's deprecated no-op (DEP0121)
    if (!simultaneousAcceptsWarned) {
      simultaneousAcceptsWarned = true;
      process.emitWarning('net._setSimultaneousAccepts() is deprecated and will be removed.',
        'DeprecationWarning', 'DEP0121');
    }
  }
};
