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
// object, as node's REPL does.
// Top-level `await` (and `for await`), as node's REPL does it: the entry becomes an
// async arrow function called at once, its top-level declarations hoisted out as `var`s
// (assigned where they stood; functions first) and its last expression statement
// returned as `{ value }` (so a promise value is not awaited too) ->
//   {"code": "<ES5>", "await": true}
// which petrel-tool sends as //@petrel:await (runtime/repl_run.c): the board waits for
// the promise and prints the value (or "Uncaught ...") before the next entry.
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

// Whether node (an AST node) has an await, or a for-await, outside any function.
function hasTopLevelAwait(node) {
  if (!node || typeof node.type !== 'string') return false;
  if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) return true;
  if (/Function|ClassMethod|ObjectMethod|ClassPrivateMethod/.test(node.type)) return false;
  for (var k in node) {
    if (k === 'loc' || k === 'leadingComments' || k === 'trailingComments') continue;
    var v = node[k];
    if (Array.isArray(v)) {
      for (var i = 0; i < v.length; i++) if (hasTopLevelAwait(v[i])) return true;
    } else if (v && typeof v.type === 'string' && hasTopLevelAwait(v)) {
      return true;
    }
  }
  return false;
}

// The names a binding pattern declares, into out.
function patternNames(p, out) {
  if (!p) return;
  if (p.type === 'Identifier') out.push(p.name);
  else if (p.type === 'ObjectPattern') p.properties.forEach(function (q) { patternNames(q.type === 'RestElement' ? q.argument : q.value, out); });
  else if (p.type === 'ArrayPattern') p.elements.forEach(function (q) { patternNames(q, out); });
  else if (p.type === 'AssignmentPattern') patternNames(p.left, out);
  else if (p.type === 'RestElement') patternNames(p.argument, out);
}

// An entry with a top-level await, as an async arrow function called at once (see the
// head of this file); null when it has none.
function awaitWrap(code) {
  var ast = babel.parseSync(code, { // a syntax error throws: answer() reports it
    filename: 'repl', babelrc: false, configFile: false, sourceType: 'script',
    parserOpts: { allowAwaitOutsideFunction: true }
  });
  var body = ast.program.body;
  if (!body.some(hasTopLevelAwait)) return null;
  var names = [], first = [], rest = [];
  var src = function (n) { return code.slice(n.start, n.end); };
  body.forEach(function (st, i) {
    if (st.type === 'VariableDeclaration') {
      st.declarations.forEach(function (d) {
        patternNames(d.id, names);
        if (d.init) rest.push('(' + src(d.id) + ' = ' + src(d.init) + ');');
      });
    } else if (st.type === 'FunctionDeclaration' && st.id) {
      names.push(st.id.name);
      first.push(st.id.name + ' = ' + src(st) + ';');
    } else if (st.type === 'ClassDeclaration' && st.id) {
      names.push(st.id.name);
      rest.push(st.id.name + ' = ' + src(st) + ';');
    } else if (st.type === 'ExpressionStatement' && i === body.length - 1) {
      rest.push('return { value: (' + src(st.expression) + ') };');
    } else {
      rest.push(src(st));
    }
  });
  return (names.length ? 'var ' + names.join(', ') + ';\n' : '') +
    '(async () => {\n' + first.concat(rest).join('\n') + '\n})()';
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
    var wrapped = awaitWrap(code);
    if (wrapped !== null) return { code: lower(wrapped), await: true };
    return { code: lower(code) };
  } catch (e) {
    if (!e.loc && !(typeof e.pos === 'number')) return { error: String(e.message) };
    if (incomplete(code, e)) return { incomplete: true };
    var msg = String(e.message).replace(/^[^\n]*?repl: /, '').replace(/ \(\d+:\d+\)[\s\S]*$/, '');
    return { error: msg, line: e.loc ? e.loc.line : 0, column: e.loc ? e.loc.column + 1 : 0 };
  }
}

readline.createInterface({ input: process.stdin }).on('line', function (l) {
  var req = JSON.parse(l);
  process.stdout.write(JSON.stringify(answer(req.code)) + '\n');
});
