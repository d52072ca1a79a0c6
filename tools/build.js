'use strict';
// node tools/build.js BABEL_DIR ENTRY.js OUT.js [--quiet] [--exclude PACKAGE]... [--alias PACKAGE=NAME]...
// The host build step of `petrel-tool build` (README, "Modern JavaScript"): bundles
// ENTRY.js, the local files it requires and the packages it requires from
// node_modules into one ES5.1 file that Petrel's Duktape parses, with Babel
// (build/tools/babel, installed by `tools/setup.sh babel`) lowering ES2015+ syntax.
//
// The bundle is a CommonJS module itself. An app of one file is just its lowered
// code (and the helpers it uses). Otherwise the bundle holds a table of module
// functions and a small loader that gives each its own `module`, `exports`, `require`, `__filename` and
// `__dirname` (paths relative to the entry's folder, placed under the bundle's own
// folder at run time), caches a module before it runs (cycles as in node) and drops
// it if it throws. The entry module is the bundle's own `module`, so
// `require.main === module` holds. Requests for built-in modules (Petrel's and
// node's, and any `node:` name) stay run-time requires. A require whose argument is
// not a string literal is resolved at run time: a bare name goes to the runtime's
// require, a path that was not bundled throws node's MODULE_NOT_FOUND. So does a
// request by a string that is not found when the require is inside a try (optional
// packages: `try { require('bufferutil') } catch (e) {}`); elsewhere it is a build error.
// --exclude PACKAGE (repeatable): requests for that package (`ws`, `ws/lib/x`) are
// left to run time too, wherever they are, so the package -- and what only it
// requires -- stays out of the bundle: for a package the app reaches only on a path it
// never takes (mqtt's WebSocket and SOCKS transports, only loaded by mqtt.connect()),
// whose compiled code would otherwise take heap on the device. Reached after all, such
// a require throws MODULE_NOT_FOUND, as in node without the package.
// --alias PACKAGE=NAME (repeatable): a require of PACKAGE (or PACKAGE/sub) in any file
// is written as one of NAME (NAME/sub), before it is resolved: for a package that
// copies a built-in module the device has already (readable-stream, node's stream for
// browsers: --alias readable-stream=stream), so the bundle does not carry a second one.
//
// Babel's helpers are not inlined in each file: every file names them as
// `babelHelpers.x`, and one copy of each helper the bundle uses (with the helpers
// those use) is put at its top (with one file: on the file's first line, which keeps
// its line numbers). Nothing is added when no file needs a helper.
//
// Beside OUT.js goes OUT.js.lines, the line table: for each line of the bundle that
// came from a source file, that file and line. It is text (a board's raw-mode upload
// takes no control bytes) made to be read in C without parsing it all (see
// runtime/linetab.c, which maps the positions of a stack trace on the device, and
// petrel-tool, which maps a device's output on the host):
//   #petrel-lines 1 BUNDLE-NAME
//   f FILE                  (one per source file, in index order: paths relative to
//   ...                      the entry's folder)
//   BUNDLE-LINE INDEX LINE  (runs, ascending BUNDLE-LINE: from that line of the
//   ...                      bundle to the next run's, bundle line B is line
//                            LINE + (B - BUNDLE-LINE) of file INDEX; INDEX - : none)
// A bundle line Babel's source map names no line for continues the run it is in.
var fs = require('fs');
var path = require('path');
var Module = require('module');

