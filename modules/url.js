// url: node's legacy url.parse() and url.format() (the part of node's `url` that
// packages such as `mqtt` load). Parses as node does for the common forms
// (protocol, slashes, auth, host with port or an IPv6 literal, pathname, search,
// query (an object with parseQueryString), hash); unlike node it does not escape
// spaces and quotes it finds in a URL. The WHATWG `URL` and `URLSearchParams`,
// url.resolve() and the file URL helpers are not provided.
'use strict';
var errors = require('internal/errors');

// Protocols whose URLs always have a '//' host part and a '/' path (node's lists).
var slashed = { http: true, https: true, ftp: true, gopher: true, file: true, ws: true, wss: true };
var hostless = { javascript: true };

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function decode(s) {
  s = StringPrototypeReplace(s, /\+/g, ' ');
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return s;
  }
}

// "a=1&a=2&b" -> { a: ['1', '2'], b: '' } with no prototype, as querystring.parse.
function parseQuery(qs) {
  var out = ObjectCreate(null);
  if (qs === '') return out;
  var parts = StringPrototypeSplit(qs, '&');
  for (var i = 0; i < parts.length; i++) {
    if (parts[i] === '') continue;
    var eq = StringPrototypeIndexOf(parts[i], '=');
    var k = decode(eq < 0 ? parts[i] : StringPrototypeSlice(parts[i], 0, eq));
    var v = eq < 0 ? '' : decode(StringPrototypeSlice(parts[i], eq + 1));
    if (!ObjectPrototypeHasOwnProperty(out, k)) out[k] = v;
    else if (ArrayIsArray(out[k])) out[k].push(v);
    else out[k] = [out[k], v];
  }
  return out;
}

function parse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  if (typeof url !== 'string') throw errors.invalidArgType('url', 'string', url);
  var u = new Url();
  var rest = StringPrototypeTrim(url);
  var m = /^[a-zA-Z0-9.+-]+:/.exec(rest);
  var proto = null;
  if (m) {
    proto = StringPrototypeToLowerCase(m[0]);
    u.protocol = proto;
    proto = StringPrototypeSlice(proto, 0, -1);
    rest = StringPrototypeSlice(rest, m[0].length);
  }
  if (slashesDenoteHost || proto || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    var slashes = StringPrototypeSlice(rest, 0, 2) === '//';
    if (slashes && !(proto && hostless[proto])) {
      rest = StringPrototypeSlice(rest, 2);
      u.slashes = true;
    }
  }
  if (!(proto && hostless[proto]) && (u.slashes || (proto && !slashed[proto]))) {
    var end = rest.search(/[\/?#\\\s]/);
    var hostPart = end < 0 ? rest : StringPrototypeSlice(rest, 0, end);
    rest = end < 0 ? '' : StringPrototypeSlice(rest, end);
    var at = StringPrototypeLastIndexOf(hostPart, '@');
    if (at >= 0) {
      u.auth = decode(StringPrototypeSlice(hostPart, 0, at));
      hostPart = StringPrototypeSlice(hostPart, at + 1);
    }
    var pm = /:([0-9]*)$/.exec(hostPart);
    if (pm) {
      if (pm[1] !== '') u.port = pm[1];
      hostPart = StringPrototypeSlice(hostPart, 0, hostPart.length - pm[0].length);
    }
    var ipv6 = StringPrototypeCharAt(hostPart, 0) === '[' && StringPrototypeCharAt(hostPart, hostPart.length - 1) === ']';
    u.hostname = StringPrototypeToLowerCase(ipv6 ? StringPrototypeSlice(hostPart, 1, -1) : hostPart);
    u.host = (ipv6 ? '[' + u.hostname + ']' : u.hostname) + (u.port ? ':' + u.port : '');
    if (ipv6 && StringPrototypeCharAt(rest, 0) !== '/') rest = '/' + rest;
  }
  var hash = StringPrototypeIndexOf(rest, '#');
  if (hash >= 0) {
    u.hash = StringPrototypeSlice(rest, hash);
    rest = StringPrototypeSlice(rest, 0, hash);
  }
  var q = StringPrototypeIndexOf(rest, '?');
  if (q >= 0) {
    u.search = StringPrototypeSlice(rest, q);
    u.query = StringPrototypeSlice(rest, q + 1);
    if (parseQueryString) u.query = parseQuery(u.query);
    rest = StringPrototypeSlice(rest, 0, q);
  } else if (parseQueryString) {
    u.query = ObjectCreate(null);
  }
  if (rest !== '') u.pathname = rest;
  if (proto && slashed[proto] && u.hostname && !u.pathname) u.pathname = '/';
  if (u.pathname !== null || u.search !== null) u.path = (u.pathname || '') + (u.search || '');
  u.href = format(u);
  return u;
}

function format(obj) {
  if (typeof obj === 'string') obj = parse(obj);
  else if (obj === null || typeof obj !== 'object') throw errors.invalidArgType('urlObject', 'one of type object or string', obj);
  var protocol = obj.protocol || '';
  if (protocol && StringPrototypeCharAt(protocol, protocol.length - 1) !== ':') protocol += ':';
  var auth = obj.auth ? StringPrototypeReplace(encodeURIComponent(obj.auth), /%3A/gi, ':') + '@' : '';
  var host = '';
  if (obj.host) host = auth + obj.host;
  else if (obj.hostname) {
    var h = obj.hostname;
    host = auth + (StringPrototypeIndexOf(h, ':') >= 0 ? '[' + h + ']' : h) + (obj.port ? ':' + obj.port : '');
  }
  var pathname = obj.pathname || '';
  var search = obj.search || '';
  if (!search && obj.query && typeof obj.query === 'object') {
    var keys = ObjectKeys(obj.query), parts = [];
    for (var i = 0; i < keys.length; i++) {
      var vals = ArrayIsArray(obj.query[keys[i]]) ? obj.query[keys[i]] : [obj.query[keys[i]]];
      for (var j = 0; j < vals.length; j++) parts.push(encodeURIComponent(keys[i]) + '=' + encodeURIComponent(vals[j]));
    }
    if (parts.length) search = '?' + ArrayPrototypeJoin(parts, '&');
  }
  var proto = StringPrototypeSlice(protocol, 0, -1);
  if (obj.slashes || (slashed[proto] && host)) {
    host = '//' + host;
    if (pathname && StringPrototypeCharAt(pathname, 0) !== '/') pathname = '/' + pathname;
  }
  var hash = obj.hash || '';
  if (hash && StringPrototypeCharAt(hash, 0) !== '#') hash = '#' + hash;
  if (search && StringPrototypeCharAt(search, 0) !== '?') search = '?' + search;
  return protocol + host + pathname + search + hash;
}

module.exports = { parse: parse, format: format, Url: Url };
