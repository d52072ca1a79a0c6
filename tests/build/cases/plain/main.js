// ES5 only: the bundle gets no Babel helpers (nothing the app does not use).
var util = require('./util');
var parts = [];
for (var i = 0; i < 3; i++) parts.push(util.square(i));
console.log(parts.join(','), typeof parts, typeof Symbol());
