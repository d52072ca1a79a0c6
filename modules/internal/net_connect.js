// net's connect() and what follows it until 'connect': the argument forms, the
// lookup, the addresses tried in turn, a UNIX-domain path, the handle's options.
// Compiled on a process's first connect(); net.js's stubs (C light functions,
// modules/net_socket.c) call in here through connector() in net.js.
'use strict';
// What net.js shares with it (init): Socket, TCP, open, isIP, sysError, normalizeArgs,
// dnsLookup and autoSelectFamilyDefault().
// A socket owns its connection's record (modules/tcp_binding.c): TCP.prototype's
// methods are called on the socket itself (tcp.connect.call(socket, ...)), so that
// no handle object is made unless something reads socket._handle.
var net, Socket, tcp, isIP, sysError, normalizeArgs;
var errors = require('internal/errors');
var validators = require('internal/validators');
var timers = require('timers');
var core = process.binding('core');
var ENOTFOUND = core.errno('ENOTFOUND'), EISCONN = core.errno('EISCONN'), EALREADY = core.errno('EALREADY');

function connect() {
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
  if (!net.hasHandle(this)) newHandle(this);
  if (cb) this.once('connect', cb);
  this.connecting = true;
  this._peername = this._sockname = null;
  this._activity();
  lookupAndConnect(this, options);
  return this;
};

// A record of its own for a connection; the counters are per connection, as in Node.
function newHandle(socket) {
  net.open(socket);
  if (!socket._refed) tcp.unref.call(socket);
  // Reset only what a past connection changed: defaults live on the prototype, and an
  // own property costs every socket heap.
  if (socket._bytesRead) socket._bytesRead = 0;
  if (socket._bytesDispatched) socket._bytesDispatched = 0;
  if (socket._reconnected) socket._reconnected = false;
}

// connect() on a destroyed socket (a client reconnecting after 'close') starts
// over with a new connection, as Node's _undestroy does.
function reuseClosedSocket(socket) {
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
  if (!net.hasHandle(socket)) newHandle(socket);
  socket._pipe = true; // node's Pipe handle: resetAndDestroy() refuses it
  socket.connecting = true;
  socket._peername = socket._sockname = null;
  socket._connectList = null;
  socket._connectAddress = path;
  socket._connectPort = undefined;
  socket._activity();
  var attempt = socket._connectAttempt = { cancelled: false };
  var err = tcp.connectPath.call(socket, path);
  if (err) {
    // A call in the wrong state (EISCONN, EALREADY) or no UNIX-domain sockets: an
    // 'error' on a later tick, as libuv reports every pipe connect failure.
    process.nextTick(function () {
      if (!attempt.cancelled && socket.connecting) connectFailed(socket, err);
    });
  }
  return socket;
}

// A handle method: on the handle object when user code read socket._handle (it may
// have changed the methods there), else TCP.prototype's on the socket's record.
function callHandle(socket, name, a, b) {
  var h = net.handleObject(socket);
  if (!h) return tcp[name].call(socket, a, b);
  if (typeof h[name] === 'function') return h[name](a, b);
}

function applyOptions(socket) {
  if (socket._noDelay) callHandle(socket, 'setNoDelay', true);
  if (socket._keepAlive) callHandle(socket, 'setKeepAlive', true, socket._keepAliveDelay);
}

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
    validators.validatePort(port);
  }
  port |= 0;
  var autoSelectFamily = options.autoSelectFamily;
  if (autoSelectFamily != null) validators.validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  else autoSelectFamily = net.autoSelectFamilyDefault();
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
  var lookup = options.lookup || net.dnsLookup;
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
  var err = tcp.connect.call(socket, target.address, port, options.localAddress, options.localPort);
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
    var local = tcp.getsockname.call(socket);
    connectFailed(socket, err, local ? local.address + ':' + local.port : undefined);
  }
}

function connectFailed(socket, err, local) {
  var list = socket._connectList;
  var next = socket._connectIndex + 1;
  if (list && next < list.length && net.hasHandle(socket) && err !== EISCONN && err !== EALREADY) {
    // Try the next address on a fresh handle.
    tcp.close.call(socket);
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

// net.connect() and net.createConnection()
function createConnection() {
  var args = normalizeArgs(arguments);
  var options = args[0];
  var socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return connect.apply(socket, arguments);
}

// A handle object's onconnect (this: the handle).
function onconnect() {
  var socket = this.owner;
  if (!socket || socket.destroyed) return;
  afterConnect(socket);
}

exports.init = function (shared) {
  net = shared;
  Socket = net.Socket;
  tcp = net.TCP.prototype;
  isIP = net.isIP;
  sysError = net.sysError;
  normalizeArgs = net.normalizeArgs;
  return exports;
};
exports.connect = connect;
exports.createConnection = createConnection;
exports.onconnect = onconnect;
exports.connected = afterConnect; // a socket's own record (modules/net_socket.c)
exports.connectFailed = connectFailed;
