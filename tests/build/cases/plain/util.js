exports.square = function (n) { return n * n; };
