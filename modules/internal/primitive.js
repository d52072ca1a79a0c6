// internal/primitive: how inspect prints strings, numbers and the other
// primitives. Apart from internal/inspect so that printing a primitive (the
// REPL's results, console.log(1)) does not load the object inspector, which is
// the largest built-in (~32 KB of heap on a board).
'use strict';

// util.inspect.defaultOptions (kept here: the primitive printer reads maxStringLength).
var inspectDefaults = {
  showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
  maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3,
  sorted: false, getters: false, numericSeparator: false
};
var needsEscapeSingle = /[\x00-\x1f'\\\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;
var needsEscapeOther = /[\x00-\x1f\\\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

function plural(n, word) {
  return n + ' ' + word + (n > 1 ? 's' : '');
}

function formatNumber(n) {
  if (n === 0 && 1 / n < 0) return '-0';
  return '' + n;
}

function escapeCode(c) {
  switch (c) {
    case 8: return '\\b';
    case 9: return '\\t';
    case 10: return '\\n';
    case 12: return '\\f';
    case 13: return '\\r';
    case 39: return "\\'";
    case 92: return '\\\\';
  }
  return '\\x' + (c < 16 ? '0' : '') + c.toString(16).toUpperCase();
}

// Quote a string the way Node does: single quotes unless the text holds one,
// then double quotes or backticks; control characters and lone surrogates escaped.
function quoteString(s) {
  var quote = "'";
  if (s.indexOf("'") !== -1) {
    if (s.indexOf('"') === -1) quote = '"';
    else if (s.indexOf('`') === -1 && s.indexOf('${') === -1) quote = '`';
  }
  var re = quote === "'" ? needsEscapeSingle : needsEscapeOther;
  if (!re.test(s)) return quote + s + quote;
  var out = [], last = 0, len = s.length;
  for (var i = 0; i < len; i++) {
    var c = s.charCodeAt(i), rep = null;
    if (c < 32 || (c >= 0x7f && c <= 0x9f) || c === 92 || (c === 39 && quote === "'")) {
      rep = escapeCode(c);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < len) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
      }
      rep = '\\u' + c.toString(16);
    }
    if (rep !== null) {
      if (i > last) out.push(s.slice(last, i));
      out.push(rep);
      last = i + 1;
    }
  }
  if (last < len) out.push(s.slice(last));
  return quote + out.join('') + quote;
}

function formatString(s, maxLength) {
  if (s.length > maxLength) {
    var rest = s.length - maxLength;
    return quoteString(s.slice(0, maxLength)) + '... ' + plural(rest, 'more character');
  }
  return quoteString(s);
}

function formatPrimitive(v, maxStringLength) {
  switch (typeof v) {
    case 'string': return formatString(v, maxStringLength);
    case 'number': return formatNumber(v);
    case 'undefined': return 'undefined';
    case 'boolean': return v ? 'true' : 'false';
    case 'symbol': return v.toString();
    case 'bigint': return String(v) + 'n';
  }
  return String(v);
}

function isPrimitive(v) {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

// inspect(v) for a primitive v.
function inspectPrimitive(v) {
  return formatPrimitive(v, inspectDefaults.maxStringLength);
}

module.exports = {
  inspectDefaults: inspectDefaults,
  isPrimitive: isPrimitive,
  inspectPrimitive: inspectPrimitive,
  formatNumber: formatNumber,
  quoteString: quoteString,
  formatString: formatString,
  formatPrimitive: formatPrimitive,
  plural: plural
};
