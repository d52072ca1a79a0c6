// dgram: UDP sockets with Node v20's API, events and errors (docs/dgram.md), on the
// 'udp' binding (modules/udp_binding.c), which sits on platform/platform.h's plat_udp_*.
// A socket's system state (the handle, its reference, what it dropped) is in C from
// bind on; the JS object keeps only what changed from the prototype's defaults.
'use strict';
var EventEmitter = require('events');
var errors = require('internal/errors');
var validators = require('internal/validators');
var binding = process.binding('udp');
var core = process.binding('core');

var UNBOUND = 0, BINDING = 1, BOUND = 2;
var DISCONNECTED = 0, CONNECTING = 1, CONNECTED = 2;
var RECV_BUFFER = 0, SEND_BUFFER = 1;

function codeError(code, message, Base) { return errors.codeError(code, message, Base); }
function notRunning() { return codeError('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running'); }
function errnoException(err, syscall) { return errors.systemError(err, syscall); }
function hostPortException(err, syscall, address, port) {
  return errors.systemError(err, syscall, { address: address, port: port && port > 0 ? port : undefined });
}
function badPort(port) {
  var e = errors.badPort('Port', port);
  e.message = StringPrototypeReplace(e.message, '>= 0', '> 0');
  return e;
}
function isArrayBufferView(v) { return typeof ArrayBuffer === 'function' && ArrayBuffer.isView(v); }

function Socket(type, listener) {
  EventEmitter.call(this);
  var lookup, options;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
  }
  if (lookup !== undefined) validators.validateFunction(lookup, 'lookup');
  if (type !== 'udp4' && type !== 'udp6') {
    throw codeError('ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6', TypeError);
  }
  this.type = type;
  if (lookup !== undefined) this._lookup = lookup;
  if (typeof listener === 'function') this.on('message', listener);
  if (options) {
    if (options.reuseAddr) this._reuseAddr = true;
    if (options.ipv6Only) this._ipv6Only = true;
    if (options.recvBufferSize !== undefined) this._recvBufferSize = options.recvBufferSize;
    if (options.sendBufferSize !== undefined) this._sendBufferSize = options.sendBufferSize;
  }
}
ObjectSetPrototypeOf(Socket.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Socket, EventEmitter);
var proto = Socket.prototype;
// Defaults: a socket stores only what it changed.
proto._closed = false; // node's handle === null
proto._bindState = UNBOUND;
proto._connectState = DISCONNECTED;
proto._queue = undefined; // what waits for 'listening'
proto._lookup = undefined;
proto._reuseAddr = false;
proto._ipv6Only = false;
proto._recvBufferSize = undefined;
proto._sendBufferSize = undefined;
proto._refed = true;

function healthCheck(self) {
  if (self._closed) throw notRunning();
}

// node's lookup4/lookup6: an IP needs no resolver (answered on the next tick, as
// dns.lookup does); a name goes through dns, loaded then.
function lookup(self, address, cb) {
  var family = self.type === 'udp6' ? 6 : 4;
  if (!address) address = family === 6 ? '::1' : '127.0.0.1';
  if (self._lookup) return self._lookup(address, family, cb);
  var fam = core.isIP(address);
  if (fam) return process.nextTick(cb, null, address, fam);
  return require('dns').lookup(address, family, cb);
}

function createSocket(type, listener) {
  return new Socket(type, listener);
}

proto.bind = function (port_, address_ /* , callback */) {
  var port = port_;
  healthCheck(this);
  if (this._bindState !== UNBOUND) throw codeError('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound');
  this._bindState = BINDING;
  var cb = arguments.length && arguments[arguments.length - 1];
  if (typeof cb === 'function') {
    var removeListeners = function () {
      this.removeListener('error', removeListeners);
      this.removeListener('listening', onListening);
    };
    var onListening = function () {
      removeListeners.call(this);
      cb.call(this);
    };
    this.on('error', removeListeners);
    this.on('listening', onListening);
  }
  var address;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
  }
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';
  var self = this;
  lookup(this, address, function (err, ip) {
    if (self._closed) return; // closed in the mean time
    if (err) {
      self._bindState = UNBOUND;
      self.emit('error', err);
      return;
    }
    var flags = (self._reuseAddr ? 1 : 0) | (self._ipv6Only ? 2 : 0);
    var e = binding.bind(self, self.type === 'udp6' ? 6 : 4, ip, port || 0, flags);
    if (e) {
      self._bindState = UNBOUND;
      self.emit('error', hostPortException(e, 'bind', ip, port));
      return;
    }
    startListening(self);
  });
  return this;
};

