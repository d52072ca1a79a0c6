// A strict file whose directive comes after comments: built, it stays strict
// (Babel's helpers go after the directive, not before it).
'use strict';
class Point { constructor(x) { this.x = x; } }
const self = (function () { return this; })();
let threw = false;
try { undeclaredName = 1; } catch (e) { threw = e instanceof ReferenceError; }
console.log(self === undefined, threw, new Point(2).x);
