// Ground-truth probes of the lab (plain JavaScript, no build step, no dependency):
//   node reach-probe.mjs echo <host> <udp ports,> <tcp ports,>  answers every datagram with itself on each UDP
//                                                           port and accepts (then closes) TCP on each TCP port
//   node reach-probe.mjs send <host> <port> <bytes> <ms>      sends one datagram of <bytes> bytes, prints
//                                                           `echoed <n>`, `silent` or `error <code>`
//   node reach-probe.mjs tcp <host> <port> <ms>               prints `connected`, `refused`, `silent` or `error <code>`
// Every mode but echo exits 0 whatever it saw: the answer is what it prints.
import { createSocket } from 'node:dgram';
import { createConnection, createServer } from 'node:net';

const [mode, host, ...rest] = process.argv.slice(2);
const ports = (list) => (list ? list.split(',').filter(Boolean).map(Number) : []);
const done = (line) => {
  console.log(line);
  process.exit(0);
};

if (mode === 'echo') {
  const [udp, tcp] = rest;
  for (const port of ports(udp)) {
    const socket = createSocket('udp4');
    socket.on('message', (msg, from) => socket.send(msg, from.port, from.address));
    socket.bind(port, host, () => console.log(`echo udp ${host}:${port}`));
  }
  for (const port of ports(tcp)) {
    createServer((c) => c.end()).listen(port, host, () => console.log(`accept tcp ${host}:${port}`));
  }
  process.on('SIGTERM', () => process.exit(0));
} else if (mode === 'send') {
  const [port, bytes, ms] = rest;
  const socket = createSocket('udp4');
  setTimeout(() => done('silent'), Number(ms));
  socket.on('message', (msg) => done(`echoed ${msg.length}`));
  socket.on('error', (err) => done(`error ${err.code ?? err.message}`));
  socket.send(Buffer.alloc(Number(bytes), 0x5a), Number(port), host);
} else if (mode === 'tcp') {
  const [port, ms] = rest;
  const socket = createConnection({ host, port: Number(port) });
  setTimeout(() => done('silent'), Number(ms));
  socket.on('connect', () => done('connected'));
  socket.on('error', (err) => done(err.code === 'ECONNREFUSED' ? 'refused' : `error ${err.code ?? err.message}`));
} else {
  console.error('usage: reach-probe.mjs echo <host> <udp ports> <tcp ports> | send <host> <port> <bytes> <ms> | tcp <host> <port> <ms>');
  process.exit(2);
}
