// Run as it is (not built): Duktape cannot parse this.
const greet = (name) => `hello ${name}`;
console.log(greet('x'));