var argv = process.argv.slice(2);
var quiet = argv.indexOf('--quiet') >= 0;
argv = argv.filter(function (a) { return a !== '--quiet'; });
var excluded = {};
for (var ai = argv.indexOf('--exclude'); ai >= 0 && ai + 1 < argv.length; ai = argv.indexOf('--exclude')) {
  excluded[argv[ai + 1]] = true;
  argv.splice(ai, 2);
}
var aliases = {};
for (ai = argv.indexOf('--alias'); ai >= 0 && ai + 1 < argv.length; ai = argv.indexOf('--alias')) {
  var eq = argv[ai + 1].indexOf('=');
  if (eq <= 0 || eq === argv[ai + 1].length - 1) {
    process.stderr.write('petrel-tool build: --alias ' + argv[ai + 1] + ': want PACKAGE=NAME\n');
    process.exit(2);
  }
  aliases[argv[ai + 1].slice(0, eq)] = argv[ai + 1].slice(eq + 1);
  argv.splice(ai, 2);
}
if (argv.length !== 3) {
  process.stderr.write('usage: node tools/build.js BABEL_DIR ENTRY.js OUT.js [--quiet] [--exclude PACKAGE]... [--alias PACKAGE=NAME]...\n');
  process.exit(2);
}
var babelDir = path.resolve(argv[0]);
var entry = path.resolve(argv[1]);
if (!isFileSync(entry)) {
  process.stderr.write('petrel-tool build: ' + argv[1] + ': no such file\n');
  process.exit(1);
}
entry = fs.realpathSync(entry);
function isFileSync(p) { try { return fs.statSync(p).isFile(); } catch (e) { return false; } }
var outFile = path.resolve(argv[2]);
var babel = require(path.join(babelDir, 'node_modules', '@babel', 'core'));
var presetEnv = require.resolve(path.join(babelDir, 'node_modules', '@babel', 'preset-env'));

// Petrel's built-in modules: modules/*.js of this checkout.
var petrelBuiltins = {};
fs.readdirSync(path.join(__dirname, '..', 'modules')).forEach(function (f) {
  if (/\.js$/.test(f)) petrelBuiltins[f.slice(0, -3)] = true;
});
function isBuiltin(req) {
  return /^node:/.test(req) || petrelBuiltins[req] === true || Module.isBuiltin(req);
}

function BuildError(msg) { var e = new Error(msg); e.buildError = true; return e; }

// ---- resolution, as node 20's CommonJS loader does it -------------------------
function isFile(p) { try { return fs.statSync(p).isFile(); } catch (e) { return false; } }
function isDir(p) { try { return fs.statSync(p).isDirectory(); } catch (e) { return false; } }
function asFile(p) {
  var c = [p, p + '.js', p + '.json'];
  for (var i = 0; i < c.length; i++) if (isFile(c[i])) return c[i];
  return null;
}
function readPkg(dir) {
  var f = path.join(dir, 'package.json');
  if (!isFile(f)) return null;
  try { return JSON.parse(fs.readFileSync(f, 'utf8')); } catch (e) {
    throw BuildError(f + ': ' + e.message);
  }
}
function asDir(p) {
  var pkg = readPkg(p);
  if (pkg && typeof pkg.main === 'string' && pkg.main) {
    var m = path.resolve(p, pkg.main);
    var r = asFile(m) || asIndex(m);
    if (r) return r;
  }
  return asIndex(p);
}
function asIndex(p) {
  var c = [path.join(p, 'index.js'), path.join(p, 'index.json')];
  for (var i = 0; i < c.length; i++) if (isFile(c[i])) return c[i];
  return null;
}
// package.json "exports" (node's conditions for require(): "require", "node", "default").
function exportsTarget(t) {
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) {
    for (var i = 0; i < t.length; i++) { var r = exportsTarget(t[i]); if (r) return r; }
    return null;
  }
  if (t && typeof t === 'object') {
    var keys = Object.keys(t);
    for (var k = 0; k < keys.length; k++) {
      if (['require', 'node', 'default'].indexOf(keys[k]) >= 0) {
        var v = exportsTarget(t[keys[k]]);
        if (v) return v;
      }
    }
  }
  return null;
}
function viaExports(pkgDir, exp, sub) { // sub: "." or "./x"
  var map = exp;
  if (typeof exp === 'string' || Array.isArray(exp) ||
      (exp && typeof exp === 'object' && !Object.keys(exp).some(function (k) { return k[0] === '.'; }))) {
    map = { '.': exp };
  }
  var target = null;
  if (Object.prototype.hasOwnProperty.call(map, sub)) target = exportsTarget(map[sub]);
  else {
    Object.keys(map).forEach(function (k) {
      var star = k.indexOf('*');
      if (target || star < 0) return;
      var pre = k.slice(0, star), post = k.slice(star + 1);
      if (sub.indexOf(pre) === 0 && sub.length >= pre.length + post.length && sub.slice(sub.length - post.length) === post) {
        var t = exportsTarget(map[k]);
        if (t) target = t.split('*').join(sub.slice(pre.length, sub.length - post.length));
      }
    });
  }
  if (!target) return null;
  var f = path.resolve(pkgDir, target);
  return isFile(f) ? f : null;
}
function aliasOf(req) { // req with its package renamed by --alias, or req
  var parts = req.split('/'), name = req[0] === '@' ? parts.slice(0, 2).join('/') : parts[0];
  return Object.prototype.hasOwnProperty.call(aliases, name) ? aliases[name] + req.slice(name.length) : req;
}
function isExcluded(req) { // a bare request for a package named by --exclude
  if (/^(\.\.?(\/|$)|\/)/.test(req) || isBuiltin(req)) return false;
  var parts = req.split('/');
  return Object.prototype.hasOwnProperty.call(excluded, req[0] === '@' ? parts.slice(0, 2).join('/') : parts[0]);
}
function resolve(req, fromFile) { // a real path (node's cache is by real path), null: built-in, undefined: none
  var f = resolvePath(req, fromFile);
  return typeof f === 'string' ? fs.realpathSync(f) : f;
}
function resolvePath(req, fromFile) {
  if (isBuiltin(req)) return null;
  var dir = path.dirname(fromFile);
  if (/^(\.\.?(\/|$)|\/)/.test(req)) {
    var p = path.resolve(dir, req);
    var r = (/\/$/.test(req) ? null : asFile(p)) || (isDir(p) ? asDir(p) : null);
    if (r) return r;
  } else {
    var parts = req.split('/');
    var name = req[0] === '@' ? parts.slice(0, 2).join('/') : parts[0];
    var sub = '.' + req.slice(name.length);
    for (var d = dir; ; d = path.dirname(d)) {
      if (path.basename(d) !== 'node_modules') {
        var pkgDir = path.join(d, 'node_modules', name);
        if (isDir(path.join(d, 'node_modules'))) {
          var pkg = readPkg(pkgDir);
          if (pkg && pkg.exports !== undefined && pkg.exports !== null) {
            var e = viaExports(pkgDir, pkg.exports, sub);
            if (e) return e;
            throw BuildError("Package subpath '" + sub + "' is not defined by \"exports\" in " +
              path.join(pkgDir, 'package.json') + ' (required from ' + fromFile + ')');
          }
          var q = path.join(d, 'node_modules', req);
          var found = asFile(q) || (isDir(q) ? asDir(q) : null);
          if (found) return found;
        }
      }
      if (d === path.dirname(d)) break;
    }
  }
  return undefined;
}

