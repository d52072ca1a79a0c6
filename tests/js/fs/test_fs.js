// fs's first slice (modules/fs_binding.c) against node 20's behaviour: the *Sync calls,
// the callback forms (always on a later turn) and fs.promises, with node's errors.
// Writes only inside a fresh directory: the system's temp directory on a host, the
// store on a board (where a full store must give ENOSPC).
'use strict';
var assert = require('assert');
var fs = require('fs');
assert.strictEqual(require('node:fs'), fs);
var board = process.platform === 'none';
var tmp = board ? '' : (process.env.TMPDIR || '/tmp');
var dir = tmp + '/pfs-' + Math.floor(Math.random() * 1e9).toString(36);
var checks = 0;

function throwsSys(fn, code, errno, syscall, path, dest) {
  var caught;
  try { fn(); } catch (e) { caught = e; }
  assert.ok(caught, 'expected ' + code);
  assert.strictEqual(caught.code, code);
  assert.strictEqual(caught.errno, errno);
  assert.strictEqual(caught.syscall, syscall);
  assert.strictEqual(caught.path, path);
  assert.strictEqual(caught.dest, dest);
  var msg = {
    ENOENT: 'no such file or directory', EEXIST: 'file already exists', EISDIR: 'illegal operation on a directory',
    ENOTDIR: 'not a directory', ENOTEMPTY: 'directory not empty', ENOSPC: 'no space left on device'
  }[code];
  assert.strictEqual(caught.message, code + ': ' + msg + ', ' + syscall +
    (path === undefined ? '' : " '" + path + "'") + (dest === undefined ? '' : " -> '" + dest + "'"));
  var keys = ['errno', 'code', 'syscall'];
  if (path !== undefined) keys.push('path');
  if (dest !== undefined) keys.push('dest');
  assert.deepStrictEqual(Object.keys(caught), keys);
  assert.ok(caught instanceof Error);
  checks++;
}
function throwsCode(fn, code, message) {
  assert.throws(fn, function (e) { return e.code === code && (message === undefined || e.message === message); });
  checks++;
}

// mkdir, recursive and not
assert.strictEqual(fs.mkdirSync(dir + '/a/b', { recursive: true }), dir);
assert.strictEqual(fs.mkdirSync(dir + '/a/b', { recursive: true }), undefined);
assert.strictEqual(fs.mkdirSync(dir + '/c'), undefined);
throwsSys(function () { fs.mkdirSync(dir); }, 'EEXIST', -17, 'mkdir', dir);
throwsSys(function () { fs.mkdirSync(dir + '/q/r'); }, 'ENOENT', -2, 'mkdir', dir + '/q/r');

// writeFile / readFile / appendFile with encodings and flags
var f = dir + '/f.txt';
assert.strictEqual(fs.writeFileSync(f, 'h\u00e9llo'), undefined);
assert.strictEqual(fs.readFileSync(f, 'utf8'), 'h\u00e9llo');
assert.ok(Buffer.isBuffer(fs.readFileSync(f)));
assert.strictEqual(fs.readFileSync(f).toString('hex'), '68c3a96c6c6f');
assert.strictEqual(fs.readFileSync(f, 'latin1'), 'h\u00c3\u00a9llo');
assert.strictEqual(fs.readFileSync(f, { encoding: 'base64' }), 'aMOpbGxv');
assert.strictEqual(fs.readFileSync(f, { encoding: 'hex', flag: 'r' }), '68c3a96c6c6f');
fs.appendFileSync(f, '616263', 'hex');
fs.appendFileSync(f, Buffer.from('!'));
assert.strictEqual(fs.readFileSync(f, 'utf8'), 'h\u00e9lloabc!');
fs.writeFileSync(f, 'aGk=', { encoding: 'base64' });
assert.strictEqual(fs.readFileSync(f, 'utf8'), 'hi');
fs.writeFileSync(f, '\u00ff', 'latin1');
assert.deepStrictEqual(Array.prototype.slice.call(fs.readFileSync(f)), [255]);
fs.writeFileSync(f, new Uint8Array([104, 105]));
fs.writeFileSync(f, '+', { flag: 'a' });
assert.strictEqual(fs.readFileSync(f, 'utf8'), 'hi+');
throwsSys(function () { fs.writeFileSync(f, 'x', { flag: 'wx' }); }, 'EEXIST', -17, 'open', f);
fs.writeFileSync(dir + '/new', 'n', { flag: 'wx' });
assert.strictEqual(fs.readFileSync(dir + '/new', 'utf8'), 'n');
throwsSys(function () { fs.writeFileSync(dir, 'x'); }, 'EISDIR', -21, 'open', dir);
throwsSys(function () { fs.readFileSync(dir); }, 'EISDIR', -21, 'read');
throwsSys(function () { fs.readFileSync(dir + '/nope'); }, 'ENOENT', -2, 'open', dir + '/nope');
throwsSys(function () { fs.writeFileSync(dir + '/no/x', 'x'); }, 'ENOENT', -2, 'open', dir + '/no/x');
throwsSys(function () { fs.writeFileSync(f + '/x', 'x'); }, 'ENOTDIR', -20, 'open', f + '/x');

