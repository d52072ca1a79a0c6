// util.inspect and console.log of Map, Set, WeakMap, WeakSet and util.types.isMap & co.; the .expected file is node v20's output.
var util = require('util');
console.log(new Map([['a', 1], ['b', 2]]), new Set([1]), new Map(), new Set());
console.log(new WeakMap(), new WeakSet());
console.log({ m: new Map([[{ x: 1 }, [1, 2]]]), s: new Set(['a', 'b']) });
var big = new Set(); for (var i = 0; i < 120; i++) big.add(i); console.log(big);
var lm = new Map(); for (i = 0; i < 30; i++) lm.set('key' + i, { value: i, name: 'n' + i }); console.log(lm);
var nested = new Map([['inner', new Map([['deep', new Set([new Map([[1, new Set([1])]])])]])]]); console.log(nested);
var cyc = new Map(); cyc.set('self', cyc); console.log(cyc);
var withProp = new Set([1]); withProp.extra = 'x'; console.log(withProp);
console.log(util.inspect(new Map([[1, 2]]), { depth: -1 }), util.types.isMap(new Map()), util.types.isSet(new Map()), util.types.isWeakMap(new WeakMap()), util.types.isWeakSet(new WeakSet()), util.types.isMap({}));
console.log('%s and %o', new Map([[1,2]]), new Set([3]));
console.log(util.inspect(new Set([1,2,3]), { maxArrayLength: 1 }));
console.log([new Map([['k', 'v']])], util.format('%j', new Map([[1, 2]])));
