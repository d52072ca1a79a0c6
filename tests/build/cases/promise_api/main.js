// Node's promise APIs from modern code, as a Node 20 user writes it (#18): a class-based
// TCP server started with `await once(server, 'listening')`, sockets read with
// `for await`, `await setTimeout()` from timers/promises, util.promisify, dns.promises
// and stream/promises, all by node: names. The output is node's.
const net = require('node:net');
const { once, EventEmitter } = require('node:events');
const { setTimeout: sleep, setInterval } = require('node:timers/promises');
const { promisify } = require('node:util');
const { pipeline } = require('node:stream/promises');
const { PassThrough, Writable } = require('node:stream');
const dns = require('node:dns');

class UpperServer extends EventEmitter {
  // half-open: the answer goes after the request's end
  #server = net.createServer({ allowHalfOpen: true }, (socket) => this.#serve(socket));
  count = 0;

  async start() {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    const { port, family } = this.#server.address();
    return { port, family };
  }

  async #serve(socket) {
    let received = '';
    // a plain for-await would destroy the socket at the loop's end, as in node
    for await (const chunk of socket.iterator({ destroyOnReturn: false })) received += chunk;
    socket.end(received.toUpperCase());
    this.emit('served', ++this.count, received.length);
  }

  async stop() {
    await promisify(this.#server.close).call(this.#server);
  }
}

async function ask(port, text) {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.end(text);
  const chunks = [];
  for await (const chunk of socket) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

async function main() {
  const server = new UpperServer();
  server.on('served', (n, length) => console.log(`served #${n}: ${length} bytes`));
  const { port, family } = await server.start();
  console.log(`listening: ${typeof port} ${family}`);
  console.log(await ask(port, 'hello'));
  const answers = await Promise.all(['one', 'two'].map((t) => ask(port, t)));
  console.log(answers.sort().join(' '));

  const started = Date.now();
  const value = await sleep(10, 'slept');
  console.log(value, Date.now() - started >= 9);
  let ticks = 0;
  for await (const tick of setInterval(2, 'tick')) {
    if (++ticks === 3) break;
  }
  console.log(`ticks: ${ticks}`);

  const { address } = await dns.promises.lookup('127.0.0.1');
  const viaPromisify = await promisify(dns.lookup)('127.0.0.1');
  console.log(address, viaPromisify.family);

  const got = [];
  const source = new PassThrough();
  source.end('piped');
  await pipeline(source, new Writable({ write(chunk, _e, cb) { got.push(`${chunk}`); cb(); } }));
  console.log(got.join());

  try {
    await once(new EventEmitter().on('newListener', function (name) {
      if (name === 'go') process.nextTick(() => this.emit('error', new Error('refused')));
    }), 'go');
  } catch ({ message }) {
    console.log(`once rejected: ${message}`);
  }
  await server.stop();
  console.log('stopped');
}

main().catch((e) => {
  console.log('failed', e);
  process.exitCode = 1;
});
