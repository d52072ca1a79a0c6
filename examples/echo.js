// A TCP echo server and a client talking to it, in one script, written as a Node 20
// user writes it. Run: make run-example (it builds this file to ES5 first:
// tools/petrel-tool build examples/echo.js -o out.js, then build/linux/petrel out.js).
const net = require('net');
const { once } = require('events');

class EchoServer {
  constructor() {
    this.server = net.createServer((socket) => this.serve(socket));
  }

  serve(socket) {
    console.log(`server: connection from ${socket.remoteAddress}:${socket.remotePort}`);
    socket.pipe(socket); // echo everything back
    socket.on('end', () => console.log('server: client ended'));
  }

  async listen(host) {
    this.server.listen(0, host);
    await once(this.server, 'listening');
    const { address, port } = this.server.address();
    console.log(`server: listening on ${address}:${port}`);
    return port;
  }
}

async function main() {
  const echo = new EchoServer();
  const port = await echo.listen('127.0.0.1');

  const client = net.connect(port, '127.0.0.1');
  await once(client, 'connect');
  console.log('client: connected');
  client.end('Hello from Petrel!');

  let reply = '';
  client.setEncoding('utf8');
  for await (const chunk of client) reply += chunk;
  console.log(`client: echoed back: ${reply}`);

  echo.server.close(() => console.log('server: closed'));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
