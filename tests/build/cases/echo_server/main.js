// A class-based TCP echo server on loopback (no async/await: Petrel has no Promise yet).
const net = require('net');
const { EventEmitter } = require('events');

class EchoServer extends EventEmitter {
  #count = 0;
  constructor({ host = '127.0.0.1', port = 0 } = {}) {
    super();
    this.options = { host, port };
    this.server = net.createServer((sock) => this.#serve(sock));
  }
  #serve(sock) {
    this.#count++;
    sock.on('data', (chunk) => sock.write(`echo:${chunk}`));
    sock.on('end', () => sock.end());
  }
  get connections() { return this.#count; }
  start(cb) {
    const { host, port } = this.options;
    this.server.listen(port, host, () => {
      const { address, family, port: bound } = this.server.address();
      this.emit('ready', { address, family, ok: bound > 0 });
      cb?.(bound);
    });
  }
  stop() { this.server.close(); }
}

const srv = new EchoServer();
srv.on('ready', ({ address, family, ...rest }) => console.log(`listening on ${address} (${family})`, rest));
srv.start((port) => {
  const client = net.connect({ port, host: '127.0.0.1' });
  const parts = [];
  client.on('connect', () => {
    for (const word of ['alpha', 'beta']) client.write(`${word};`);
    client.end();
  });
  client.on('data', (d) => parts.push(String(d)));
  client.on('close', () => {
    const text = parts.join('');
    const words = [...text.split(';')].filter(Boolean);
    console.log('got', text.length > 0, srv.connections, words.join('|').replace(/echo:/g, '').split('|'));
    srv.stop();
  });
});
