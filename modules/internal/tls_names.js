// Names in TLS (part of internal/tls): Node's host name check of a peer's
// certificate, and what a ClientHello asks for (for SNICallback and 'resumeSession').
'use strict';
var net = require('net');
var errors = require('internal/errors');
var binding = process.binding('tls');

// ---- host name checks (Node's rules: RFC 6125, wildcard in the first label) ----
function splitAltNames(s) {
  // "DNS:a, IP Address:1.2.3.4, DNS:\"quoted, name\"" -> ['DNS:a', 'IP Address:1.2.3.4', ...]
  var out = [], cur = [], inQuote = false;
  for (var i = 0; i < s.length; i++) {
    var ch = StringPrototypeCharAt(s, i);
    if (inQuote) {
      if (ch === '\\' && i + 1 < s.length) { cur.push(StringPrototypeCharAt(s, ++i)); continue; }
      if (ch === '"') { inQuote = false; continue; }
      cur.push(ch);
    } else if (ch === '"') {
      inQuote = true;
    } else if (ch === ',' && StringPrototypeCharAt(s, i + 1) === ' ') {
      out.push(ArrayPrototypeJoin(cur, ''));
      cur = [];
      i++;
    } else {
      cur.push(ch);
    }
  }
  if (cur.length) out.push(ArrayPrototypeJoin(cur, ''));
  return out;
}

function lowerNoDot(name) { return StringPrototypeReplace(StringPrototypeToLowerCase(name), /\.$/, ''); }

function hostMatches(host, pattern, wildcards) {
  // Both lower case, no trailing dot.
  if (host === pattern) return true;
  if (!wildcards) return false;
  var hp = StringPrototypeSplit(host, '.'), pp = StringPrototypeSplit(pattern, '.');
  if (hp.length !== pp.length || pp.length < 3) return false;
  for (var i = 1; i < pp.length; i++) if (hp[i] !== pp[i]) return false;
  var p = pp[0], h = hp[0];
  var star = StringPrototypeIndexOf(p, '*');
  if (star < 0) return p === h;
  if (StringPrototypeIndexOf(p, '*', star + 1) >= 0) return false;
  if (RegExpPrototypeTest(/^xn--/, h) && p !== '*') return false;
  var pre = p.slice(0, star), post = p.slice(star + 1);
  return h.length >= pre.length + post.length && h.slice(0, pre.length) === pre &&
    h.slice(h.length - post.length) === post;
}

function altnameError(reason, host, cert) {
  var e = errors.codeError('ERR_TLS_CERT_ALTNAME_INVALID',
    "Hostname/IP does not match certificate's altnames: " + reason);
  e.reason = reason;
  e.host = host;
  e.cert = cert;
  return e;
}

exports.checkServerIdentity = function (hostname, cert) {
  var subject = cert && cert.subject;
  var altNames = cert && cert.subjectaltname;
  var dnsNames = [], ips = [];
  hostname = String(hostname);
  if (altNames) {
    var parts = splitAltNames(altNames);
    for (var i = 0; i < parts.length; i++) {
      var n = parts[i];
      if (StringPrototypeIndexOf(n, 'DNS:') === 0) dnsNames.push(StringPrototypeSlice(n, 4));
      else if (StringPrototypeIndexOf(n, 'IP Address:') === 0) ips.push(binding.canonicalIP(StringPrototypeSlice(n, 11)) || StringPrototypeSlice(n, 11));
    }
  }
  var reason;
  if (net.isIP(hostname)) {
    var canon = binding.canonicalIP(hostname);
    if (ArrayPrototypeIndexOf(ips, canon) >= 0) return undefined;
    reason = 'IP: ' + hostname + " is not in the cert's list: " + ArrayPrototypeJoin(ips, ', ');
    return altnameError(reason, hostname, cert);
  }
  var host = lowerNoDot(hostname);
  if (dnsNames.length > 0) {
    for (var j = 0; j < dnsNames.length; j++) {
      if (hostMatches(host, lowerNoDot(dnsNames[j]), true)) return undefined;
    }
    reason = 'Host: ' + hostname + ". is not in the cert's altnames: " + altNames;
    return altnameError(reason, hostname, cert);
  }
  if (!altNames || ips.length === 0) {
    var cn = subject && subject.CN;
    if (cn) {
      var cns = ArrayIsArray(cn) ? cn : [cn];
      for (var k = 0; k < cns.length; k++) {
        if (hostMatches(host, lowerNoDot(String(cns[k])), true)) return undefined;
      }
      reason = 'Host: ' + hostname + ". is not cert's CN: " + ArrayPrototypeJoin(cns, ', ');
    } else {
      reason = 'Cert does not contain a DNS name';
    }
    return altnameError(reason, hostname, cert);
  }
  reason = 'Host: ' + hostname + ". is not in the cert's altnames: " + altNames;
  return altnameError(reason, hostname, cert);
};

// What a server decides before mbedTLS sees the ClientHello (SNICallback,
// 'resumeSession'): { servername: string or null, sessionId: Buffer, ticket: whether
// it offers a session ticket }; null when the record is not a ClientHello (mbedTLS
// will say what is wrong), undefined while the record is incomplete.
exports.parseHello = function (b) {
  if (b.length < 5) return undefined;
  if (b[0] !== 22) return null;
  var end = 5 + ((b[3] << 8) | b[4]);
  if (end > 5 + 18432) return null; // longer than TLS allows: not held here, mbedTLS refuses it
  if (b.length < end) return undefined;
  var p = 5 + 4 + 2 + 32; // record header, handshake header, version, random
  if (b[5] !== 1 || p >= end || b[p] > 32 || p + 1 + b[p] > end) return null;
  var hello = { servername: null, sessionId: Buffer.from(b.slice(p + 1, p + 1 + b[p])), ticket: false };
  p += 1 + b[p];
  if (p + 2 > end) return null;
  p += 2 + ((b[p] << 8) | b[p + 1]); // cipher suites
  if (p >= end) return null;
  p += 1 + b[p]; // compression methods
  if (p + 2 > end) return hello; // no extensions
  var extEnd = MathMin(end, p + 2 + ((b[p] << 8) | b[p + 1]));
  for (p += 2; p + 4 <= extEnd; p += 4 + ((b[p + 2] << 8) | b[p + 3])) {
    var type = (b[p] << 8) | b[p + 1], size = (b[p + 2] << 8) | b[p + 3];
    if (type === 35) hello.ticket = size > 0; // session_ticket (RFC 5077): empty asks for one
    if (type !== 0 || hello.servername !== null) continue;
    var q = p + 6, listEnd = MathMin(p + 4 + size, extEnd);
    for (; q + 3 <= listEnd && hello.servername === null; q += 3 + ((b[q + 1] << 8) | b[q + 2])) {
      var len = (b[q + 1] << 8) | b[q + 2];
      if (b[q] === 0 && q + 3 + len <= listEnd) hello.servername = b.toString('latin1', q + 3, q + 3 + len);
    }
  }
  return hello;
};