// argument errors
throwsCode(function () { fs.readFileSync(f, 'bogus'); }, 'ERR_INVALID_ARG_VALUE',
  "The argument 'encoding' is invalid encoding. Received 'bogus'");
throwsCode(function () { fs.readFileSync(true); }, 'ERR_INVALID_ARG_TYPE',
  'The "path" argument must be of type string or an instance of Buffer or URL. Received type boolean (true)');
throwsCode(function () { fs.readFileSync(f, 5); }, 'ERR_INVALID_ARG_TYPE',
  'The "options" argument must be one of type string or object. Received type number (5)');
throwsCode(function () { fs.writeFileSync(f, {}); }, 'ERR_INVALID_ARG_TYPE',
  'The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received an instance of Object');
throwsCode(function () { fs.writeFileSync(f, 'x', { flag: 'zz' }); }, 'ERR_INVALID_ARG_VALUE',
  "The argument 'flags' is invalid. Received 'zz'");
throwsCode(function () { fs.statSync('a\u0000b'); }, 'ERR_INVALID_ARG_VALUE');
throwsCode(function () { fs.renameSync(f, 7); }, 'ERR_INVALID_ARG_TYPE',
  'The "newPath" argument must be of type string or an instance of Buffer or URL. Received type number (7)');
assert.strictEqual(fs.readFileSync(Buffer.from(f), 'utf8'), 'hi+');

// exists, stat, lstat
assert.strictEqual(fs.existsSync(f), true);
assert.strictEqual(fs.existsSync(dir), true);
assert.strictEqual(fs.existsSync(dir + '/nope'), false);
assert.strictEqual(fs.existsSync(5), false);
assert.strictEqual(fs.existsSync(), false);
var st = fs.statSync(f);
assert.ok(st instanceof fs.Stats);
assert.strictEqual(st.constructor.name, 'Stats');
assert.deepStrictEqual(Object.keys(st), ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size',
  'blocks', 'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs', 'atime', 'mtime', 'ctime', 'birthtime']);
assert.strictEqual(st.isFile(), true);
assert.strictEqual(st.isDirectory(), false);
assert.strictEqual(st.isSymbolicLink(), false);
assert.strictEqual(st.size, 3);
assert.strictEqual(st.mode & 0xf000, 0x8000);
assert.strictEqual(typeof st.mtimeMs, 'number');
assert.ok(st.mtime instanceof Date);
assert.ok(Math.abs(st.mtime.getTime() - st.mtimeMs) < 1);
assert.ok(Math.abs(st.mtimeMs - Date.now()) < 60000, 'mtime is now: ' + st.mtimeMs + ' ' + Date.now());
var ds = fs.lstatSync(dir);
assert.strictEqual(ds.isDirectory(), true);
assert.strictEqual(ds.isFile(), false);
assert.strictEqual(ds.mode & 0xf000, 0x4000);
assert.strictEqual(fs.statSync(dir + '/nope', { throwIfNoEntry: false }), undefined);
throwsSys(function () { fs.statSync(dir + '/nope'); }, 'ENOENT', -2, 'stat', dir + '/nope');
throwsSys(function () { fs.lstatSync(dir + '/nope'); }, 'ENOENT', -2, 'lstat', dir + '/nope');

