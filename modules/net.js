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
  ObjectSetPrototypeOf(ctor.prototype, superCtor.prototype);
}
var timers = require('timers');
var errors = require('internal/errors');
var validators = require('internal/validators');
var binding = process.binding('tcp');
var core = process.binding('core');
var TCP = binding.TCP;

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
// onconnection, onread, onwrite and onerror are C (modules/net_socket.c, installed
// below), and so is onconnect's stub (internal/net_connect.js).

// ---- Socket ----------------------------------------------------------------
function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (options) {
    if (typeof options !== 'object') throw errors.invalidArgType('options', 'an instance of Object', options);
    if (options.objectMode) {
      throw errors.invalidArgValue('options.objectMode', options.objectMode, 'is not supported');
    } else if (options.readableObjectMode || options.writableObjectMode) {
      var key = options.readableObjectMode ? 'readableObjectMode' : 'writableObjectMode';
      throw errors.invalidArgValue('options.' + key, options[key], 'is not supported');
    }
  }
  // What Duplex's constructor (with emitClose: false), the options (noDelay,
  // keepAlive, onread, handle) and Node's own 'end' listener (without half-open,
  // a write after the peer's FIN is EPIPE) make of the socket: C (modules/net_socket.c),
  // as is the accept path (the handle's onconnection).
  installed.init(this, options || undefined);
}
inherits(Socket, stream.Duplex);
// Defaults on the prototype: a socket object stores only what it changed.
Socket.prototype.connecting = false;
// _handle is an accessor (modules/tcp_binding.c): a socket holds its connection's
// record itself, and reading _handle makes the handle object Node code expects.
Socket.prototype._pipe = false; // a UNIX-domain connection (node's Pipe handle)
Socket.prototype._host = null;
Socket.prototype._refed = true;
Socket.prototype._keepAlive = false;
Socket.prototype._keepAliveDelay = 0; // seconds
Socket.prototype._noDelay = false;
Socket.prototype._timer = null;
// _timeoutMs, _lastActivity, _bytesDispatched, _writeLen, _writeErr: accessors of a C
// block (modules/net_socket.c), 0 until set.
Socket.prototype._bytesRead = 0;
Socket.prototype._writeCb = null;
Socket.prototype._reconnected = false; // connect() again gave its one extra 'connect' (startConnect)
Socket.prototype._peername = null;
Socket.prototype._sockname = null;
Socket.prototype._resetOnDestroy = false;
Socket.prototype._connectAttempt = null;
Socket.prototype._onread = null; // {buffer, callback} of options.onread
Socket.prototype._onreadRest = null; // what a paused onread socket has not taken yet
Socket.prototype._server = null; // server: an accessor that reads it
Socket.prototype.allowHalfOpen = false; // Duplex stores only a true

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
    idle(this, MathMax(1, msecs));
    if (callback) this.once('timeout', callback);
  }
  return this;
};

// setNoDelay, setKeepAlive, ref, unref, address, _getpeername, _getsockname and the
// accessors (remoteAddress... bytesWritten) are C (modules/net_socket_info.c).
binding.installSocketInfo(Socket.prototype);

