// boot_app.js's module (bundled with it by the APP= build).
exports.greeting = function () { return 'says hello'; };
exports.fail = function () {
  throw new Error('boom');
};
