// Lab OTLP/HTTP logs receiver, run by the harness inside the `srv` namespace:
//   node otlp-receiver.mjs '<json config>'
// Config: { host, port, cert, key, out, rejectedOut, acceptedOut?, allowedOrigins: [..], allowedHeaders: [..], token,
//           answer?: { status, location? }, answerDelayMs? }
// (answer: every POST is answered so, as a faulty collector or proxy would; answerDelayMs: accepted records are
// answered that late; acceptedOut: a line per accepted request saying how it came: Content-Encoding, bytes on the
// wire and unpacked)
// Behaves as an OpenTelemetry Collector's otlp receiver (protocols.http with
// cors.allowed_origins / cors.allowed_headers and a bearer-token check) and
// writes what it accepts as its file exporter does: one OTLP/JSON request per
// line of `out`. It decodes every request strictly (./otlp-strict.mjs) and
// answers anything malformed with 400, writing the reason to `rejectedOut`.
import { appendFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { decodeBody, decodeLogsRequest, loadLogsRequestType } from './otlp-strict.mjs';

const config = JSON.parse(process.argv[2]);
const type = loadLogsRequestType();
const allowedOrigins = new Set(config.allowedOrigins ?? []);
// The collector always allows these (confighttp's CORS defaults), plus the configured ones.
const allowedHeaders = new Set(['accept', 'content-type', 'x-requested-with', ...(config.allowedHeaders ?? []).map((h) => h.toLowerCase())]);
const MAX_BODY = 20 * 1024 * 1024;

function corsHeaders(req) {
  const origin = req.headers.origin;
  return origin && allowedOrigins.has(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
}

function reject(req, res, status, message) {
  appendFileSync(
    config.rejectedOut,
    JSON.stringify({ at: new Date().toISOString(), method: req.method, path: req.url, status, message, origin: req.headers.origin ?? null }) + '\n',
  );
  res.writeHead(status, { 'content-type': 'application/json', ...corsHeaders(req) });
  res.end(JSON.stringify({ code: status === 401 ? 16 : 3, message }));
}

const server = createServer({ cert: readFileSync(config.cert), key: readFileSync(config.key) }, (req, res) => {
  const url = new URL(req.url ?? '/', 'https://receiver');
  if (req.method === 'OPTIONS') {
    // Preflight: answered with CORS headers only for an allowed origin, method and headers, as rs/cors does.
    const requested = String(req.headers['access-control-request-headers'] ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
    const ok =
      allowedOrigins.has(req.headers.origin) && req.headers['access-control-request-method'] === 'POST' && requested.every((h) => allowedHeaders.has(h));
    res.writeHead(
      204,
      ok
        ? {
            ...corsHeaders(req),
            'access-control-allow-methods': 'POST',
            'access-control-allow-headers': requested.join(', '),
            'access-control-max-age': '7200',
          }
        : {},
    );
    res.end();
    return;
  }
  if (url.pathname !== '/v1/logs') return reject(req, res, 404, `no receiver at ${url.pathname}`);
  if (req.method !== 'POST') return reject(req, res, 405, `${req.method} is not allowed`);
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  });
  req.on('end', () => {
    if (config.answer) {
      appendFileSync(
        config.rejectedOut,
        JSON.stringify({ at: new Date().toISOString(), method: req.method, path: req.url, status: config.answer.status, message: 'configured answer' }) + '\n',
      );
      res.writeHead(config.answer.status, { ...corsHeaders(req), ...(config.answer.location ? { location: config.answer.location } : {}) });
      res.end();
      return;
    }
    if (config.token && req.headers.authorization !== `Bearer ${config.token}`) return reject(req, res, 401, 'missing or wrong bearer token');
    if (size > MAX_BODY) return reject(req, res, 413, 'request body too large');
    let decoded;
    const wire = Buffer.concat(chunks);
    let body;
    try {
      // Like the collector: gzip (OTLP/HTTP's one optional encoding) is undone before the strict decoding.
      body = decodeBody(req.headers['content-encoding'], wire, MAX_BODY);
      decoded = decodeLogsRequest(type, req.headers['content-type'], body);
    } catch (err) {
      return reject(req, res, 400, err.message);
    }
    appendFileSync(config.out, JSON.stringify(decoded) + '\n');
    if (config.acceptedOut) {
      const encoding = req.headers['content-encoding'] ?? null;
      appendFileSync(config.acceptedOut, JSON.stringify({ at: new Date().toISOString(), encoding, wireBytes: wire.length, bytes: body.length }) + '\n');
    }
    // With answerDelayMs the record is kept at once and the answer comes late, as from a slow collector.
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json', ...corsHeaders(req) });
      // ExportLogsServiceResponse: empty = everything accepted.
      res.end('{}');
    }, config.answerDelayMs ?? 0);
  });
});
server.listen(config.port, config.host, () => console.log(`otlp receiver on ${config.host}:${config.port}`));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  process.exit(0);
});