function startListening(self) {
  self._bindState = BOUND;
  if (!self._refed) binding.ref(self, false);
  if (self._recvBufferSize) bufferSize(self, self._recvBufferSize, RECV_BUFFER);
  if (self._sendBufferSize) bufferSize(self, self._sendBufferSize, SEND_BUFFER);
  self.emit('listening');
}

function enqueue(self, fn) {
  if (self._queue === undefined) {
    self._queue = [];
    self.once(EventEmitter.errorMonitor, onListenError);
    self.once('listening', onListenSuccess);
  }
  self._queue.push(fn);
}
function onListenSuccess() {
  this.removeListener(EventEmitter.errorMonitor, onListenError);
  var queue = this._queue;
  this._queue = undefined;
  for (var i = 0; i < queue.length; i++) queue[i]();
}
function onListenError() {
  this.removeListener('listening', onListenSuccess);
  this._queue = undefined;
}

proto.connect = function (port, address, callback) {
  port = validPort(port);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validators.validateString(address, 'address');
  if (this._connectState !== DISCONNECTED) throw codeError('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
  this._connectState = CONNECTING;
  if (this._bindState === UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  var self = this;
  if (this._bindState !== BOUND) {
    enqueue(this, function () { doConnectLookup(self, port, address, callback); });
    return;
  }
  doConnectLookup(this, port, address, callback);
};

function doConnectLookup(self, port, address, callback) {
  if (callback) self.once('connect', callback);
  lookup(self, address, function (ex, ip) {
    if (self._closed) return;
    if (!ex) {
      var err = binding.connect(self, ip, port);
      if (err) ex = hostPortException(err, 'connect', address, port);
    }
    if (ex) {
      self._connectState = DISCONNECTED;
      return process.nextTick(function () {
        if (callback) {
          self.removeListener('connect', callback);
          callback(ex);
        } else {
          self.emit('error', ex);
        }
      });
    }
    self._connectState = CONNECTED;
    process.nextTick(function () { self.emit('connect'); });
  });
}

proto.disconnect = function () {
  if (this._connectState !== CONNECTED) throw codeError('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
  var err = binding.connect(this);
  if (err) throw errnoException(err, 'connect');
  this._connectState = DISCONNECTED;
};

function validPort(port) {
  // node's validatePort(port, 'Port', false): a number or numeric string in 1..65535
  var ok = typeof port === 'number' || typeof port === 'string' && StringPrototypeTrim(port) !== '';
  var n = ok ? +port : NaN;
  if (!(n > 0 && n <= 65535 && MathFloor(n) === n)) throw badPort(port);
  return n;
}

function bufferOf(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (!isArrayBufferView(buffer)) {
    throw errors.invalidArgType('buffer', 'of type string or an instance of Buffer, TypedArray, or DataView', buffer);
  }
  return buffer;
}

function sliceBuffer(buffer, offset, length) {
  buffer = bufferOf(buffer);
  offset = offset >>> 0;
  length = length >>> 0;
  if (offset > buffer.byteLength) throw codeError('ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds', RangeError);
  if (offset + length > buffer.byteLength) {
    throw codeError('ERR_BUFFER_OUT_OF_BOUNDS', '"length" is outside of buffer bounds', RangeError);
  }
  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

// An array of chunks -> one Buffer (a datagram goes out in one piece), or null.
function joinList(list) {
  var parts = [];
  for (var i = 0; i < list.length; i++) {
    var b = list[i];
    if (typeof b === 'string') parts.push(Buffer.from(b));
    else if (!isArrayBufferView(b)) return null;
    else parts.push(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

proto.send = function (buffer, offset, length, port, address, callback) {
  var connected = this._connectState === CONNECTED;
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw codeError('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
  }
  var data;
  if (!ArrayIsArray(buffer)) {
    data = bufferOf(buffer);
    if (!Buffer.isBuffer(data)) data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  } else if (!(data = joinList(buffer))) {
    throw errors.invalidArgType('buffer list arguments',
      'of type string or an instance of Buffer, TypedArray, or DataView', buffer);
  }
  if (!connected) port = validPort(port);
  if (typeof callback !== 'function') callback = undefined;
  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validators.validateString(address, 'address');
  }
  healthCheck(this);
  if (this._bindState === UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  var self = this;
  if (this._bindState !== BOUND) {
    enqueue(this, function () { self.send(data, port, address, callback); });
    return;
  }
  if (!connected) {
    lookup(this, address, function (ex, ip) { doSend(ex, self, ip, data, address, port, callback); });
  } else {
    doSend(null, this, null, data, address, port, callback);
  }
};

function doSend(ex, self, ip, data, address, port, callback) {
  if (ex) {
    if (typeof callback === 'function') return process.nextTick(callback, ex);
    return process.nextTick(function () { self.emit('error', ex); });
  } else if (self._closed) {
    return;
  }
  var err = ip === null ? binding.send(self, data) : binding.send(self, data, ip, port);
  if (!callback) return; // node: an error without a callback is not reported
  if (err) return process.nextTick(callback, hostPortException(err, 'send', address, port));
  process.nextTick(callback, null, data.length);
}

proto.address = function () {
  healthCheck(this);
  var out = {};
  var err = binding.address(this, out, false);
  if (err) throw errnoException(err, 'getsockname');
  return out;
};

proto.remoteAddress = function () {
  healthCheck(this);
  if (this._connectState !== CONNECTED) throw codeError('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
  var out = {};
  var err = binding.address(this, out, true);
  if (err) throw errnoException(err, 'getpeername');
  return out;
};

proto.close = function (callback) {
  if (typeof callback === 'function') this.on('close', callback);
  if (this._queue !== undefined) {
    var self = this;
    this._queue.push(function () { self.close(); });
    return this;
  }
  healthCheck(this);
  binding.close(this);
  this._closed = true;
  process.nextTick(socketCloseNT, this);
  return this;
};

function socketCloseNT(self) { self.emit('close'); }

// A closed socket's handle is null in node: its option setters throw a TypeError.
function nullHandle(self, name) {
  if (self._closed) throw new TypeError("Cannot read properties of null (reading '" + name + "')");
}

function setOption(self, which, value, name) {
  nullHandle(self, name);
  var err = binding.setOption(self, which, value);
  if (err) throw errnoException(err, name);
}

proto.setBroadcast = function (arg) { setOption(this, 0, arg ? 1 : 0, 'setBroadcast'); };
proto.setTTL = function (ttl) {
  validators.validateNumber(ttl, 'ttl');
  setOption(this, 1, ttl, 'setTTL');
  return ttl;
};
proto.setMulticastTTL = function (ttl) {
  validators.validateNumber(ttl, 'ttl');
  setOption(this, 2, ttl, 'setMulticastTTL');
  return ttl;
};
proto.setMulticastLoopback = function (arg) {
  setOption(this, 3, arg ? 1 : 0, 'setMulticastLoopback');
  return arg;
};
proto.setMulticastInterface = function (interfaceAddress) {
  healthCheck(this);
  validators.validateString(interfaceAddress, 'interfaceAddress');
  var err = binding.multicastInterface(this, interfaceAddress);
  if (err) throw errnoException(err, 'setMulticastInterface');
};

function membership(self, multicastAddress, interfaceAddress, join) {
  healthCheck(self);
  if (!multicastAddress) throw errors.missingArgs('"multicastAddress"');
  var err = binding.membership(self, multicastAddress, interfaceAddress, join);
  if (err) throw errnoException(err, join ? 'addMembership' : 'dropMembership');
}
proto.addMembership = function (multicastAddress, interfaceAddress) {
  membership(this, multicastAddress, interfaceAddress, true);
};
proto.dropMembership = function (multicastAddress, interfaceAddress) {
  membership(this, multicastAddress, interfaceAddress, false);
};

function bufferSize(self, size, which) {
  if (size >>> 0 !== size) throw codeError('ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer', TypeError);
  var r = self._closed ? -9 : binding.bufferSize(self, which, size);
  if (r < 0) {
    var code = errors.systemError(r, '').code;
    var e = codeError('ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size: ' +
      (which === RECV_BUFFER ? 'uv_recv_buffer_size' : 'uv_send_buffer_size') + ' returned ' + binding.errText(r));
    e.name = 'SystemError';
    e.info = { errno: r, code: code, syscall: which === RECV_BUFFER ? 'uv_recv_buffer_size' : 'uv_send_buffer_size' };
    e.errno = r;
    e.syscall = e.info.syscall;
    throw e;
  }
  return r;
}
proto.setRecvBufferSize = function (size) { bufferSize(this, size, RECV_BUFFER); };
proto.setSendBufferSize = function (size) { bufferSize(this, size, SEND_BUFFER); };
proto.getRecvBufferSize = function () { return bufferSize(this, 0, RECV_BUFFER); };
proto.getSendBufferSize = function () { return bufferSize(this, 0, SEND_BUFFER); };

proto.ref = function () {
  if (!this._closed) {
    if (!this._refed) delete this._refed;
    binding.ref(this, true);
  }
  return this;
};
proto.unref = function () {
  if (!this._closed) {
    this._refed = false;
    binding.ref(this, false);
  }
  return this;
};

module.exports = { createSocket: createSocket, Socket: Socket };
