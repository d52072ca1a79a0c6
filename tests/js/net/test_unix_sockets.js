// UNIX-domain sockets (docs/net.md). POSIX boards: node's behaviour, values checked
// against node v20 (this script passes under node too). lwIP boards have none:
// listen(path) is an 'error' ENOTSUP, connect(path) ENOENT when nothing is at the
// path, else ENOTSUP. Which kind of board this is: what the first listen answers.
'use strict';
var assert = require('assert');
var net = require('net');
var tag = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
var path = '/tmp/petrel-test-unix-' + tag + '.sock';
var steps = [];

function step(name) { steps.push(name); }

var server = net.createServer(function (c) {
  assert.strictEqual(c.remoteAddress, undefined);
  assert.strictEqual(c.remotePort, undefined);
  assert.strictEqual(c.remoteFamily, undefined);
  assert.strictEqual(c.localAddress, undefined);
  assert.deepStrictEqual(c.address(), {});
  c.setNoDelay(true); // no-ops on a pipe, as in node
  c.setKeepAlive(true, 1000);
  var got = [];
  c.on('data', function (d) { got.push(String(d)); });
  c.on('end', function () { c.end('echo:' + got.join('')); });
  c.on('error', function () {}); // the connect-twice client is gone when its echo goes out
});
server.on('error', function (e) {
  // lwIP boards: no UNIX-domain sockets.
  assert.strictEqual(e.code, 'ENOTSUP');
  assert.strictEqual(e.errno, -95);
  assert.strictEqual(e.syscall, 'listen');
  assert.strictEqual(e.address, path);
  assert.strictEqual(e.port, -1);
  assert.strictEqual(e.message, 'listen ENOTSUP: operation not supported on socket ' + path);
  assert.strictEqual(server.listening, false);
  step('lwip listen');
  var c = net.connect('/nonexistent-petrel/x.sock', function () { assert.fail('connected'); });
  c.on('error', function (e) {
    assert.strictEqual(e.code, 'ENOENT');
    assert.strictEqual(e.message, 'connect ENOENT /nonexistent-petrel/x.sock');
    var c2 = net.connect('\0petrel-' + tag);
    c2.on('error', function (e) {
      assert.strictEqual(e.code, 'ENOTSUP');
      assert.strictEqual(e.syscall, 'connect');
      step('lwip connect');
    });
  });
});
server.listen(path, function () {
  step('listening');
  assert.strictEqual(server.address(), path);
  assert.strictEqual(server.listening, true);
  assert.strictEqual(server._connectionKey, '-1:' + path + ':-1');
  var other = net.createServer();
  other.listen({ path: path, backlog: 4 }, function () { assert.fail('listened twice'); });
  other.on('error', function (e) {
    // node unlinks nothing: the file is in use
    assert.strictEqual(e.code, 'EADDRINUSE');
    assert.strictEqual(e.errno, -98);
    assert.strictEqual(e.syscall, 'listen');
    assert.strictEqual(e.address, path);
    assert.strictEqual(e.port, -1);
    assert.strictEqual(e.message, 'listen EADDRINUSE: address already in use ' + path);
    assert.strictEqual(other.address(), path); // node answers the path it was given
    step('in use');
    exchange();
  });
});

function exchange() {
  var c = net.createConnection({ path: path }, function () {
    assert.strictEqual(c.connecting, false);
    assert.strictEqual(c.readyState, 'open');
    assert.strictEqual(c.remoteAddress, undefined);
    assert.strictEqual(c.remotePort, undefined);
    assert.deepStrictEqual(c.address(), {});
    c.end('hello');
  });
  assert.strictEqual(c.connecting, true);
  var got = [];
  c.on('data', function (d) { got.push(String(d)); });
  c.on('close', function (hadError) {
    assert.strictEqual(hadError, false);
    assert.strictEqual(got.join(''), 'echo:hello');
    assert.strictEqual(c.bytesRead, 10);
    assert.strictEqual(c.bytesWritten, 5);
    step('exchange');
    connectTwice();
  });
}

// connect() again on a connected pipe: EISCONN naming the path (node: libuv reuses
// the descriptor and the kernel refuses).
function connectTwice() {
  var c = net.connect(path, function () {
    c.connect(path);
  });
  c.on('error', function (e) {
    assert.strictEqual(e.code, 'EISCONN');
    assert.strictEqual(e.message, 'connect EISCONN ' + path);
    step('connect twice');
  });
  c.on('close', function () { closeServer(); });
}

function closeServer() {
  server.close(function () {
    assert.strictEqual(server.address(), path); // still, as in node
    // The socket file went with the server.
    var c = net.connect(path);
    c.on('error', function (e) {
      assert.strictEqual(e.code, 'ENOENT');
      assert.strictEqual(e.errno, -2);
      assert.strictEqual(e.syscall, 'connect');
      assert.strictEqual(e.address, path);
      assert.strictEqual(e.port, undefined);
      assert.strictEqual(e.message, 'connect ENOENT ' + path);
      step('removed on close');
      missingDir();
    });
  });
}

function missingDir() {
  var s = net.createServer();
  s.on('error', function (e) {
    assert.strictEqual(e.code, 'EACCES'); // libuv's answer for bind's ENOENT
    assert.strictEqual(e.message, 'listen EACCES: permission denied /nonexistent-petrel/x.sock');
    step('missing dir');
    abstract();
  });
  s.listen('/nonexistent-petrel/x.sock');
}

// Linux's abstract names: no file; a name nobody listens on is ECONNREFUSED.
function abstract() {
  var name = '\0petrel-' + tag;
  var c0 = net.connect(name);
  c0.on('error', function (e) {
    assert.strictEqual(e.code, 'ECONNREFUSED');
    assert.strictEqual(e.message, 'connect ECONNREFUSED ' + name);
    var s = net.createServer(function (c) { c.end('abs'); });
    s.listen(name, function () {
      assert.strictEqual(s.address(), name);
      var c = net.connect({ path: name });
      var got = '';
      c.on('data', function (d) { got += d; });
      c.on('end', function () {
        assert.strictEqual(got, 'abs');
        s.close();
        step('abstract');
      });
    });
  });
}

process.on('exit', function () {
  var want = steps[0] === 'lwip listen' ? ['lwip listen', 'lwip connect']
    : ['listening', 'in use', 'exchange', 'connect twice', 'removed on close', 'missing dir', 'abstract'];
  assert.deepStrictEqual(steps, want);
});
