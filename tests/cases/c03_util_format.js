// util.format and console.log formatting of common values.
var util = require('util');
console.log(util.format('%s is %d years and %i days, %f%%', 'Bob', 42.5, 7.9, 1.5));
console.log(util.format('%j', { a: [1, 'x'] }), util.format('%s', null), util.format('%d', '12'));
console.log(util.format('extra', 1, 'two', [3], { four: 4 }));
console.log(util.format('%s:%s', 'only one'));
console.log([1, 'two', { three: 3 }, [4, [5, [6, [7]]]]]);
console.log({ a: 1, 'b-c': 'str', d: undefined, e: null, f: function named() {} });
console.log(util.inspect('quoted'), util.inspect(-0), util.inspect([,'hole']));
console.log(new Error('msg').message, typeof util.inspect(new Error('x')));
var circ = { name: 'c' }; circ.self = circ;
console.log(util.inspect(circ));
console.log(Buffer.from('hi there'));
console.log(new Uint8Array([1, 2, 3]));
console.log(util.inspect({ a: { b: { c: { d: 1 } } } }));
console.log(util.inspect(new Date(0)), util.inspect(/re/g), true, 3.25, undefined);
