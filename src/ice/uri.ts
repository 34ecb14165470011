/**
 * `stun:` / `turn:` / `turns:` URIs (RFC 7064, RFC 7065), parsed the way a
 * browser's RTCPeerConnection will read them, so that a profile is rejected
 * here with a clear message rather than by Chrome with "ICE server parsing failed".
 * Messages never quote the input: a URI may carry a password (`turn:u:p@host`,
 * `?credential=`), so they name the part that is wrong, not what it holds.
 *
 *   stunURI = scheme ":" host [ ":" port ]
 *   turnURI = scheme ":" host [ ":" port ] [ "?transport=" ( "udp" / "tcp" ) ]
 */
import type { RelayProtocol } from './types';
import { isDnsName, isIPv4, isIPv6 } from './address';
import { failure, parsed, type Parsed } from './result';

export type IceScheme = 'stun' | 'turn' | 'turns';
export type IceTransport = 'udp' | 'tcp';
export type HostKind = 'name' | 'ipv4' | 'ipv6';

export interface IceUri {
  scheme: IceScheme;
  /** Lower case; an IPv6 literal without its brackets. */
  host: string;
  hostKind: HostKind;
  /** The port as written, or null when the scheme's default applies (see `effectivePort`). */
  port: number | null;
  /** `?transport=` as written; only turn:/turns: may carry it. */
  transport: IceTransport | null;
}

export type IceUriErrorCode =
  | 'not-a-string'
  | 'empty'
  | 'too-long'
  | 'whitespace'
  | 'scheme'
  | 'unsupported-scheme'
  | 'authority'
  | 'userinfo'
  | 'path'
  | 'fragment'
  | 'host'
  | 'ipv6-brackets'
  | 'port'
  | 'query'
  | 'transport';

export type IceUriResult = Parsed<IceUri, IceUriErrorCode>;

interface SchemeRule {
  defaultPort: number;
  /** What the browser speaks to the server when `?transport=` is absent. */
  defaultTransport: RelayProtocol;
  allowsTransportParam: boolean;
}

/** Everything that differs between the schemes, in one place. */
export const SCHEMES: Readonly<Record<IceScheme, SchemeRule>> = {
  // RFC 7064: STUN over UDP on 3478. Browsers only send STUN binding requests over UDP.
  stun: { defaultPort: 3478, defaultTransport: 'udp', allowsTransportParam: false },
  // RFC 7065: TURN defaults to UDP unless `?transport=tcp`.
  turn: { defaultPort: 3478, defaultTransport: 'udp', allowsTransportParam: true },
  // RFC 7065: TURN over TLS on 5349. Browsers run it over TCP only.
  turns: { defaultPort: 5349, defaultTransport: 'tls', allowsTransportParam: true },
};

const MAX_LENGTH = 2048;
const SCHEME_PREFIX = /^([a-z][a-z0-9+.-]*):/i;

export function parseIceUri(input: unknown): IceUriResult {
  if (typeof input !== 'string') return failure('not-a-string', `expected a URI string, got ${typeName(input)}`);
  if (input.length === 0) return failure('empty', 'the URI is empty');
  if (input.length > MAX_LENGTH) return failure('too-long', `the URI is ${input.length} characters long (at most ${MAX_LENGTH})`);
  if (/\s/.test(input)) return failure('whitespace', 'the URI contains white space');

  const schemeMatch = SCHEME_PREFIX.exec(input);
  const schemeText = schemeMatch?.[1]?.toLowerCase();
  if (schemeText === undefined) {
    return failure('scheme', 'the URI has no scheme: expected stun:, turn: or turns:');
  }
  if (schemeText === 'stuns') {
    return failure('unsupported-scheme', 'stuns: (STUN over TLS) is not supported by browsers; use stun: or turns:');
  }
  if (!isIceScheme(schemeText)) {
    return failure('scheme', 'unknown scheme: expected stun:, turn: or turns:');
  }
  const rest = input.slice(schemeText.length + 1);
  if (rest.startsWith('//')) {
    return failure('authority', `write ${schemeText}:host, not ${schemeText}://host (RFC 7064/7065 URIs have no "//")`);
  }
  if (rest.includes('#')) return failure('fragment', `the URI has a "#" fragment, which ${schemeText}: URIs do not allow`);

  const queryStart = rest.indexOf('?');
  const hostPort = queryStart === -1 ? rest : rest.slice(0, queryStart);
  const query = queryStart === -1 ? null : rest.slice(queryStart + 1);

  const address = parseHostPort(hostPort);
  if (!address.ok) return address;
  const transport = parseQuery(schemeText, query);
  if (!transport.ok) return transport;
  return parsed({ scheme: schemeText, ...address.value, transport: transport.value });
}

type HostPort = Pick<IceUri, 'host' | 'hostKind' | 'port'>;

