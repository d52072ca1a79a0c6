// tests/build/mqtt/broker.js: a small MQTT 3.1.1 broker for the mqtt app's test, in
// plain node (written for this test): CONNECT/CONNACK, SUBSCRIBE/SUBACK (topic
// filters with + and #), UNSUBSCRIBE/UNSUBACK, PUBLISH QoS 0 and 1 (PUBACK both ways,
// forwarded at min(publish, subscription) QoS), PINGREQ/PINGRESP, DISCONNECT.
// node broker.js LOG [ADDR]: listens on ADDR (127.0.0.1) on a free port, prints "port N";
// appends one line per packet received ("<client> TYPE details") to LOG, and
// "<client> closed" when a connection ends. A malformed packet closes the connection
// and is logged as such.
'use strict';
const net = require('net');
const fs = require('fs');
const logFile = process.argv[2];
const log = (line) => fs.appendFileSync(logFile, line + '\n');
const clients = new Set();

const NAMES = ['?', 'CONNECT', 'CONNACK', 'PUBLISH', 'PUBACK', 'PUBREC', 'PUBREL', 'PUBCOMP',
  'SUBSCRIBE', 'SUBACK', 'UNSUBSCRIBE', 'UNSUBACK', 'PINGREQ', 'PINGRESP', 'DISCONNECT', '?'];

function packet(type, flags, body) {
  const len = [];
  let n = body.length;
  do { let b = n % 128; n = Math.floor(n / 128); if (n > 0) b |= 128; len.push(b); } while (n > 0);
  return Buffer.concat([Buffer.from([(type << 4) | flags].concat(len)), body]);
}
const u16 = (n) => Buffer.from([n >> 8, n & 255]);
const str = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([u16(b.length), b]); };

function matches(filter, topic) {
  const f = filter.split('/'), t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
  }
  return f.length === t.length;
}

function Reader(buf) { this.buf = buf; this.pos = 0; }
Reader.prototype.u8 = function () { if (this.pos >= this.buf.length) throw new Error('short'); return this.buf[this.pos++]; };
Reader.prototype.u16 = function () { return (this.u8() << 8) | this.u8(); };
Reader.prototype.bytes = function (n) {
  if (this.pos + n > this.buf.length) throw new Error('short');
  const b = this.buf.subarray(this.pos, this.pos + n); this.pos += n; return b;
};
Reader.prototype.str = function () { return this.bytes(this.u16()).toString('utf8'); };
Reader.prototype.rest = function () { return this.bytes(this.buf.length - this.pos); };

function deliver(topic, payload, qos) {
  for (const c of clients) {
    let best = -1;
    for (const [filter, q] of c.subs) if (matches(filter, topic)) best = Math.max(best, q);
    if (best < 0) continue;
    const q = Math.min(qos, best);
    const parts = [str(topic)];
    if (q > 0) { c.nextId = (c.nextId % 65535) + 1; parts.push(u16(c.nextId)); }
    parts.push(payload);
    c.sock.write(packet(3, q << 1, Buffer.concat(parts)));
  }
}

function handle(c, type, flags, body) {
  const r = new Reader(body);
  const name = c.id === undefined ? '-' : c.id;
  switch (type) {
    case 1: { // CONNECT
      const proto = r.str(), level = r.u8(), cflags = r.u8(), keepalive = r.u16();
      c.id = r.str();
      log(`${c.id} CONNECT ${proto} level=${level} clean=${(cflags >> 1) & 1} keepalive=${keepalive > 0 ? 'on' : 'off'}`);
      c.sock.write(packet(2, 0, Buffer.from([0, level === 4 ? 0 : 1])));
      break;
    }
    case 3: { // PUBLISH
      const qos = (flags >> 1) & 3, topic = r.str();
      const id = qos > 0 ? r.u16() : 0;
      const payload = r.rest();
      log(`${name} PUBLISH qos=${qos} retain=${flags & 1} ${topic} ${JSON.stringify(payload.toString('utf8'))}`);
      if (qos === 1) c.sock.write(packet(4, 0, u16(id)));
      deliver(topic, payload, Math.min(qos, 1));
      break;
    }
    case 4: log(`${name} PUBACK`); r.u16(); break;
    case 8: { // SUBSCRIBE
      const id = r.u16(), granted = [];
      while (r.pos < body.length) {
        const filter = r.str(), qos = r.u8() & 3;
        c.subs.set(filter, Math.min(qos, 1)); granted.push(Math.min(qos, 1));
        log(`${name} SUBSCRIBE ${filter} qos=${qos}`);
      }
      c.sock.write(packet(9, 0, Buffer.concat([u16(id), Buffer.from(granted)])));
      break;
    }
    case 10: { // UNSUBSCRIBE
      const id = r.u16();
      while (r.pos < body.length) { const filter = r.str(); c.subs.delete(filter); log(`${name} UNSUBSCRIBE ${filter}`); }
      c.sock.write(packet(11, 0, u16(id)));
      break;
    }
    case 12: log(`${name} PINGREQ`); c.sock.write(packet(13, 0, Buffer.alloc(0))); break;
    case 14: log(`${name} DISCONNECT`); c.sock.end(); break;
    default: throw new Error('unexpected ' + NAMES[type]);
  }
}

const server = net.createServer((sock) => {
  const c = { sock, subs: new Map(), nextId: 0, id: undefined };
  clients.add(c);
  let buf = Buffer.alloc(0);
  sock.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    try {
      for (;;) {
        let len = 0, mul = 1, i = 1;
        for (;; i++) {
          if (i >= buf.length) return;
          len += (buf[i] & 127) * mul; mul *= 128;
          if (!(buf[i] & 128)) break;
          if (i === 4) throw new Error('bad length');
        }
        if (buf.length < i + 1 + len) return;
        handle(c, buf[0] >> 4, buf[0] & 15, buf.subarray(i + 1, i + 1 + len));
        buf = buf.subarray(i + 1 + len);
      }
    } catch (e) {
      log(`${c.id} malformed: ${e.message}`); sock.destroy();
    }
  });
  sock.on('error', () => {});
  sock.on('close', () => { clients.delete(c); log(`${c.id} closed`); });
});
server.listen(0, process.argv[3] || '127.0.0.1', () => console.log('port ' + server.address().port));
