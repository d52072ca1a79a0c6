// A static require of a file that does not exist: a build error naming it.
const x = require('./nowhere');
console.log(x);
