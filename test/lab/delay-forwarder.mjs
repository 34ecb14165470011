// A UDP forwarder that holds every datagram for a while in each direction: the
// lab's delay, since this kernel has no sch_netem (docs/measured.md).
// argv[2]: JSON { listen: { host, port }, target: { host, port }, delayMs, jitterMs }
// Each datagram waits delayMs plus a uniform 0..jitterMs of its own, so with
// jitter datagrams may overtake each other, as on a real path.
import { createSocket } from 'node:dgram';

const { listen, target, delayMs, jitterMs = 0 } = JSON.parse(process.argv[2]);
const hold = (fn) => setTimeout(fn, delayMs + Math.random() * jitterMs);

const front = createSocket('udp4');
/** One upstream socket per client, so the server tells clients apart as it would without us. */
const upstreams = new Map();

front.on('message', (data, from) => {
  const key = `${from.address}:${from.port}`;
  let up = upstreams.get(key);
  if (!up) {
    up = createSocket('udp4');
    up.bind(0, listen.host);
    up.on('message', (reply) => hold(() => front.send(reply, from.port, from.address)));
    up.on('error', () => undefined);
    upstreams.set(key, up);
  }
  hold(() => up.send(data, target.port, target.host));
});
front.on('error', (err) => {
  console.error(`delay-forwarder: ${err.message}`);
  process.exit(1);
});
front.bind(listen.port, listen.host, () =>
  console.log(`delay-forwarder on ${listen.host}:${listen.port} -> ${target.host}:${target.port}, ${delayMs} ms + 0..${jitterMs} ms`),
);
process.on('SIGTERM', () => process.exit(0));