// readdir, rename, unlink, rmdir
assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['a', 'c', 'f.txt', 'new']);
assert.deepStrictEqual(fs.readdirSync(dir + '/a'), ['b']);
assert.deepStrictEqual(fs.readdirSync(dir + '/c'), []);
throwsSys(function () { fs.readdirSync(f); }, 'ENOTDIR', -20, 'scandir', f);
throwsSys(function () { fs.readdirSync(dir + '/nope'); }, 'ENOENT', -2, 'scandir', dir + '/nope');
var g = dir + '/g.txt';
fs.renameSync(f, g);
assert.strictEqual(fs.readFileSync(g, 'utf8'), 'hi+');
assert.strictEqual(fs.existsSync(f), false);
throwsSys(function () { fs.renameSync(f, g); }, 'ENOENT', -2, 'rename', f, g);
throwsSys(function () { fs.unlinkSync(f); }, 'ENOENT', -2, 'unlink', f);
throwsSys(function () { fs.unlinkSync(dir + '/c'); }, 'EISDIR', -21, 'unlink', dir + '/c');
throwsSys(function () { fs.mkdirSync(g + '/x', { recursive: true }); }, 'ENOTDIR', -20, 'mkdir', g + '/x');
throwsSys(function () { fs.mkdirSync(g, { recursive: true }); }, 'EEXIST', -17, 'mkdir', g);
throwsSys(function () { fs.rmdirSync(dir + '/a'); }, 'ENOTEMPTY', -39, 'rmdir', dir + '/a');
throwsSys(function () { fs.rmdirSync(g); }, 'ENOTDIR', -20, 'rmdir', g);
fs.unlinkSync(dir + '/new');
fs.rmdirSync(dir + '/a/b');
fs.rmdirSync(dir + '/a');
assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['c', 'g.txt']);

// statfs: node's StatFs fields; a file the store holds takes room from it (a board)
var sf = fs.statfsSync(dir);
assert.deepStrictEqual(Object.keys(sf), ['type', 'bsize', 'blocks', 'bfree', 'bavail', 'files', 'ffree']);
Object.keys(sf).forEach(function (k) { assert.ok(typeof sf[k] === 'number' && sf[k] >= 0, k); });
assert.ok(sf.bsize > 0 && sf.blocks > 0 && sf.bfree <= sf.blocks && sf.bavail <= sf.bfree, JSON.stringify(sf));
if (board) {
  var noise = Buffer.alloc(3000);
  for (var ni = 0, x = 2463534242; ni < noise.length; ni++) { // xorshift32: does not pack
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    noise[ni] = x & 255;
  }
  fs.writeFileSync(dir + '/sf.bin', noise);
  var sf2 = fs.statfsSync('/');
  assert.strictEqual(sf2.bsize, 1);
  assert.strictEqual(sf.bfree - sf2.bfree, 3000);
  assert.strictEqual(sf.ffree - sf2.ffree, 1);
  fs.unlinkSync(dir + '/sf.bin');
  assert.strictEqual(fs.statfsSync('/').bfree, sf.bfree);
}
throwsSys(function () { fs.statfsSync(dir + '/nope'); }, 'ENOENT', -2, 'statfs', dir + '/nope');
assert.throws(function () { fs.statfsSync(5); }, { code: 'ERR_INVALID_ARG_TYPE' });
var statfsCalled = 0;
fs.statfs(dir, function (err, st) {
  assert.strictEqual(err, null);
  assert.strictEqual(st.blocks, sf.blocks);
  fs.promises.statfs(dir + '/nope').then(function () { assert.fail('resolved'); }, function (e) {
    assert.strictEqual(e.code, 'ENOENT');
    assert.strictEqual(e.syscall, 'statfs');
    statfsCalled++;
  });
});

// a full store is ENOSPC (the board's 64 KiB, or its table of files), and nothing is lost
if (board) {
  var chunk = Buffer.alloc(6000);
  for (var i = 0; i < chunk.length; i++) chunk[i] = (i * 7919 + (i >> 3) * 31) & 255; // does not pack
  var n = 0, full;
  try {
    for (n = 0; n < 40; n++) fs.writeFileSync(dir + '/big' + n, chunk);
  } catch (e) { full = e; }
  assert.ok(full, 'the store filled');
  throwsSys(function () { throw full; }, 'ENOSPC', -28, 'write');
  assert.ok(n > 0);
  assert.ok(fs.readFileSync(dir + '/big0').equals(chunk));
  assert.strictEqual(fs.readFileSync(g, 'utf8'), 'hi+');
  for (i = 0; i < n; i++) fs.unlinkSync(dir + '/big' + i);
  fs.writeFileSync(dir + '/after', 'ok'); // room again
  fs.unlinkSync(dir + '/after');
}

// callback forms: never synchronous; argument errors throw at the call
throwsCode(function () { fs.readFile(g); }, 'ERR_INVALID_ARG_TYPE',
  'The "cb" argument must be of type function. Received undefined');
