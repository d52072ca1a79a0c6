// diff_compare.js NODE_OUT PETREL_OUT REPLAY [BOARD]: compares two diff_fuzz.js outputs line by
// line (run with node). Lines that differ in a way diff_known.js lists are counted per
// entry; any other difference is a divergence: the first few are printed with REPLAY
// (the command that reruns the seed). Prints "known N: WHY" per entry seen, then
// "divergences N" and exits 1 if N > 0 or the outputs have different lengths.
'use strict';
var fs = require('fs');
var known = require('./diff_known.js').known;
var a = fs.readFileSync(process.argv[2], 'utf8').split('\n');
var b = fs.readFileSync(process.argv[3], 'utf8').split('\n');
var replay = process.argv[4] || '';
var board = process.argv[5] || 'linux';
function parse(l) { // "N NAME -> OUTCOME" or "const NAME -> ..." or another line
  var m = /^(\d+ |)(.*?) -> (.*)$/.exec(l);
  return m ? { call: m[2], outcome: m[3] } : { call: l, outcome: '' };
}
var seen = known.map(function () { return 0; }), div = [], n = Math.max(a.length, b.length);
for (var i = 0; i < n; i++) {
  if (a[i] === b[i]) continue;
  var x = parse(a[i] === undefined ? '(none)' : a[i]), y = parse(b[i] === undefined ? '(none)' : b[i]);
  var k = -1;
  if (x.call === y.call) {
    for (var j = 0; j < known.length && k < 0; j++) {
      if (known[j].call.test(x.call) && known[j].node.test(x.outcome) && known[j].petrel.test(y.outcome) &&
          (!known[j].board || known[j].board.test(board))) k = j;
    }
  }
  if (k >= 0) seen[k]++;
  else div.push('line ' + (i + 1) + '\n       node:   ' + a[i] + '\n       petrel: ' + b[i]);
}
known.forEach(function (e, j) { if (seen[j]) console.log('known ' + seen[j] + ': ' + e.why); });
div.slice(0, 5).forEach(function (d) { console.log('DIVERGENCE ' + d); });
if (div.length) console.log('divergences ' + div.length + ' (the first is the one to look at; replay: ' + replay + ')');
else console.log('divergences 0');
process.exit(div.length ? 1 : 0);
