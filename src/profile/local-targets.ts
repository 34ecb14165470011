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
 * Address ranges come from ipaddr.js (src/ice/address-range.ts).
 */
import { phrase, type Phrase } from '../i18n/phrase';
import { unroutableRange } from '../ice/address-range';
import { parseIceUri, effectivePort, serverTransport } from '../ice/uri';
import { hostPatternKind } from './hosts';
import { formatPortRange, portRanges } from './ports';
import type { Profile } from './types';

const SITE_SUFFIXES = ['.localhost', '.local', '.internal', '.intranet', '.lan', '.home', '.home.arpa', '.corp', '.localdomain'];

/** Whether `host` (a name, an IP literal with or without IPv6 brackets, or a CIDR range) lies in the user's own network. */
export function isLocalHost(host: string): boolean {
  const bare = host
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase()
    .replace(/\.$/, '');
  const kind = hostPatternKind(bare);
  if (kind === 'cidr') return unroutableRange(bare.slice(0, bare.indexOf('/'))) !== null;
  if (kind === 'ipv4' || kind === 'ipv6') return unroutableRange(bare) !== null;
  const name = bare.startsWith('*.') ? bare.slice(2) : bare;
  if (name === 'localhost' || !name.includes('.')) return true;
  return SITE_SUFFIXES.some((suffix) => name.endsWith(suffix));
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
          const host = uri.value.hostKind === 'ipv6' ? `[${uri.value.host}]` : uri.value.host;
          const transport = serverTransport(uri.value) === 'udp' ? 'UDP' : 'TCP';
          return [{ ruleId: rule.id, target: `${host}:${effectivePort(uri.value)} (${transport})` }];
        });
      case 'tcp':
      case 'udp': {
        const ports = portRanges(rule.ports).map(formatPortRange).join(', ');
        const hosts = [...rule.hosts, ...(rule.probeHost === undefined ? [] : [rule.probeHost])].filter(isLocalHost);
        return [...new Set(hosts)].map((host) => ({ ruleId: rule.id, target: `${host} (${rule.kind.toUpperCase()} ${ports})` }));
      }
    }
  });
}
