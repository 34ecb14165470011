// Strict OTLP/HTTP logs decoding against the official protobuf definitions
// (./otlp-proto), for the lab's receiver and its unit test. Plain JavaScript so
// the receiver runs in the lab namespace without a build step.
//
// JSON follows the OTLP/JSON mapping (opentelemetry-proto docs/specification.md):
// lowerCamelCase field names, enums as integers, 64-bit integers as decimal
// strings or numbers, traceId/spanId as hex, other bytes as base64. Stricter than
// the specification on purpose: an unknown field name is rejected (a real
// collector ignores it, so a misspelt field would be lost without a word).
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import protobuf from 'protobufjs';

const PROTO_DIR = join(import.meta.dirname, 'otlp-proto');
const HEX_IDS = { traceId: 32, spanId: 16 };

/** The ExportLogsServiceRequest type, loaded from the .proto files with camelCase field names. */
export function loadLogsRequestType() {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => join(PROTO_DIR, target);
  root.loadSync('opentelemetry/proto/collector/logs/v1/logs_service.proto', { keepCase: false });
  root.resolveAll();
  return root.lookupType('opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest');
}

class OtlpError extends Error {}
const fail = (path, message) => {
  throw new OtlpError(`${path || '(root)'}: ${message}`);
};
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

const RANGE32 = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  sint32: [-(2 ** 31), 2 ** 31 - 1],
  sfixed32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
  fixed32: [0, 2 ** 32 - 1],
};
const INT64 = new Set(['int64', 'sint64', 'sfixed64', 'uint64', 'fixed64']);

function scalar(field, value, path) {
  const type = field.type;
  if (type === 'string') return typeof value === 'string' ? value : fail(path, `expected a string, got ${typeof value}`);
  if (type === 'bool') return typeof value === 'boolean' ? value : fail(path, `expected true or false, got ${typeof value}`);
  if (type === 'double' || type === 'float') {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (['NaN', 'Infinity', '-Infinity'].includes(value)) return Number(value);
    return fail(path, `expected a number, got ${JSON.stringify(value)}`);
  }
  if (type in RANGE32) {
    const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (!Number.isInteger(n) || n < RANGE32[type][0] || n > RANGE32[type][1]) fail(path, `expected a ${type}, got ${JSON.stringify(value)}`);
    return n;
  }
  if (INT64.has(type)) {
    const unsigned = type === 'uint64' || type === 'fixed64';
    if (typeof value === 'number' && Number.isSafeInteger(value) && (!unsigned || value >= 0)) return String(value);
    if (typeof value === 'string' && (unsigned ? /^\d{1,20}$/ : /^-?\d{1,19}$/).test(value)) return value;
    return fail(path, `expected a ${type} (decimal string or integer), got ${JSON.stringify(value)}`);
  }
  if (type === 'bytes') {
    const hexLength = HEX_IDS[field.name];
    if (hexLength !== undefined) {
      if (value === '') return Buffer.alloc(0);
      if (typeof value !== 'string' || !new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(value))
        fail(path, `expected ${hexLength} hex digits (OTLP/JSON ids are hex), got ${JSON.stringify(value)}`);
      return Buffer.from(value, 'hex');
    }
    if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) fail(path, 'expected base64 bytes');
    return Buffer.from(value, 'base64');
  }
  return fail(path, `unsupported field type ${type}`);
}

function value(field, v, path) {
  const resolved = field.resolve().resolvedType;
  if (resolved instanceof protobuf.Type) return message(resolved, v, path);
  if (resolved instanceof protobuf.Enum) {
    // OTLP/JSON: "values of enum fields MUST be encoded as integer values".
    if (!Number.isInteger(v)) fail(path, `expected the integer value of ${resolved.name}, got ${JSON.stringify(v)}`);
    if (!(v in resolved.valuesById)) fail(path, `${v} is not a value of ${resolved.name}`);
    return v;
  }
  return scalar(field, v, path);
}

function message(type, obj, path) {
  if (!isObject(obj)) fail(path, `expected an object (${type.name}), got ${Array.isArray(obj) ? 'an array' : typeof obj}`);
  const out = {};
  const oneofs = new Map();
  for (const [key, v] of Object.entries(obj)) {
    const here = path ? `${path}.${key}` : key;
    const field = type.fields[key];
    if (!field) fail(here, `not a field of ${type.name}`);
    if (v === null) continue;
    if (field.partOf) {
      if (oneofs.has(field.partOf.name)) fail(here, `a second member of oneof ${field.partOf.name} (${oneofs.get(field.partOf.name)} is set)`);
      oneofs.set(field.partOf.name, key);
    }
    if (field.repeated) {
      if (!Array.isArray(v)) fail(here, 'expected a list');
      out[key] = v.map((item, i) => value(field, item, `${here}[${i}]`));
    } else out[key] = value(field, v, here);
  }
  return out;
}

/**
 * An OTLP/HTTP logs request body -> the decoded request as a plain object
 * (64-bit integers as strings, ids as hex); throws an Error naming the path
 * of the first thing wrong.
 * `contentType`: application/json or application/x-protobuf.
 */
export function decodeLogsRequest(type, contentType, body) {
  const media = String(contentType ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  let decoded;
  if (media === 'application/json') {
    let parsed;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (err) {
      throw new OtlpError(`not JSON: ${err.message}`);
    }
    // Checked field by field above, then through the protobuf encoding and back: both definitions agree.
    const checked = message(type, parsed, '');
    decoded = type.decode(type.encode(type.fromObject(checked)).finish());
  } else if (media === 'application/x-protobuf') {
    try {
      decoded = type.decode(body);
    } catch (err) {
      throw new OtlpError(`not an ExportLogsServiceRequest: ${err.message}`);
    }
  } else throw new OtlpError(`unsupported content type ${JSON.stringify(contentType)}`);
  const problem = type.verify(decoded);
  if (problem) throw new OtlpError(problem);
  const plain = type.toObject(decoded, { longs: String, enums: Number, bytes: String, defaults: false, arrays: true });
  hexIds(plain);
  return plain;
}

function hexIds(node) {
  if (Array.isArray(node)) return node.forEach(hexIds);
  if (!isObject(node)) return;
  for (const [key, v] of Object.entries(node)) {
    if (key in HEX_IDS && typeof v === 'string') node[key] = Buffer.from(v, 'base64').toString('hex');
    else hexIds(v);
  }
}

/**
 * A request body as sent -> as encoded by its Content-Type: gzip undone for
 * `Content-Encoding: gzip` (what OTLP/HTTP allows besides none), at most
 * `maxBytes` once unpacked; anything else named is refused, as a collector
 * refuses an encoding it was not configured for. Throws OtlpError.
 */
export function decodeBody(contentEncoding, body, maxBytes) {
  const encoding = String(contentEncoding ?? '')
    .trim()
    .toLowerCase();
  if (encoding === '' || encoding === 'identity') return body;
  if (encoding !== 'gzip') throw new OtlpError(`unsupported Content-Encoding ${JSON.stringify(contentEncoding)}`);
  try {
    return gunzipSync(body, { maxOutputLength: maxBytes });
  } catch (err) {
    throw new OtlpError(err.code === 'ERR_BUFFER_TOO_LARGE' ? `gzip body unpacks to more than ${maxBytes} bytes` : `not gzip: ${err.message}`);
  }
}

export { OtlpError };
