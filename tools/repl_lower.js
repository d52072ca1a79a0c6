'use strict';
// node tools/repl_lower.js BABEL_DIR
// The host half of `petrel-tool repl`: lowers REPL entries from ES2015+ to ES5.1 with
// the Babel setup of tools/build.js (preset-env, every transform, Duktape's symbols
// kept for `typeof`). One request per line on stdin, one JSON answer per line on stdout:
//   {"code": "..."} -> {"code": "<ES5>"}                  lowered
//                   -> {"incomplete": true}                 the entry goes on (an
//                      unterminated block, template, call ...: more lines to come)
//                   -> {"error": "msg", "line": L, "column": C}  a syntax error (the
//                      entry's own 1-based line and column)
// An entry is a script, not a module: top-level `let`, `const` and `class` become `var`
// (Babel's block scoping), which the board's REPL evaluates as global code, so later
// entries see them; the entry's last expression statement stays last, so the board's
// REPL prints its value. Babel's helpers are inlined as function declarations (globals
// on the board, declared again by each entry that needs them). `{ a: 1 }` is read as an
// object, as node's REPL does. Top-level `await` is not supported (a syntax error).
var path = require('path');
var readline = require('readline');

var babelDir = path.resolve(process.argv[2]);
var babel = require(path.join(babelDir, 'node_modules', '@babel', 'core'));
var presetEnv = require.resolve(path.join(babelDir, 'node_modules', '@babel', 'preset-env'));

function lower(code) {
  return babel.transformSync(code, {
    filename: 'repl',
    babelrc: false,
    configFile: false,
    sourceType: 'script',
    comments: false,
    presets: [[presetEnv, { forceAllTransforms: true, modules: false, exclude: ['transform-typeof-symbol'] }]],
    assumptions: { privateFieldsAsProperties: true }
  }).code;
}

// A parse error at the end of the entry (or an unterminated template or comment)
// means the entry is not finished, as node's REPL decides to go on.
function incomplete(code, e) {
  if (/^Unterminated (template|comment)/.test(e.reasonCode ? e.message : e.message)) return true;
  if (e.reasonCode === 'UnterminatedTemplate' || e.reasonCode === 'UnterminatedComment') return true;
  return typeof e.pos === 'number' && e.pos >= code.replace(/\s+$/, '').length;
}

function answer(code) {
  // `{ a: 1 }`: an object first (node's REPL: /^\s*\{/ and /\}\s*;?\s*$/).
  if (/^\s*\{/.test(code) && /\}\s*;?\s*$/.test(code)) {
    try { return { code: lower('(' + code.replace(/;\s*$/, '') + ')') }; } catch (e) { /* a block */ }
  }
  try {
    return { code: lower(code) };
  } catch (e) {
    if (!e.loc && !(typeof e.pos === 'number')) return { error: String(e.message) };
    if (incomplete(code, e)) return { incomplete: true };
    var msg = String(e.message).replace(/^[^\n]*?repl: /, '').replace(/ \(\d+:\d+\)[\s\S]*$/, '');
    if (/^'await' is only allowed/.test(msg)) msg += ' (petrel-tool repl: no top-level await)';
    return { error: msg, line: e.loc ? e.loc.line : 0, column: e.loc ? e.loc.column + 1 : 0 };
  }
}

readline.createInterface({ input: process.stdin }).on('line', function (l) {
  var req = JSON.parse(l);
  process.stdout.write(JSON.stringify(answer(req.code)) + '\n');
});
