// url.parse/url.format (node's legacy API) and tty.isatty: what packages such as mqtt
// and debug call at load time. The .expected beside it is node 20's output.
var url = require('url');
var tty = require('tty');
var list = ['mqtt://localhost:1883', 'mqtt://u:p@Host.COM:1883/a/b?clientId=x&y=1+2#h', 'tcp://[::1]:1883',
  'ws://h/mqtt', 'mqtt://h?a=1&a=2&b', 'localhost:1883', '/rel?x', 'http://example.com', 'HTTP://A.com:80/x?y#z',
  'mqtts://test.mosquitto.org:8883', '//host/p', 'x', '  mqtt://h:1/  ', 'mqtt://%41b:c%40d@h/p?q=%zz'];
list.forEach(function (s) {
  var u = url.parse(s, true), o = {};
  Object.keys(u).forEach(function (k) { o[k] = u[k] && typeof u[k] === 'object' ? Object.assign({}, u[k]) : u[k]; });
  console.log(JSON.stringify(o));
  console.log(JSON.stringify(url.parse(s).query), url.format(u), url.format(s), url.parse(s) instanceof url.Url);
});
console.log(url.parse('//h/p', false, true).host, url.parse('//h/p').host);
console.log(url.format({ protocol: 'mqtt', hostname: 'h', port: 1, pathname: 'p', query: { a: 'b c' } }));
console.log(url.format({ protocol: 'http:', host: 'x.org', auth: 'a b:c', hash: 'top', search: 'q=1' }));
[function () { url.format(5); }, function () { url.parse(5); }, function () { url.parse(null); }].forEach(function (f) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
});
// The console's fds are a terminal when process.stdout is one (a pipe here, the UART on
// a board); no other fd is.
console.log(tty.isatty(1) === !!process.stdout.isTTY, tty.isatty(0) === tty.isatty(1), tty.isatty(99), tty.isatty(-1),
  tty.isatty('1'), typeof tty.isatty);
