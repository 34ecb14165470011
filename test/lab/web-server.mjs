// Lab web server, run by the harness inside the `srv` namespace:
//   node web-server.mjs '<json config>'
// Config: { listeners: [{ host, port, cert?, key?, mode }] } where mode is
//   "web"        HTTPS (or HTTP without cert) that answers 204 and accepts WebSocket upgrades
//   "no-upgrade" like "web" but answers every upgrade with 403, as a filtering proxy would
//   "silent"     accepts TCP connections and never says a word
// Plain JavaScript so Node runs it without a build step; no dependency.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { createServer as createTcp } from 'node:net';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const config = JSON.parse(process.argv[2]);

function onRequest(req, res) {
  res.writeHead(204, { 'cache-control': 'no-store', 'access-control-allow-origin': '*', 'timing-allow-origin': '*' });
  res.end();
}

function acceptUpgrade(req, socket) {
  const key = req.headers['sec-websocket-key'];
  const accept = createHash('sha1')
    .update(key + WS_GUID)
    .digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' + `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
  // Keep the socket open; the probe closes it.
  socket.on('error', () => {});
}

function refuseUpgrade(req, socket) {
  socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
}

const sockets = new Set();
for (const l of config.listeners) {
  let server;
  if (l.mode === 'silent') {
    server = createTcp((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
  } else {
    server = l.cert ? createHttps({ cert: readFileSync(l.cert), key: readFileSync(l.key) }, onRequest) : createHttp(onRequest);
    server.on('upgrade', l.mode === 'no-upgrade' ? refuseUpgrade : acceptUpgrade);
    server.on('tlsClientError', () => {});
  }
  server.listen(l.port, l.host, () => console.log(`listening ${l.mode} ${l.host}:${l.port}`));
}
process.on('SIGTERM', () => process.exit(0));
