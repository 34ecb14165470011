// Lab HTTPS file server, run by the harness inside the `srv` namespace, as a
// district's web server publishing the release (updates.xml and the CRX):
//   node static-server.mjs '{"host","port","cert","key","root"}'
// Serves files under `root` (re-read on every request, so a test can publish
// a new version by writing files) and prints one line per request:
// "<status> <method> <path and query>". Plain JavaScript, no dependency.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';

const config = JSON.parse(process.argv[2]);
const TYPES = { '.xml': 'text/xml', '.crx': 'application/x-chrome-extension' };

const server = createServer({ cert: readFileSync(config.cert), key: readFileSync(config.key) }, async (req, res) => {
  const url = new URL(req.url, 'https://lab');
  const path = normalize(decodeURIComponent(url.pathname));
  let status = 404;
  try {
    if (path.includes('..')) throw new Error('outside root');
    const body = await readFile(join(config.root, path));
    status = 200;
    const type = Object.entries(TYPES).find(([ext]) => path.endsWith(ext))?.[1] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-length': 0 });
    res.end();
  }
  console.log(`${status} ${req.method} ${req.url}`);
});
server.on('tlsClientError', () => {});
server.listen(config.port, config.host, () => console.log(`listening ${config.host}:${config.port}`));
process.on('SIGTERM', () => process.exit(0));
