// jsmin: shrinks a built-in module for boards short of flash and RAM (JSMIN=1 in
// board.mk), before js2c embeds it:  node tools/jsmin.js <npm dir> in.js out.js
// <npm dir> holds terser and its parser acorn (`tools/setup.sh jsmin`, from npm).
//
// 1. Functions become methods: methods (`{ f() {} }`) are not constructable, as class
//    methods in Node, so they never get a `prototype` object. Since Petrel's Duktape
//    makes that object only on first use (tools/duktape_patch.py, edit 3), this step
//    saves less than it did, but still some heap for a little flash (docs/bench.md: a
//    named function expression, for one, binds its own name in an extra scope object
//    per closure, a method does not). So, where nothing can call it with `new`:
//      function (a) {...}       ->  ({ ""(a) {...} })[""]         (name stays '')
//      function f(a) {...}      ->  ({ "f"(a) {...} })["f"]        (unless the body uses f)
//      function f(a) {...}  (a declaration in a function body or at the top level)
//                               ->  var f = ({ "f"(a) {...} })["f"];  moved to the top
//                                   of that body, as hoisting would have put it
//    Kept as they are: names starting with a capital (constructors, by convention:
//    no built-in module calls `new` on anything else), functions assigned to a
//    capitalised name, `new function`, and declarations inside blocks.
// 2. terser mangles local names and drops dead code, keeping function names
//    (util.inspect and stack traces show them) and the names the loader binds.
// Cost: a module becomes one line, so a stack trace points into a long line.
'use strict';
var fs = require('fs');
var path = require('path');
var npm = path.resolve(process.argv[2], 'node_modules');
var terser = require(path.join(npm, 'terser'));
var acorn = require(path.join(npm, 'acorn'));
var input = process.argv[3], output = process.argv[4];
var src = fs.readFileSync(input, 'utf8');
// The bootstrap file is itself a function expression (called from C: it stays a
// function); a module is a function body, compiled by the loader inside
// function (exports, require, module, process, global, Object, ..., ArrayIsArray)
// (runtime/process.c, PRIMORDIALS; the later names are free here, so never mangled).
var whole = /\/runtime\/js\/bootstrap\.js$/.test(path.resolve(input));

function capital(name) { return /^[A-Z]/.test(name); }

function walk(node, parent, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node, parent);
  for (var k in node) {
    var v = node[k];
    if (Array.isArray(v)) v.forEach(function (c) { walk(c, node, visit); });
    else if (v && typeof v.type === 'string' && k !== 'type') walk(v, node, visit);
  }
}

function usesName(node, name) {
  var used = false;
  walk(node.body, null, function (n) { if (n.type === 'Identifier' && n.name === name) used = true; });
  return used;
}

// Where a hoisted declaration goes: after the body's directives ('use strict').
function hoistPos(body, statements) {
  var pos = body.type === 'Program' ? body.start : body.start + 1;
  for (var i = 0; i < statements.length && statements[i].directive !== undefined; i++) pos = statements[i].end;
  return pos;
}

// Duktape's parser takes `{ get() {} }` for the start of a getter: a function named
// get or set stays a function (terser would print its method's quoted key bare).
function accessorWord(name) {
  return name === 'get' || name === 'set';
}

function methodize(text) {
  var code = whole ? '(' + text + ')' : text; // the bootstrap parses as an expression
  var ast = acorn.parse(code, { ecmaVersion: 5, allowReturnOutsideFunction: true, allowReserved: true });
  var ops = [];
  var outer = whole ? ast.body[0].expression : null;
  function paramsStart(fn) {
    return code.indexOf('(', fn.id ? fn.id.end : fn.start + 'function'.length);
  }
  walk(ast, null, function (n, parent) {
    var stmts = n.type === 'Program' ? n.body : n.type === 'BlockStatement' && parent &&
      /Function/.test(parent.type) ? n.body : null;
    if (stmts) {
      var at = hoistPos(n, stmts);
      stmts.forEach(function (d) {
        if (d.type !== 'FunctionDeclaration' || capital(d.id.name) || accessorWord(d.id.name)) return;
        // Deleted here, re-emitted (with its own inner rewrites) at the top of the body.
        ops.push({ pos: d.start, end: d.end, order: 2, text: '' });
        ops.push({ pos: at, end: at, order: 1, hoist: d });
      });
    }
    if (n.type !== 'FunctionExpression' || n === outer) return;
    var key = n.id ? n.id.name : '';
    if (n.id && (capital(key) || usesName(n, key) || accessorWord(key))) return;
    if (!parent || parent.type === 'NewExpression' || (parent.type === 'Property' && (parent.kind !== 'init' || parent.method))) return;
    var target = parent.type === 'AssignmentExpression' ? parent.left :
      parent.type === 'VariableDeclarator' ? parent.id : parent.type === 'Property' ? parent.key : null;
    if (target) {
      var tname = target.type === 'MemberExpression' ? (target.computed ? '' : target.property.name) :
        target.name || target.value || '';
      if (capital(String(tname))) return;
    }
    var k = JSON.stringify(key);
    ops.push({ pos: n.start, end: paramsStart(n), order: 2, text: '({' + k });
    ops.push({ pos: n.end, end: n.end, order: 0, text: '})[' + k + ']' });
  });
  ops.sort(function (a, b) { return a.pos - b.pos || a.order - b.order; });
  function emit(from, to) {
    var out = '', i = from;
    for (var j = 0; j < ops.length; j++) {
      var op = ops[j];
      if (op.pos < i || op.pos > to || (op.pos === to && op.end > to)) continue;
      out += code.slice(i, op.pos);
      if (op.hoist) {
        var d = op.hoist, k = JSON.stringify(d.id.name);
        out += 'var ' + d.id.name + '=({' + k + emit(paramsStart(d), d.end) + '})[' + k + '];';
      } else {
        out += op.text;
      }
      i = op.end;
    }
    return out + code.slice(i, to);
  }
  var res = emit(0, code.length);
  return whole ? res.slice(1, res.length - 1) : res;
}

var head = whole ? '__petrel(' : '__petrel(function(exports,require,module,process,global){';
var tail = whole ? ')' : '\n})';
var methods;
try {
  methods = methodize(src);
} catch (e) {
  console.error('jsmin: ' + input + ': ' + e.message);
  process.exit(1);
}
terser.minify(head + methods + tail, {
  ecma: 5,
  keep_fnames: true,
  mangle: { reserved: ['exports', 'require', 'module', 'process', 'global'] },
  compress: { passes: 2, arrows: false }, // no arrow functions: Duktape has none
  format: { ascii_only: false }
}).then(function (r) {
  var out = r.code, t = whole ? ');' : '});';
  if (out.slice(0, head.length) !== head || out.slice(-t.length) !== t) {
    throw new Error('unexpected minifier output around the module wrapper');
  }
  fs.writeFileSync(output, out.slice(head.length, out.length - t.length) + '\n');
}).catch(function (e) {
  console.error('jsmin: ' + input + ': ' + e.message);
  process.exit(1);
});