// ---- transform ---------------------------------------------------------------
// Helpers become `babelHelpers.name` (one copy each at the top of the bundle).
function externalHelpers() {
  return {
    pre: function (file) {
      file.set('helperGenerator', function (name) {
        usedHelpers[name] = true;
        return babel.types.memberExpression(babel.types.identifier('babelHelpers'), babel.types.identifier(name));
      });
    }
  };
}
// Collects the file's require('literal') calls (where `require` is not a local name).
function collectRequires(out) {
  return {
    visitor: {
      CallExpression: function (p) {
        var c = p.node.callee;
        if (c.type !== 'Identifier' || c.name !== 'require' || p.scope.hasBinding('require')) return;
        var a = p.node.arguments[0];
        var line = p.node.loc ? p.node.loc.start.line : 0;
        // try { require('optional') } catch (e) {}: a package that may be absent
        var inTry = !!p.findParent(function (q) { return q.isTryStatement(); });
        if (p.node.arguments.length >= 1 && a.type === 'StringLiteral') {
          var to = aliasOf(a.value);
          if (to !== a.value) { a.value = to; delete a.extra; } // the code requires NAME (--alias)
          out.push({ req: a.value, line: line, inTry: inTry });
        }
        else if (p.node.arguments.length >= 1 && a.type === 'TemplateLiteral' && a.expressions.length === 0) {
          out.push({ req: a.quasis[0].value.cooked, line: line, inTry: inTry });
        } else out.push({ dynamic: true, line: line });
      }
    }
  };
}

