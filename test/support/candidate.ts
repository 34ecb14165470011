/**
 * The `candidate:` attribute (RFC 8839 section 5.1), for the tests' fixtures
 * (candidate lines recorded from Chromium, logs, pasted SDP). The product never
 * parses this text: it reads RTCIceCandidate's fields
 * (background/offscreen/flatten-candidate.ts).
 *
 *   candidate:<foundation> <component> <transport> <priority> <address> <port>
 *     typ <type> [raddr <address>] [rport <port>] *(<name> <value>)
 */
import type { CandidateProtocol, CandidateType, GatheredCandidate, RelayProtocol } from '../../src/ice/types';
import { isDnsName, isIP } from '../../src/ice/address';
import { relayProtocolOf } from '../../src/ice/relay-protocol';
import { failure, parsed, quote, type Parsed } from '../../src/ice/result';

export type TcpType = NonNullable<GatheredCandidate['tcpType']>;

export interface ParsedCandidate {
  foundation: string;
  component: number;
  protocol: CandidateProtocol;
  priority: number;
  /** An IP address, or an mDNS name (`….local`) when the page may not see local IPs. */
  address: string;
  port: number;
  type: CandidateType;
  relatedAddress: string | null;
  relatedPort: number | null;
  tcpType: TcpType | null;
  /** Everything after the known fields: `generation`, `ufrag`, `network-id`, … */
  extensions: Record<string, string>;
}

export type CandidateErrorCode =
  | 'not-a-string'
  | 'too-long'
  | 'prefix'
  | 'fields'
  | 'foundation'
  | 'component'
  | 'transport'
  | 'priority'
  | 'address'
  | 'port'
  | 'typ'
  | 'type'
  | 'extension'
  | 'related-address'
  | 'related-port'
  | 'tcptype';

export type CandidateResult = Parsed<ParsedCandidate, CandidateErrorCode>;

const MAX_LENGTH = 1024;
const FOUNDATION = /^[A-Za-z0-9+/]{1,32}$/;
const CANDIDATE_TYPES: readonly string[] = ['host', 'srflx', 'prflx', 'relay'] satisfies CandidateType[];
const TCP_TYPES: readonly string[] = ['active', 'passive', 'so'] satisfies TcpType[];

export function parseCandidate(input: unknown): CandidateResult {
  if (typeof input !== 'string') return failure('not-a-string', 'expected a candidate line (a string)');
  if (input.length > MAX_LENGTH) return failure('too-long', `the line is ${input.length} characters long (at most ${MAX_LENGTH})`);
  const line = input.trim().replace(/^a=/, '');
  if (!line.startsWith('candidate:')) return failure('prefix', `${quote(line)} does not start with "candidate:"`);

  const fields = line.slice('candidate:'.length).split(/ +/);
  const [foundation, component, transport, priority, address, port, typ, type, ...rest] = fields;
  if (type === undefined) return failure('fields', `a candidate needs 8 fields before its extensions, this one has ${fields.length}`);

  if (!FOUNDATION.test(foundation!)) return failure('foundation', `foundation ${quote(foundation!)} is not 1-32 letters, digits, "+" or "/"`);
  const componentId = integerIn(component!, 1, 256);
  if (componentId === null) return failure('component', `component ${quote(component!)} is not a number from 1 to 256`);
  const protocol = transport!.toLowerCase();
  if (protocol !== 'udp' && protocol !== 'tcp') return failure('transport', `transport ${quote(transport!)} is neither udp nor tcp`);
  const priorityValue = integerIn(priority!, 1, 2 ** 31 - 1);
  if (priorityValue === null) return failure('priority', `priority ${quote(priority!)} is not a number from 1 to 2^31-1`);
  if (!isCandidateAddress(address!)) return failure('address', `${quote(address!)} is neither an IP address nor a host name`);
  const portValue = integerIn(port!, 0, 65535);
  if (portValue === null) return failure('port', `port ${quote(port!)} is not a number from 0 to 65535`);
  if (typ !== 'typ') return failure('typ', `expected "typ" as the 7th field, got ${quote(typ!)}`);
  if (!CANDIDATE_TYPES.includes(type)) return failure('type', `candidate type ${quote(type)} is not host, srflx, prflx or relay`);

  const tail = parseTail(rest);
  if (!tail.ok) return tail;
  return parsed({
    foundation: foundation!,
    component: componentId,
    protocol,
    priority: priorityValue,
    address: address!,
    port: portValue,
    type: type as CandidateType,
    ...tail.value,
  });
}

type Tail = Pick<ParsedCandidate, 'relatedAddress' | 'relatedPort' | 'tcpType' | 'extensions'>;

function parseTail(tokens: string[]): Parsed<Tail, CandidateErrorCode> {
  const tail: Tail = { relatedAddress: null, relatedPort: null, tcpType: null, extensions: {} };
  for (let i = 0; i < tokens.length; i += 2) {
    const name = tokens[i]!;
    const value = tokens[i + 1];
    if (value === undefined || name === '') return failure('extension', `${quote(name)} has no value`);
    if (name === 'raddr') {
      if (!isCandidateAddress(value)) return failure('related-address', `raddr ${quote(value)} is not an address`);
      tail.relatedAddress = value;
    } else if (name === 'rport') {
      tail.relatedPort = integerIn(value, 0, 65535);
      if (tail.relatedPort === null) return failure('related-port', `rport ${quote(value)} is not a number from 0 to 65535`);
    } else if (name === 'tcptype') {
      if (!TCP_TYPES.includes(value)) return failure('tcptype', `tcptype ${quote(value)} is not active, passive or so`);
      tail.tcpType = value as TcpType;
    } else {
      tail.extensions[name] = value;
    }
  }
  return parsed(tail);
}

function integerIn(text: string, min: number, max: number): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

function isCandidateAddress(text: string): boolean {
  return isIP(text) || isDnsName(text);
}

/**
 * libwebrtc puts a type preference in the top byte of the priority, and for
 * relay candidates it encodes the client-to-server transport there
 * (RELAY_UDP = 2, RELAY_TCP = 1, RELAY_TLS = 0, see p2p/base/port.h). That is
 * the only place a bare candidate line tells which transport a relay used.
 */
export function relayProtocolFromPriority(priority: number): RelayProtocol | null {
  const typePreference = priority >>> 24;
  return typePreference === 2 ? 'udp' : typePreference === 1 ? 'tcp' : typePreference === 0 ? 'tls' : null;
}

/** The shape the offscreen document produces, rebuilt from a candidate line (fixtures, pasted logs). */
export function toGatheredCandidate(line: string, context: { url: string | null; atMs: number }): Parsed<GatheredCandidate, CandidateErrorCode> {
  const result = parseCandidate(line);
  if (!result.ok) return result;
  const c = result.value;
  return parsed({
    type: c.type,
    protocol: c.protocol,
    address: c.address,
    port: c.port,
    relatedAddress: c.relatedAddress,
    relatedPort: c.relatedPort,
    relayProtocol: c.type === 'relay' ? (relayProtocolOf(null, context.url) ?? relayProtocolFromPriority(c.priority)) : null,
    url: context.url,
    foundation: c.foundation,
    priority: c.priority,
    tcpType: c.tcpType,
    candidate: line.trim().replace(/^a=/, ''),
    atMs: context.atMs,
  });
}
