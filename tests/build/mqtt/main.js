// An MQTT client app as a node user writes it, on the npm `mqtt` package (the version
// of tests/build/mqtt/package-lock.json, installed by `tools/setup.sh mqtt`): connects
// to the broker at HOST PORT (its arguments) over TCP, subscribes, publishes at QoS 0 and 1,
// receives its own messages, waits for a keep-alive ping's answer, unsubscribes and
// ends cleanly. tests/build/run.sh runs it built on each board and under node, against
// tests/build/mqtt/broker.js: the output and the broker's log must be the same.
const net = require('net');
const { once } = require('events');
const { MqttClient } = require('mqtt');

const [host = '127.0.0.1', port = '1883'] = process.argv.slice(2);

class Inbox {
  #waiting = [];
  #messages = [];
  constructor(client) {
    client.on('message', (topic, payload, { qos, retain }) => {
      const message = { topic, text: payload.toString(), qos, retain };
      const next = this.#waiting.shift();
      if (next) next(message); else this.#messages.push(message);
    });
  }
  next() {
    if (this.#messages.length) return Promise.resolve(this.#messages.shift());
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
}

const show = ({ topic, text, qos, retain }) => `${topic} "${text}" qos=${qos} retain=${retain}`;

async function main() {
  // mqtt.connect() would load the package's WebSocket transport too (the `ws` package,
  // which needs http, https, crypto and zlib): the client is made on a TCP stream instead.
  // writeCache: false: else the first packet makes mqtt-packet fill a cache of 65,536
  // two-byte Buffers (one per packet id), megabytes of heap on a device.
  const client = new MqttClient(() => net.connect(Number(port), host), {
    clientId: 'petrel-app', keepalive: 1, reconnectPeriod: 0, writeCache: false,
  });
  await once(client, 'connect');
  console.log(`connected: ${client.connected}, protocol version ${client.options.protocolVersion}`);
  const inbox = new Inbox(client);

  const granted = await client.subscribeAsync({ 'petrel/#': { qos: 1 }, 'other/+/x': { qos: 0 } });
  console.log('granted:', granted.map(({ topic, qos }) => `${topic}@${qos}`).join(', '));

  await client.publishAsync('petrel/qos0', 'at most once');
  console.log('got', show(await inbox.next()));

  const puback = await client.publishAsync('petrel/qos1', Buffer.from('at least once'), { qos: 1 });
  console.log(`published qos 1: ${puback.cmd}, message id in 1..65535: ${puback.messageId >= 1 && puback.messageId <= 65535}`);
  console.log('got', show(await inbox.next()));

  const data = { n: 42, list: [1, 2, 3], nested: { ok: true } };
  await client.publishAsync('other/a/x', JSON.stringify(data));
  const { text } = await inbox.next();
  console.log('json back:', JSON.parse(text).list.reduce((a, b) => a + b, 0) === 6 ? 'same' : text);

  // A keep-alive round trip: with nothing sent for a second the client pings.
  await new Promise((resolve) => {
    client.on('packetreceive', function onPacket({ cmd }) {
      if (cmd !== 'pingresp') return;
      client.removeListener('packetreceive', onPacket);
      resolve();
    });
  });
  console.log('pingresp received');

  await client.unsubscribeAsync('petrel/#');
  await client.publishAsync('petrel/after', 'not for us', { qos: 1 });
  await client.publishAsync('other/b/x', 'still subscribed');
  console.log('got', show(await inbox.next()));

  await client.endAsync();
  console.log(`ended: connected ${client.connected}, disconnected ${client.disconnected}`);
}

main().catch((err) => {
  console.log('failed:', err.message);
  process.exitCode = 1;
});