// pause() is Readable's: as in Node, the socket keeps reading into its buffer
// until highWaterMark (then onread stops the handle and the peer's window closes),
// so a FIN that comes while paused still gives 'end' once the buffer is empty.
// write, _write, _read, resume, _activity, _final, _destroy and the socket's own 'end'
// listener (Node's onReadableStreamEnd: EPIPE for a write after the peer's FIN without
// half-open) are C (modules/net_socket.c): what they leave to JS is here.
var installed = binding.installSocket(Socket.prototype, TCP.prototype, {
  connector: connector,
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
  finalAfterConnect: function (cb) {
    var self = this;
    this.once('connect', function () { self._final(cb); });
  },
  closedError: function () { return errors.codeError('ERR_SOCKET_CLOSED', 'Socket is closed'); },
  destroyedError: function () {
    return errors.codeError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
  },
  epipeError: function () { return errors.codeError('EPIPE', 'This socket has been ended by the other party'); },
  // The accept path's rare turns (onconnection is C): a failed accept, maxConnections.
  acceptError: function (server, err) { server.emit('error', sysError(err, 'accept')); },
  dropConnection: function (server, handle) {
    var local = handle.getsockname() || {}, remote = handle.getpeername() || {};
    handle.close();
    server.emit('drop', {
      localAddress: local.address, localPort: local.port, localFamily: local.family,
      remoteAddress: remote.address, remotePort: remote.port, remoteFamily: remote.family
    });
  },
  validateNumber: validators.validateNumber,
  // options.onread, when not null: kept if it is {buffer, callback} as node takes it.
  onreadOption: function (onread) {
    if (typeof onread === 'object' && typeof onread.callback === 'function' &&
        (onread.buffer instanceof Uint8Array || typeof onread.buffer === 'function')) {
      this._onread = { buffer: onread.buffer, callback: onread.callback };
    }
  },
  setTimeout: timers.setTimeout,
  clearTimeout: timers.clearTimeout,
  resume: stream.Duplex.prototype.resume
});
var idle = installed.idle;

// connect() and what follows it until 'connect' are compiled on a process's first
// connect() (internal/net_connect.js): Socket.prototype.connect, net.connect and the
// handle's onconnect are C stubs that ask connector() for it.
var connectModule = null;
function connector() {
  if (connectModule === null) {
    connectModule = require('internal/net_connect').init({
      Socket: Socket, TCP: TCP, open: installed.open, hasHandle: installed.hasHandle,
      handleObject: installed.handleObject, isIP: isIP, sysError: sysError, normalizeArgs: normalizeArgs, dnsLookup: dnsLookup,
      autoSelectFamilyDefault: function () { return autoSelectFamilyDefault; }
    });
  }
  return connectModule;
}

Socket.prototype.resetAndDestroy = function () {
  if (this._handle) {
    if (this._pipe) throw errors.codeError('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', 'TypeError');
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

var autoSelectFamilyDefault = true;
var autoSelectFamilyAttemptTimeoutDefault = 250;
var simultaneousAcceptsWarned = false;

// ---- Server (modules/internal/net_server.js) ----------------------------------
// Compiled on first use (createServer, or net.Server read): a client never needs it.
var Server = null;
function serverClass() {
  if (Server === null) {
    Server = require('internal/net_server')({
      TCP: TCP, binding: binding, isIP: isIP, sysError: sysError, normalizeArgs: normalizeArgs,
      isPipeName: isPipeName, dnsLookup: dnsLookup, inherits: inherits
    });
  }
  return Server;
}

// ---- module functions ------------------------------------------------------
function createServer(options, connectionListener) {
  var S = serverClass();
  return new S(options, connectionListener);
}

// Duktape has no inline caches: every method call on a socket walked
// Socket -> Duplex -> Readable -> Stream -> EventEmitter prototypes. Copying
// the inherited methods and accessors onto Socket.prototype (once, at load)
// makes each lookup one step; instanceof and the chain itself are unchanged.
(function flatten(proto) {
  var seen = {};
  for (var p = ObjectGetPrototypeOf(proto); p && p !== Object.prototype; p = ObjectGetPrototypeOf(p)) {
    ArrayPrototypeForEach(ObjectGetOwnPropertyNames(p), function (k) {
      if (k === 'constructor' || seen[k] || ObjectPrototypeHasOwnProperty(proto, k)) return;
      seen[k] = true;
      ObjectDefineProperty(proto, k, ObjectGetOwnPropertyDescriptor(p, k));
    });
  }
})(Socket.prototype);

module.exports = {
  createServer: createServer,
  createConnection: installed.connect,
  connect: installed.connect,
  get Server() { return serverClass(); },
  set Server(value) { // as a plain property would
    ObjectDefineProperty(this, 'Server', { value: value, writable: true, enumerable: true, configurable: true });
  },
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
