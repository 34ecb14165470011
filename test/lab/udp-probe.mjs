// Ground-truth UDP probe of the lab (plain JavaScript, no build step, no dependency):
//   node udp-probe.mjs echo <host> <port>                 answers every datagram with itself
//   node udp-probe.mjs send <host> <port> <bytes> <ms>    sends one datagram of <bytes> bytes, prints
//                                                         `echoed <n>` or `silent`, exits 0 either way
import { createSocket } from 'node:dgram';

const [mode, host, port, bytes, ms] = process.argv.slice(2);
const socket = createSocket('udp4');
if (mode === 'echo') {
  socket.on('message', (msg, from) => socket.send(msg, from.port, from.address));
  socket.bind(Number(port), host, () => console.log(`echo listening ${host}:${port}`));
  process.on('SIGTERM', () => process.exit(0));
} else if (mode === 'send') {
  const payload = Buffer.alloc(Number(bytes), 0x5a);
  const timer = setTimeout(() => {
    console.log('silent');
    process.exit(0);
  }, Number(ms));
  socket.on('message', (msg) => {
    clearTimeout(timer);
    console.log(`echoed ${msg.length}`);
    process.exit(0);
  });
  socket.on('error', (err) => {
    clearTimeout(timer);
    console.log(`error ${err.code ?? err.message}`);
    process.exit(0);
  });
  socket.send(payload, Number(port), host);
} else {
  console.error('usage: udp-probe.mjs echo <host> <port> | send <host> <port> <bytes> <ms>');
  process.exit(2);
}
