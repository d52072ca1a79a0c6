// lower.js TEST_DIR OUT_DIR PATTERN: lowers node's TEST_DIR/parallel/PATTERN tests and
// the node test/common helpers they use to ES5 with Babel (pinned by run.sh), into
// OUT_DIR/parallel and OUT_DIR/common, and puts our own shims (common.js, shim/*.js)
// in place of node's test/common/index.js, tmpdir.js and fixtures.js.
// Writes OUT_DIR/manifest.txt: "name|status|flags|reason", status run|na|lowerfail.
// Runs under node; Babel is found through NODE_PATH.
'use strict';
var fs = require('fs');
var path = require('path');
var babel = require('@babel/core');

var testDir = process.argv[2], outDir = process.argv[3];
var pattern = new RegExp('^' + (process.argv[4] || 'test-net-*.js')
  .replace(/[.]/g, '\\.').replace(/\*/g, '.*') + '$');
var here = __dirname;

var babelOpts = {
  babelrc: false, configFile: false, sourceType: 'script', compact: false,
  comments: true, retainLines: true,
  presets: [[require.resolve('@babel/preset-env'), { targets: { ie: '9' }, modules: false }]]
};

function lower(src, file) {
  return babel.transformSync(src, Object.assign({ filename: file }, babelOpts)).code;
}

// Features out of scope for Petrel: counted as not applicable on both runtimes.
function notApplicable(src) {
  var flags = (src.match(/^\/\/ Flags: (.*)$/m) || [])[1] || '';
  var m;
  if ((m = src.match(/require\('(child_process|cluster|worker_threads)'\)/))) return 'uses ' + m[1];
  if (/--expose-internals/.test(flags) || /require\('internal\//.test(src)) return 'needs --expose-internals (internal/ modules)';
  if (/process\.send\(|\.fork\(/.test(src)) return 'uses IPC/fork';
  return null;
}

var OS_STUB = '{ endianness: function () { return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? "LE" : "BE"; } }';

function mkdirp(d) { fs.mkdirSync(d, { recursive: true }); }
mkdirp(path.join(outDir, 'parallel'));
mkdirp(path.join(outDir, 'common'));

// node's own helpers (lowered, never committed), then our shims over index/tmpdir/fixtures.
['dns.js', 'internet.js', 'ongc.js', 'countdown.js'].forEach(function (f) {
  var p = path.join(testDir, 'common', f);
  if (!fs.existsSync(p)) return;
  var src = fs.readFileSync(p, 'utf8');
  // dns.js needs 'os' only for os.endianness(): not what these tests measure.
  if (f === 'dns.js') src = src.replace("require('os')", OS_STUB);
  fs.writeFileSync(path.join(outDir, 'common', f), lower(src, p));
});
fs.copyFileSync(path.join(here, 'common.js'), path.join(outDir, 'common', 'index.js'));
fs.copyFileSync(path.join(here, 'shim', 'tmpdir.js'), path.join(outDir, 'common', 'tmpdir.js'));
fs.copyFileSync(path.join(here, 'shim', 'fixtures.js'), path.join(outDir, 'common', 'fixtures.js'));

var manifest = [];
fs.readdirSync(path.join(testDir, 'parallel')).filter(function (f) { return pattern.test(f); }).sort()
  .forEach(function (f) {
    var p = path.join(testDir, 'parallel', f);
    var src = fs.readFileSync(p, 'utf8');
    var flags = ((src.match(/^\/\/ Flags: (.*)$/m) || [])[1] || '').trim();
    var na = notApplicable(src);
    var status = na ? 'na' : 'run', reason = na || '';
    if (!na) {
      try { fs.writeFileSync(path.join(outDir, 'parallel', f), lower(src, p)); }
      catch (e) { status = 'lowerfail'; reason = 'Babel: ' + String(e.message).split('\n')[0]; }
    }
    manifest.push([f, status, flags, reason.replace(/\|/g, '/')].join('|'));
  });
fs.writeFileSync(path.join(outDir, 'manifest.txt'), manifest.join('\n') + '\n');
console.log('lowered ' + manifest.length + ' tests into ' + outDir);