var usedHelpers = {};
function transformJs(file, code) {
  var reqs = [];
  var res;
  try {
    res = babel.transformSync(code, {
      filename: file,
      babelrc: false,
      configFile: false,
      sourceType: 'unambiguous',
      parserOpts: { allowReturnOutsideFunction: true }, // a CommonJS module may return
      comments: false,
      sourceMaps: true,
      retainLines: true, // generated line N is source line N where Babel can: an app of one file needs no table
      // Duktape 2.7 is an ES5.1 engine: every ES2015+ transform runs.
      // Duktape has symbols: `typeof` needs no helper (it would wrap every typeof).
      presets: [[presetEnv, { forceAllTransforms: true, modules: 'commonjs', exclude: ['transform-typeof-symbol'] }]],
      // Private fields and methods (#x) as non-enumerable properties with a unique
      // key: Babel's exact form needs WeakMap/WeakSet, which Duktape lacks.
      assumptions: { privateFieldsAsProperties: true },
      plugins: [function () { return collectRequires(reqs); }, externalHelpers]
    });
  } catch (e) {
    throw BuildError(e.message);
  }
  return { code: res.code, map: res.map, requires: reqs };
}

// ---- source maps: each generated line's original line ------------------------
var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function lineTable(map, nlines) { // -> [origLine (1-based) or 0] per generated line
  var out = [];
  var srcLine = 0;
  var lines = map.mappings.split(';');
  for (var g = 0; g < nlines; g++) {
    var segs = g < lines.length && lines[g] ? lines[g].split(',') : [];
    var first = 0;
    for (var s = 0; s < segs.length; s++) {
      var vals = [], v = 0, shift = 0, str = segs[s];
      for (var i = 0; i < str.length; i++) {
        var d = B64.indexOf(str[i]);
        v += (d & 31) << shift;
        if (d & 32) shift += 5;
        else { vals.push(v & 1 ? -(v >>> 1) : v >>> 1); v = 0; shift = 0; }
      }
      if (vals.length >= 4) {
        srcLine += vals[2];
        if (!first) first = srcLine + 1;
      }
    }
    out.push(first);
  }
  return out;
}

