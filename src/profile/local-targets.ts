/**
 * Targets inside the user's own network: loopback, private (RFC 1918), CGNAT,
 * link-local and unique-local addresses, and names that only resolve inside a
 * site (`localhost`, `*.local`, `*.internal`, `*.home.arpa`, single labels).
 * Profiles legitimately name on-premises servers, so these are not refused;
 * but a profile is data from someone else, and a run would otherwise let it
 * probe the LAN: it may reach a router's `GET /cgi-bin/reboot?confirm=1`, and
 * TURN-over-TCP URLs tell open, closed and silent ports apart. So requests to
 * these hosts go to the origin only (`probeUrl`, `localProbe`: applied by the
 * service worker when it runs a check, so that the popup, which plans checks
 * for its host-permission request, does not carry ipaddr.js), and the options
 * page lists them (`localTargets`) when a profile is imported, before it first runs.
 * Address ranges come from ipaddr.js, as in src/ice/address-range.ts. A host is
 * first read the way the browser will read it (the WHATWG URL parser), so an
 * address written in another form the URL standard accepts (`0x7f.0.0.1`,
 * `127.1`, `2130706433`, `0177.0.0.1`, full-width digits, `[::ffff:127.0.0.1]`)
 * is recognised as the address the browser then contacts (issue 29).
 */
import ipaddr from 'ipaddr.js';
import { phrase, type Phrase } from '../i18n/phrase';
import { parseIceUri, effectivePort, serverTransport } from '../ice/uri';
import { hostPatternKind } from './hosts';
import { formatPortRange, portRanges } from './ports';
import type { Profile } from './types';

const SITE_SUFFIXES = ['.localhost', '.local', '.internal', '.intranet', '.lan', '.home', '.home.arpa', '.corp', '.localdomain'];

/**
 * Cloud instance-metadata services (credentials for whatever runs on the
 * machine): AWS, GCP, Azure, OpenStack (169.254.169.254), AWS's IPv6 one,
 * AWS ECS task metadata, Alibaba Cloud. Also inside the ranges below; named
 * apart because reaching one is worse than reaching a printer.
 */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '169.254.170.2', '100.100.100.200']);

/** Where a local host lies: its ipaddr.js range, `metadata`, or `site-name` for a name that resolves only inside a site. */
export type LocalKind = 'loopback' | 'private' | 'carrierGradeNat' | 'linkLocal' | 'uniqueLocal' | 'unspecified' | 'metadata' | 'site-name';

const LOCAL_RANGES: ReadonlySet<string> = new Set(['loopback', 'private', 'carrierGradeNat', 'linkLocal', 'uniqueLocal', 'unspecified']);

/**
 * The host as the browser's URL parser reads it: lower case, IDNA-mapped
 * (full-width digits become ASCII), and any IPv4 form the URL standard
 * accepts (hex, octal, fewer than four parts, one number) written as a dotted
 * quad; IPv6 compressed. A host the parser refuses is returned as written.
 */
export function browserHost(host: string): string {
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  try {
    return new URL(`https://${bracketed}/`).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  }
}

/** The local kind of an IP literal, or null when it is routable. IPv4-mapped IPv6 counts as its IPv4 address, and so does NAT64's 64:ff9b::/96 (RFC 6052). */
function addressKind(address: string): LocalKind | null {
  if (!ipaddr.isValid(address)) return null;
  let parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv6' && parsed.range() === 'rfc6052') {
    const bytes = parsed.toByteArray().slice(12);
    parsed = ipaddr.fromByteArray(bytes);
  }
  if (METADATA_ADDRESSES.has(parsed.toString())) return 'metadata';
  const range = parsed.range();
  return LOCAL_RANGES.has(range) ? (range as LocalKind) : null;
}

