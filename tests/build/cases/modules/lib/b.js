const a = require('./a');
module.exports = { name: 'b', sawA: `${a.name}/${a.sawB}` };
