exports.name = 'a';
const b = require('./b');  // b requires a back: it sees a's exports so far
exports.sawB = b.name;
exports.getB = () => require('./b');