throwsCode(function () { fs.readFile(g, 'utf8'); }, 'ERR_INVALID_ARG_TYPE',
  'The "cb" argument must be of type function. Received type string (\'utf8\')');
throwsCode(function () { fs.stat(5, function () {}); }, 'ERR_INVALID_ARG_TYPE');
var steps = [];
var sync = true;
fs.readFile(dir + '/none', function (err, data) {
  assert.strictEqual(sync, false);
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.message, "ENOENT: no such file or directory, open '" + dir + "/none'");
  assert.strictEqual(data, undefined);
  steps.push('readFile error');
});
fs.writeFile(dir + '/w', 'abc', function (err) {
  assert.strictEqual(sync, false);
  assert.strictEqual(err, null);
  assert.strictEqual(arguments.length, 1);
  fs.appendFile(dir + '/w', 'def', 'utf8', function (err) {
    assert.strictEqual(err, null);
    fs.readFile(dir + '/w', 'utf8', function (err, d) {
      assert.strictEqual(err, null);
      assert.strictEqual(d, 'abcdef');
      fs.stat(dir + '/w', function (err, s) {
        assert.strictEqual(err, null);
        assert.strictEqual(s.size, 6);
        assert.strictEqual(s.isFile(), true);
        fs.exists(dir + '/w', function (e) {
          assert.strictEqual(e, true);
          assert.strictEqual(arguments.length, 1);
          fs.readdir(dir, function (err, list) {
            assert.deepStrictEqual(list.sort(), ['c', 'g.txt', 'w']);
            fs.rename(dir + '/w', dir + '/w2', function (err) {
              assert.strictEqual(err, null);
              fs.unlink(dir + '/w2', function (err) {
                assert.strictEqual(err, null);
                fs.lstat(dir + '/w2', function (err) {
                  assert.strictEqual(err.code, 'ENOENT');
                  assert.strictEqual(err.syscall, 'lstat');
                  fs.mkdir(dir + '/m/n', { recursive: true }, function (err, first) {
                    assert.strictEqual(err, null);
                    assert.strictEqual(first, dir + '/m');
                    fs.rmdir(dir + '/m/n', function (err) {
                      assert.strictEqual(err, null);
                      steps.push('callbacks');
                      promises();
                    });
                  });
                });
              });
            });
          });
        });
      });
    });
  });
});
sync = false;

function promises() {
  var p = fs.promises;
  assert.strictEqual(p, require('fs/promises'));
  p.readFile(dir + '/none').then(function () { assert.fail('resolved'); }, function (e) {
    assert.strictEqual(e.code, 'ENOENT');
    assert.strictEqual(e.syscall, 'open');
    return p.writeFile(dir + '/p', 'pp');
  }).then(function (v) {
    assert.strictEqual(v, undefined);
    return p.appendFile(dir + '/p', 'q');
  }).then(function () {
    return p.readFile(dir + '/p', 'utf8');
  }).then(function (d) {
    assert.strictEqual(d, 'ppq');
    return p.stat(dir + '/p');
  }).then(function (s) {
    assert.strictEqual(s.size, 3);
    return p.rename(dir + '/p', dir + '/p2');
  }).then(function () {
    return p.readdir(dir);
  }).then(function (list) {
    assert.deepStrictEqual(list.sort(), ['c', 'g.txt', 'm', 'p2']);
    return p.unlink(dir + '/p2');
  }).then(function () {
    return p.readFile(5); // an argument error rejects, as node's async functions
  }).then(function () { assert.fail('resolved'); }, function (e) {
    assert.strictEqual(e.code, 'ERR_INVALID_ARG_TYPE');
    return p.mkdir(dir + '/m2');
  }).then(function (v) {
    assert.strictEqual(v, undefined);
    return p.rmdir(dir + '/m2');
  }).then(function () {
    fs.rmdirSync(dir + '/m');
    fs.rmdirSync(dir + '/c');
    fs.unlinkSync(g);
    fs.rmdirSync(dir);
    assert.strictEqual(fs.existsSync(dir), false);
    steps.push('promises');
  });
}

process.on('exit', function () {
  assert.deepStrictEqual(steps, ['readFile error', 'callbacks', 'promises']);
  assert.strictEqual(statfsCalled, 1);
  assert.ok(checks >= 29, 'checks: ' + checks);
  console.log('fs ok');
});