/** Where `host` (a name, an IP literal in any form the URL standard accepts, with or without IPv6 brackets, or a CIDR range) lies in the user's own network, or null when it does not. */
export function localKind(host: string): LocalKind | null {
  const trimmed = host.replace(/\.$/, '');
  const kind = hostPatternKind(trimmed.replace(/^\[(.*)\]$/, '$1').toLowerCase());
  if (kind === 'cidr') return addressKind(trimmed.slice(0, trimmed.indexOf('/')));
  const wildcard = trimmed.startsWith('*.');
  const canonical = browserHost(wildcard ? trimmed.slice(2) : trimmed).replace(/\.$/, '');
  const address = addressKind(canonical);
  if (address !== null || ipaddr.isValid(canonical)) return address;
  if (canonical === 'localhost' || !canonical.includes('.')) return 'site-name';
  return SITE_SUFFIXES.some((suffix) => canonical.endsWith(suffix)) ? 'site-name' : null;
}

/** Whether `host` lies in the user's own network (see `localKind`). */
export function isLocalHost(host: string): boolean {
  return localKind(host) !== null;
}

/**
 * The URL a probe requests: the rule's own URL, or only its origin (`https://host:port/`)
 * when the host is local, so that no path or query a profile names can act on a LAN device.
 */
export function probeUrl(url: string): string {
  const parsed = new URL(url);
  return isLocalHost(parsed.hostname) ? `${parsed.protocol}//${parsed.host}/` : url;
}

const LOCAL_NOTE = phrase('note_local_origin_only');

/** A planned web check as the service worker runs it: for a local host, its origin only, with a note saying so in the check's detail. */
export function localProbe<T extends { url: string; note?: Phrase | null }>(check: T): T {
  const url = probeUrl(check.url);
  if (url === check.url) return check;
  return {
    ...check,
    url,
    ...('note' in check ? { note: check.note ? phrase('detail_with_note', { detail: check.note, note: LOCAL_NOTE }) : LOCAL_NOTE } : {}),
  };
}

/** One local target of a profile, as shown before it first runs. */
export interface LocalTarget {
  ruleId: string;
  /** `host:port` or `host (ports …)`, with the transport, e.g. `192.168.1.1:443 (TCP)`. */
  target: string;
}

/** The host as written, with the address the browser will contact when that reads differently: `0x7f.1 = 127.0.0.1`. */
function asRead(host: string): string {
  if (host.includes('/') || host.startsWith('*.')) return host;
  const canonical = browserHost(host);
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return canonical === bare ? host : `${host} = ${canonical.includes(':') ? `[${canonical}]` : canonical}`;
}

/** Every target of the profile inside the user's own network, in rule order. */
export function localTargets(profile: Profile): LocalTarget[] {
  return profile.rules.flatMap((rule): LocalTarget[] => {
    switch (rule.kind) {
      case 'https':
      case 'wss': {
        const url = new URL(rule.url);
        const port = url.port || '443';
        return isLocalHost(url.hostname) ? [{ ruleId: rule.id, target: `${url.hostname}:${port} (TCP)` }] : [];
      }
      case 'stun':
      case 'turn':
        return rule.urls.flatMap((text) => {
          const uri = parseIceUri(text);
          if (!uri.ok || !isLocalHost(uri.value.host)) return [];
          const host = asRead(uri.value.hostKind === 'ipv6' ? `[${uri.value.host}]` : uri.value.host);
          const transport = serverTransport(uri.value) === 'udp' ? 'UDP' : 'TCP';
          return [{ ruleId: rule.id, target: `${host}:${effectivePort(uri.value)} (${transport})` }];
        });
      case 'tcp':
      case 'udp': {
        const ports = portRanges(rule.ports).map(formatPortRange).join(', ');
        const hosts = [...rule.hosts, ...(rule.probeHost === undefined ? [] : [rule.probeHost])].filter(isLocalHost);
        return [...new Set(hosts)].map((host) => ({ ruleId: rule.id, target: `${asRead(host)} (${rule.kind.toUpperCase()} ${ports})` }));
      }
    }
  });
}
