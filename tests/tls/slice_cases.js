// node tests/tls/slice_cases.js NPM_DIR IN FROM:TO OUT
// A copy of self.js for one board slice (tests/tls/board.sh). Each top-level
// statement that adds a case (add(...), or a helper such as rawCase(...) that calls
// add) outside [FROM, TO) becomes `cases.push(null);`: the board then compiles only
// the cases it runs (every function costs heap there, ~40 KB for the whole file),
// while the indices, and so FROM:TO, stay what they are in self.js.
// NPM_DIR holds acorn (tools/setup.sh jsmin installs it with terser).
'use strict';
var fs = require('fs');
var path = require('path');
var acorn = require(path.join(path.resolve(process.argv[2]), 'node_modules', 'acorn'));
var input = process.argv[3], range = process.argv[4].split(':'), output = process.argv[5];
var src = fs.readFileSync(input, 'utf8');
var body = acorn.parse(src, { ecmaVersion: 5 }).body;
var from = +range[0], to = range[1] === undefined || range[1] === '' ? Infinity : +range[1];

function callsAdd(node) {
  var found = false;
  (function walk(n) {
    if (found || !n || typeof n.type !== 'string') return;
    if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'add') found = true;
    Object.keys(n).forEach(function (k) {
      var v = n[k];
      if (Array.isArray(v)) v.forEach(walk); else if (v && typeof v.type === 'string') walk(v);
    });
  })(node);
  return found;
}

var adders = { add: true };
body.forEach(function (s) {
  if (s.type === 'FunctionDeclaration' && s.id.name !== 'add' && callsAdd(s.body)) adders[s.id.name] = true;
});

var index = 0, out = '', at = 0;
body.forEach(function (s) {
  var e = s.type === 'ExpressionStatement' ? s.expression : null;
  if (!e || e.type !== 'CallExpression' || e.callee.type !== 'Identifier' || !adders[e.callee.name]) return;
  if (index < from || index >= to) {
    out += src.slice(at, s.start) + 'cases.push(null);';
    at = s.end;
  }
  index++;
});
out += src.slice(at);
fs.writeFileSync(output, out);
