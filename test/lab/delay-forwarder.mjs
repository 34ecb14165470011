// A UDP forwarder that holds every datagram for a while in each direction: the
// lab's delay, since this kernel has no sch_netem (docs/measured.md).
// argv[2]: JSON { listen: { host, port }, target: { host, port }, delayMs, jitterMs }
// Each datagram waits delayMs plus a uniform 0..jitterMs of its own, so with
// jitter datagrams may overtake each other, as on a real path.
import { createSocket } from 'node:dgram';
import { performance } from 'node:perf_hooks';

const { listen, target, delayMs, jitterMs = 0 } = JSON.parse(process.argv[2]);
/** How long datagrams were actually held (timers fire late on a loaded machine): what the lab really imposed. */
let holds = [];
const hold = (fn) => {
  const received = performance.now();
  setTimeout(
    () => {
      holds.push(performance.now() - received);
      fn();
    },
    delayMs + Math.random() * jitterMs,
  );
};
// SIGUSR2: print the holds since the last signal as one JSON line, and start over.
process.on('SIGUSR2', () => {
  const sorted = [...holds].sort((a, b) => a - b);
  const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null;
  console.log(`holds ${JSON.stringify({ n: sorted.length, mean, median: at(0.5), p90: at(0.9), max: at(1) })}`);
  holds = [];
});

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