// ---- the graph -----------------------------------------------------------------
var root = path.dirname(entry);
var mods = []; // {file, rel, code, table, map: {req: index or -1}}
var index = {};
function rel(file) {
  var r = path.relative(root, file).split(path.sep).join('/');
  return r;
}
function add(file) {
  if (Object.prototype.hasOwnProperty.call(index, file)) return index[file];
  var i = mods.length;
  index[file] = i;
  var m = { file: file, rel: rel(file), map: {} };
  mods.push(m);
  var text = fs.readFileSync(file, 'utf8');
  if (/\.json$/.test(file)) {
    try { JSON.parse(text); } catch (e) { throw BuildError(file + ': ' + e.message); }
    // JSON is not quite JS: U+2028/2029 end a string literal in ES5.
    m.code = 'module.exports = ' + text.trim().replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') + ';';
    m.table = m.code.split('\n').map(function (_, k) { return k + 1; });
    return i;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (/^#!/.test(text)) text = '//' + text.slice(2); // node skips a shebang line
  var t = transformJs(file, text);
  m.code = t.code;
  m.table = lineTable(t.map, t.code.split('\n').length);
  t.requires.forEach(function (r) {
    if (r.dynamic) {
      if (!quiet) process.stderr.write('build: ' + file + ':' + r.line + ': require() of a computed name is resolved at run time\n');
      return;
    }
    if (Object.prototype.hasOwnProperty.call(m.map, r.req)) return;
    if (isExcluded(r.req)) {
      if (!quiet) process.stderr.write('build: ' + file + ':' + r.line + ": '" + r.req + "' excluded (--exclude): left to run time\n");
      return;
    }
    var f = resolve(r.req, file);
    if (f === null) { m.map[r.req] = -1; return; }
    if (f === undefined && r.inTry) {
      // Left to run time, where it throws MODULE_NOT_FOUND as in node (unless the
      // device has it), for the try around it to take.
      if (!quiet) process.stderr.write('build: ' + file + ':' + r.line + ": '" + r.req + "' not found; required inside a try: left to run time\n");
      return;
    }
    if (f === undefined) {
      throw BuildError(file + ':' + r.line + ": Cannot find module '" + r.req + "'");
    }
    m.map[r.req] = add(f);
  });
  return i;
}

// The loader (ES5; `require`, `module` and `__dirname` are the bundle's own). Kept
// small, since every function costs heap on a board: what stays is two functions,
// `require` (which also loads a module: how === 2) and the shared `resolve`, and per
// module its module object, its map and its require, `require` bound to the module's
// index (lighter than a closure; `resolve` finds the module by the bound function's
// `id`). A module's own code is dropped once it has run.
var LOADER = [
  '(function (defs, outerRequire, outerModule, dir) {',
  '  var cache = [], hasOwn = Object.prototype.hasOwnProperty;',
  '  function require(i, x, how) {',
  '    if (how !== 2) {', // require(x) or, how === 1, require.resolve(x) from module i
  '      var map = defs[i][2], j = typeof x === "string" && hasOwn.call(map, x) ? map[x] : -1;',
  '      if (j >= 0) return how ? dir + "/" + defs[j][1] : require(j, cache[i], 2);',
  '      if (j === -1 && typeof x === "string" && /^(\\.\\.?(\\/|$)|\\/)/.test(x)) {',
  '        var stack = [];',
  '        for (var p = cache[i]; p; p = p.parent) stack.push(p.filename);',
  '        var e = new Error("Cannot find module \'" + x + "\'\\nRequire stack:\\n- " + stack.join("\\n- "));',
  '        e.code = "MODULE_NOT_FOUND";',
  '        e.requireStack = stack;',
  '        throw e;',
  '      }',
  '      return how ? outerRequire.resolve(x) : outerRequire(x);',
  '    }',
  '    if (cache[i]) return cache[i].exports;', // load module i, its parent x
  '    var file = i === 0 ? outerModule.filename : dir + "/" + defs[i][1];',
  '    var folder = file.slice(0, file.lastIndexOf("/")) || "/";',
  '    var m = i === 0 ? outerModule : { id: file, path: folder, exports: {},',
  '      filename: file, loaded: false, children: [], paths: [], parent: x };',
  '    if (i !== 0 && x) x.children.push(m);',
  '    cache[i] = m;',
  '    var req = require.bind(null, i), ok = false;',
  '    req.id = i;',
  '    req.resolve = resolve;',
  '    req.main = outerRequire.main;',
  '    req.cache = outerRequire.cache;',
  '    if (i !== 0) m.require = req;',
  '    try {',
  '      defs[i][0].call(m.exports, m.exports, req, m, file, folder);',
  '      ok = true;',
  '      defs[i][0] = null;', // its code has run: not kept in the heap
  '    } finally {',
  '      if (!ok) cache[i] = undefined;',
  '    }',
  '    m.loaded = true;',
  '    return m.exports;',
  '  }',
  '  function resolve(x) { return require(this.id, x, 1); }',
  '  require(0, null, 2);',
  '})(['
].join('\n');

function writeIfChanged(file, text) {
  try { if (fs.readFileSync(file, 'utf8') === text) return; } catch (e) { /* new file */ }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

// One line (it may go before a file's first line): one copy of each helper in
// names and of those they use, in a strict function (Babel's helpers are module
// code; the bundle itself is not strict: a user's sloppy file must stay sloppy).
// Two fixes for Duktape: its Reflect.get/set take no receiver ("unsupported"), so
// the helpers see a Reflect without them and take their own paths (super.x,
// super.x = v); its strings and arrays have no Symbol.iterator, so Babel's fallback
// would turn a string into code units, where for-of and spread give code points.
function helpersText(names) {
  if (!names.length) return '';
  var text;
  for (;;) { // a helper may use others: add them until the set is closed
    text = babel.buildExternalHelpers(names, 'var');
    var more = [];
    text.replace(/babelHelpers\.([A-Za-z_$][\w$]*)/g, function (_, n) {
      if (names.indexOf(n) < 0 && more.indexOf(n) < 0) more.push(n);
    });
    if (!more.length) break;
    names = names.concat(more);
  }
  text = babel.transformSync(text, { babelrc: false, configFile: false, compact: true, minified: true, comments: false }).code;
  var out = 'var babelHelpers = (function (R) { "use strict"; ' +
    'var Reflect = R && { construct: R.construct, apply: R.apply, ownKeys: R.ownKeys, has: R.has, ' +
    'getPrototypeOf: R.getPrototypeOf, setPrototypeOf: R.setPrototypeOf, defineProperty: R.defineProperty, ' +
    'deleteProperty: R.deleteProperty, getOwnPropertyDescriptor: R.getOwnPropertyDescriptor }; ' +
    text + ' var toArray = babelHelpers.unsupportedIterableToArray; ' +
    'if (toArray) babelHelpers.unsupportedIterableToArray = function (o, n) { ' +
    'return typeof o === "string" ? o.match(/[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[\\s\\S]/g) || [] : toArray(o, n); }; ' +
    'return babelHelpers; })(typeof Reflect === "undefined" ? undefined : Reflect);';
  if (/[\n\r\u2028\u2029]/.test(out)) throw BuildError('internal: the helpers do not fit on one line');
  return out;
}

function build() {
  add(entry);
  var out = [];
  var chunks = [];
  var line = 1; // the bundle's next line number
  function emit(text, m) {
    var ls = text.split('\n');
    if (m) chunks.push([line, m.idx, m.table]);
    out.push(text);
    line += ls.length;
  }
  // An app of one file needs no module table: its code is the bundle, run by the
  // device's own loader (no loader functions in the heap). Babel kept each line of
  // the code on its source line (retainLines), and whatever comes before the code
  // (the helpers) is put on its first line, after its "use strict" if it has one
  // (that must stay the first statement): so the bundle's line N is the source's
  // line N, and the firmware's own error reports name the right lines.
  var single = mods.length === 1;
  var header = "// Built by petrel-tool build from " + rel(entry) + ' (ES2015+ lowered to ES5 by Babel).';
  var helpers = helpersText(Object.keys(usedHelpers));
  if (single) {
    var m0 = mods[0];
    m0.idx = 0;
    var strict = /^\s*(['"])use strict\1;?/.exec(m0.code); // after a comment's blank lines too
    var cut = strict ? strict[0].length : 0;
    emit(m0.code.slice(0, cut) + (helpers ? helpers + ' ' : '') + m0.code.slice(cut), m0);
    emit(header);
  } else {
    emit(header);
    if (helpers) emit(helpers);
    emit(LOADER);
    mods.forEach(function (m, i) {
      m.idx = i;
      emit('[function (exports, require, module, __filename, __dirname) {');
      emit(m.code, m);
      emit('}, ' + JSON.stringify(m.rel) + ', ' + JSON.stringify(m.map) + ']' + (i < mods.length - 1 ? ',' : ''));
    });
    emit('], require, module, __dirname);');
  }
  // Written only when it changed: make's APP= rule runs this every time, and an
  // unchanged bundle must not relink the firmware.
  writeIfChanged(outFile, out.join('\n') + '\n');
  writeIfChanged(outFile + '.lines', lineTableText(path.basename(outFile),
    mods.map(function (m) { return m.rel; }), chunks, line));
}

// chunks: [[bundleLine, fileIndex, [fileLine or 0, ...]], ...]; end: the line after
// the bundle's last -> the text of OUT.js.lines (above).
function lineTableText(bundle, files, chunks, end) {
  var out = ['#petrel-lines 1 ' + bundle];
  files.forEach(function (f) { out.push('f ' + f); });
  var runs = []; // [bundleLine, fileIndex or -1, fileLine]
  function run(b, fi, l) {
    var r = runs[runs.length - 1];
    if (r && r[0] === b) runs.pop(); // an empty run before this one
    r = runs[runs.length - 1];
    if (r && r[1] === fi && (fi < 0 || r[2] + (b - r[0]) === l)) return; // continues r
    runs.push([b, fi, l]);
  }
  var next = 1;
  chunks.forEach(function (c) {
    var start = c[0], fi = c[1], t = c[2];
    if (start > next) run(next, -1, 0);
    var first = 0;
    while (first < t.length && !t[first]) first++;
    if (first === t.length) run(start, -1, 0);
    else if (t[first] - first >= 1) run(start, fi, t[first] - first);
    else { run(start, -1, 0); run(start + first, fi, t[first]); }
    for (var k = first + 1; k < t.length; k++) if (t[k]) run(start + k, fi, t[k]);
    next = start + t.length;
  });
  if (next < end) run(next, -1, 0);
  runs.forEach(function (r) { out.push(r[0] + ' ' + (r[1] < 0 ? '-' : r[1]) + ' ' + r[2]); });
  return out.join('\n') + '\n';
}

try {
  build();
} catch (e) {
  if (e.buildError) {
    process.stderr.write('petrel-tool build: ' + e.message + '\n');
    process.exit(1);
  }
  throw e;
}
