// internal/console_table: console.table(data[, properties]) as Node 20 draws it
// (lib/internal/console/constructor.js and lib/internal/cli_table.js). Loaded on
// the first table: the rest of console is C (modules/console_binding.c).
'use strict';
var errors = require('internal/errors');
var inspect = require('internal/inspect').inspect;

var hasOwn = ObjectPrototypeHasOwnProperty;
var vtSequenceRe = /(?:\u001b\[|\u009b)[0-?]*[ -\/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

function isFullWidth(c) {
  return c >= 0x1100 && (c <= 0x115f || c === 0x2329 || c === 0x232a ||
    (c >= 0x2e80 && c <= 0x3247 && c !== 0x303f) || (c >= 0x3250 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0xa4c6) || (c >= 0xa960 && c <= 0xa97c) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe10 && c <= 0xfe19) || (c >= 0xfe30 && c <= 0xfe6b) ||
    (c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1b000 && c <= 0x1b001) ||
    (c >= 0x1f200 && c <= 0x1f251) || (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x20000 && c <= 0x3fffd));
}

function isZeroWidth(c) {
  return c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xfe20 && c <= 0xfe2f) ||
    (c >= 0xe0100 && c <= 0xe01ef);
}

// Columns a string takes on a terminal (Node's getStringWidth without ICU).
function stringWidth(s) {
  s = StringPrototypeReplace(String(s), vtSequenceRe, '');
  var width = 0;
  for (var i = 0; i < s.length; i++) {
    var c = StringPrototypeCharCodeAt(s, i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      var d = StringPrototypeCharCodeAt(s, i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + d - 0xdc00 + 0x10000;
        i++;
      }
    }
    width += isFullWidth(c) ? 2 : isZeroWidth(c) ? 0 : 1;
  }
  return width;
}

function repeat(s, n) {
  return n > 0 ? ArrayPrototypeJoin(new Array(MathFloor(n) + 1), s) : '';
}

function renderRow(row, widths) {
  var out = '\u2502 ';
  for (var i = 0; i < row.length; i++) {
    out += row[i] + repeat(' ', widths[i] - stringWidth(row[i]));
    if (i !== row.length - 1) out += ' \u2502 ';
  }
  return out + ' \u2502';
}

function draw(head, columns) {
  var rows = [], widths = [], longest = 0, i, j;
  for (i = 0; i < head.length; i++) widths.push(stringWidth(head[i]));
  for (i = 0; i < columns.length; i++) longest = MathMax(longest, columns[i].length);
  for (i = 0; i < head.length; i++) {
    for (j = 0; j < longest; j++) {
      if (rows[j] === undefined) rows[j] = [];
      var value = rows[j][i] = hasOwn(columns[i], j) ? columns[i][j] : '';
      widths[i] = MathMax(widths[i] || 0, stringWidth(value));
    }
  }
  var divider = ArrayPrototypeMap(widths, function (w) { return repeat('\u2500', w + 2); });
  var out = ['\u250c' + ArrayPrototypeJoin(divider, '\u252c') + '\u2510', renderRow(head, widths),
    '\u251c' + ArrayPrototypeJoin(divider, '\u253c') + '\u2524'];
  for (i = 0; i < rows.length; i++) out.push(renderRow(rows[i], widths));
  out.push('\u2514' + ArrayPrototypeJoin(divider, '\u2534') + '\u2518');
  return ArrayPrototypeJoin(out, '\n');
}

function isIndex(k) {
  return RegExpPrototypeTest(/^(?:0|[1-9][0-9]*)$/, k) && +k < 4294967295;
}

function inspectCell(v) {
  var depth = v !== null && typeof v === 'object' && !ArrayIsArray(v) && ObjectKeys(v).length > 2 ? -1 : 0;
  return inspect(v, { depth: depth, maxArrayLength: 3, breakLength: Infinity });
}

// table(console, data, properties), called by console.table.
module.exports = function table(console, data, properties) {
  if (properties !== undefined && !ArrayIsArray(properties)) {
    throw errors.invalidArgType('properties', 'an instance of Array', properties);
  }
  if (data === null || typeof data !== 'object') return console.log(data);
  var map = ObjectCreate(null), columnKeys = [];
  var hasPrimitives = false, values = [];
  var index = ObjectKeys(data);
  for (var i = 0; i < index.length; i++) {
    var item = data[index[i]];
    var primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      values[i] = inspectCell(item);
    } else {
      var keys = properties || ObjectKeys(item);
      for (var k = 0; k < keys.length; k++) {
        var key = keys[k];
        if (map[key] === undefined) {
          map[key] = [];
          columnKeys.push(String(key));
        }
        map[key][i] = (primitive && properties) || !hasOwn(item, key) ? '' : inspectCell(item[key]);
      }
    }
  }
  // ObjectKeys(map) in V8: integer keys first, in ascending order.
  var ints = ArrayPrototypeSort(ArrayPrototypeFilter(columnKeys, isIndex), function (x, y) { return x - y; });
  columnKeys = ArrayPrototypeConcat(ints, ArrayPrototypeFilter(columnKeys, function (x) { return !isIndex(x); }));
  var head = ['(index)'], columns = [index];
  for (var c = 0; c < columnKeys.length; c++) {
    head.push(columnKeys[c]);
    columns.push(map[columnKeys[c]]);
  }
  if (hasPrimitives) {
    head.push('Values');
    columns.push(values);
  }
  return console.log(draw(head, columns));
};
