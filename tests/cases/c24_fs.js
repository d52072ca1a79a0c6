// fs against node's recorded output: results, Stats' shape, the errors' keys and
// messages, and when each callback runs. Writes only in a fresh directory under /tmp
// (on a board: the store, where directories are names).
'use strict';
var fs = require('fs');
var dir = '/tmp/pfs-c24-' + Math.floor(Math.random() * 1e9).toString(36);
function clean(s) { return String(s).split(dir).join('<dir>'); }
function show(label, fn) {
  try {
    var r = fn();
    console.log(label, 'ok', r === undefined ? 'undefined' : clean(JSON.stringify(r)));
  } catch (e) {
    console.log(label, e.name, Object.keys(e).join(','), clean(e.message), e.errno, e.code, e.syscall,
      clean(e.path), clean(e.dest));
  }
}
fs.mkdirSync('/tmp', { recursive: true }); // a board's store has no /tmp yet
show('mkdir -p', function () { return fs.mkdirSync(dir + '/a/b', { recursive: true }) === dir; });
show('mkdir -p slashes', function () { return fs.mkdirSync(dir + '/s//t/', { recursive: true }); });
show('mkdir -p done', function () { return fs.mkdirSync(dir + '/s//t/', { recursive: true }); });
fs.rmdirSync(dir + '/s/t');
fs.rmdirSync(dir + '/s');
show('mkdir again', function () { return fs.mkdirSync(dir + '/a'); });
show('mkdir no parent', function () { return fs.mkdirSync(dir + '/x/y'); });
show('write', function () { return fs.writeFileSync(dir + '/f', 'caf\u00e9 \u20ac'); });
show('read utf8', function () { return fs.readFileSync(dir + '/f', 'utf8'); });
show('read buffer', function () { return fs.readFileSync(dir + '/f'); });
show('read latin1', function () { return fs.readFileSync(dir + '/f', 'latin1'); });
show('read base64', function () { return fs.readFileSync(dir + '/f', { encoding: 'base64' }); });
show('read hex', function () { return fs.readFileSync(dir + '/f', 'hex'); });
show('append hex', function () { return fs.appendFileSync(dir + '/f', '2121', 'hex'); });
show('append', function () { return fs.appendFileSync(dir + '/f', Buffer.from('?')); });
show('read again', function () { return fs.readFileSync(dir + '/f', 'utf8'); });
show('write wx', function () { return fs.writeFileSync(dir + '/f', '', { flag: 'wx' }); });
show('write a', function () { return fs.writeFileSync(dir + '/f', '.', { flag: 'a' }); });
show('write dir', function () { return fs.writeFileSync(dir + '/a', 'x'); });
show('read dir', function () { return fs.readFileSync(dir + '/a'); });
show('read missing', function () { return fs.readFileSync(dir + '/m', 'utf8'); });
show('write under file', function () { return fs.writeFileSync(dir + '/f/g', 'x'); });
show('bad encoding', function () { return fs.readFileSync(dir + '/f', 'utf9'); });
show('bad path', function () { return fs.readFileSync(null); });
show('bad options', function () { return fs.readFileSync(dir + '/f', true); });
show('bad data', function () { return fs.writeFileSync(dir + '/f', 42); });
show('bad flag', function () { return fs.writeFileSync(dir + '/f', 'x', { flag: 'q' }); });
show('exists', function () { return [fs.existsSync(dir + '/f'), fs.existsSync(dir + '/a'), fs.existsSync(dir + '/m'), fs.existsSync({})]; });
show('stat file', function () {
  var s = fs.statSync(dir + '/f');
  return [Object.keys(s), s.constructor.name, s.isFile(), s.isDirectory(), s.isSymbolicLink(), s.isFIFO(), s.size,
    (s.mode & 0xf000).toString(8), s.mtime instanceof Date, typeof s.mtimeMs];
});
show('lstat dir', function () { var s = fs.lstatSync(dir + '/a'); return [s.isFile(), s.isDirectory(), (s.mode & 0xf000).toString(8)]; });
show('stat missing', function () { return fs.statSync(dir + '/m'); });
show('stat no throw', function () { return fs.statSync(dir + '/m', { throwIfNoEntry: false }); });
show('readdir', function () { return fs.readdirSync(dir).sort(); });
show('readdir file', function () { return fs.readdirSync(dir + '/f'); });
show('rename', function () { return fs.renameSync(dir + '/f', dir + '/g'); });
show('rename missing', function () { return fs.renameSync(dir + '/f', dir + '/g'); });
show('unlink missing', function () { return fs.unlinkSync(dir + '/f'); });
show('unlink dir', function () { return fs.unlinkSync(dir + '/a'); });
show('rmdir full', function () { return fs.rmdirSync(dir + '/a'); });
show('mkdir -p file', function () { return fs.mkdirSync(dir + '/g/h', { recursive: true }); });
// every string flag of node's, reading and writing
var fl = dir + '/fl';
['r', 'r+', 'w', 'w+', 'a', 'a+', 'ax+', 'sa+', 'xw+', 'rs'].forEach(function (f) {
  fs.writeFileSync(fl, 'hello');
  show('readFile ' + f, function () { return fs.readFileSync(fl, { encoding: 'utf8', flag: f }); });
});
['r', 'r+', 'rs+', 'w+', 'a+', 'sa', 'ax', 'xw+', 'as+'].forEach(function (f) {
  fs.writeFileSync(fl, 'hello');
  show('writeFile ' + f, function () { fs.writeFileSync(fl, 'XY', { flag: f }); return fs.readFileSync(fl, 'utf8'); });
});
show('r+ longer', function () { fs.writeFileSync(fl, 'hi'); fs.writeFileSync(fl, 'XYZ', { flag: 'r+' }); return fs.readFileSync(fl, 'utf8'); });
show('r+ missing', function () { return fs.writeFileSync(dir + '/m', 'XY', { flag: 'r+' }); });
show('r missing', function () { return fs.writeFileSync(dir + '/m', 'XY', { flag: 'r' }); });
show('read a+ missing', function () { return fs.readFileSync(dir + '/m', { encoding: 'utf8', flag: 'a+' }); });
fs.unlinkSync(dir + '/m');
fs.unlinkSync(fl);
var sync = true;
fs.stat(dir + '/m', function (err) {
  console.log('stat cb', sync, clean(err.message));
  fs.readFile(dir + '/g', 'utf8', function (err, d) {
    console.log('readFile cb', err, d);
    fs.promises.readdir(dir).then(function (l) {
      console.log('promise readdir', l.sort());
      fs.unlinkSync(dir + '/g');
      fs.rmdirSync(dir + '/a/b');
      fs.rmdirSync(dir + '/a');
      fs.rmdirSync(dir);
      console.log('clean', fs.existsSync(dir));
    });
  });
});
fs.exists(dir + '/g', function (e) { console.log('exists cb', sync, e); });
sync = false;
console.log('end of script');