function parseHostPort(text: string): Parsed<HostPort, IceUriErrorCode> {
  if (text.includes('@')) {
    return failure('userinfo', 'user names and passwords do not belong in the URI: use the rule\'s "username" and "credential" fields');
  }
  if (text.includes('/')) return failure('path', 'the URI has a path, which stun:/turn: URIs do not allow');

  let hostText: string;
  let portText: string | null;
  let bracketed = false;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close === -1) return failure('host', 'the host opens "[" without closing it');
    hostText = text.slice(1, close);
    const after = text.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return failure('host', 'unexpected text after "]": expected ":port" or nothing');
    portText = after === '' ? null : after.slice(1);
    bracketed = true;
  } else {
    const colons = text.split(':').length - 1;
    if (colons > 1) {
      return isIPv6(text)
        ? failure('ipv6-brackets', 'put an IPv6 address in brackets, e.g. turn:[2001:db8::1]:3478')
        : failure('host', 'the URI is not scheme:host[:port]');
    }
    const colon = text.indexOf(':');
    hostText = colon === -1 ? text : text.slice(0, colon);
    portText = colon === -1 ? null : text.slice(colon + 1);
  }

  const host = classifyHost(hostText.toLowerCase(), bracketed);
  if (!host.ok) return host;
  const port = parsePort(portText);
  if (!port.ok) return port;
  return parsed({ ...host.value, port: port.value });
}

function classifyHost(host: string, bracketed: boolean): Parsed<Pick<IceUri, 'host' | 'hostKind'>, IceUriErrorCode> {
  if (host === '') return failure('host', 'the host is missing');
  if (bracketed) {
    return isIPv6(host) ? parsed({ host, hostKind: 'ipv6' }) : failure('host', 'the host in brackets is not an IPv6 address');
  }
  if (isIPv4(host)) return parsed({ host, hostKind: 'ipv4' });
  if (isDnsName(host)) return parsed({ host, hostKind: 'name' });
  return failure('host', 'the host is neither a host name nor an IP address');
}

function parsePort(text: string | null): Parsed<number | null, IceUriErrorCode> {
  if (text === null) return parsed(null);
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  return port >= 1 && port <= 65535 ? parsed(port) : failure('port', 'the port is not a number from 1 to 65535');
}

function parseQuery(scheme: IceScheme, query: string | null): Parsed<IceTransport | null, IceUriErrorCode> {
  if (query === null) return parsed(null);
  if (!SCHEMES[scheme].allowsTransportParam) return failure('query', `${scheme}: URIs take no "?" query (RFC 7064)`);
  const match = /^transport=(.*)$/.exec(query);
  if (match === null) return failure('query', 'unknown query: the only one allowed is ?transport=udp or ?transport=tcp');
  // Chromium 156 takes the value in any case (`?transport=TCP`) but the key only
  // in lower case (`?Transport=tcp` throws): measured, see relay-protocol.test.ts.
  const value = match[1]?.toLowerCase();
  if (value !== 'udp' && value !== 'tcp') return failure('transport', 'transport must be udp or tcp');
  // RFC 7065 would allow DTLS here; browsers only run turns: over TLS/TCP.
  if (scheme === 'turns' && value === 'udp') return failure('transport', 'turns: runs TLS over TCP in browsers; ?transport=udp is not supported');
  return parsed(value);
}

function isIceScheme(text: string): text is IceScheme {
  return Object.hasOwn(SCHEMES, text);
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

export function formatIceUri(uri: IceUri): string {
  const host = uri.hostKind === 'ipv6' ? `[${uri.host}]` : uri.host;
  const port = uri.port === null ? '' : `:${uri.port}`;
  const transport = uri.transport === null ? '' : `?transport=${uri.transport}`;
  return `${uri.scheme}:${host}${port}${transport}`;
}

export function effectivePort(uri: IceUri): number {
  return uri.port ?? SCHEMES[uri.scheme].defaultPort;
}

/** What travels between the browser and the server: UDP, TCP, or TLS over TCP. */
export function serverTransport(uri: IceUri): RelayProtocol {
  if (uri.scheme === 'turns') return 'tls';
  return uri.transport ?? SCHEMES[uri.scheme].defaultTransport;
}

/**
 * One spelling per server and transport, to match the `url` Chrome puts on
 * candidates and errors (it rebuilds it with the port and transport filled in)
 * against the URL the profile wrote.
 */
export function iceServerKey(uri: IceUri): string {
  const transport = uri.scheme === 'stun' ? '' : `?transport=${serverTransport(uri) === 'udp' ? 'udp' : 'tcp'}`;
  return formatIceUri({ ...uri, port: effectivePort(uri), transport: null }) + transport;
}

/** `iceServerKey` of a URL string, or the string itself when it does not parse. */
export function iceServerKeyOf(url: string): string {
  const result = parseIceUri(url);
  return result.ok ? iceServerKey(result.value) : url;
}
