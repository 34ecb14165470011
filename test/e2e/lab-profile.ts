import { LAB, LAB_HOSTS, REFERENCE_STUN_RULE, STUN_ALT_PORT, TURN_CREDENTIALS, TURN_TLS_PORT, WEB_PORTS } from '../lab/lab';

const [A, B] = LAB.turnAddresses;
const web = LAB_HOSTS.web;

/** A profile whose every rule points into the lab, one rule per kind of evidence. */
export function labProfile() {
  return {
    id: 'lab',
    name: 'Network lab',
    version: '1',
    source: 'test/e2e/lab-profile.ts',
    rules: [
      { id: 'stun', kind: 'stun', purpose: 'Hole punching', urls: [`stun:${A}:3478`, `stun:${B}:${STUN_ALT_PORT}`] },
      // UDP TURN by IP: Chromium 156 in the lab fails UDP TURN host names with
      // "701 TURN host lookup received error." although TCP/TLS ones resolve
      // through the same hosts file (see test/fixtures for the captured text).
      { id: 'turn-udp', kind: 'turn', purpose: 'Relay over UDP', urls: [`turn:${A}:3478?transport=udp`], ...TURN_CREDENTIALS },
      { id: 'turn-tcp', kind: 'turn', purpose: 'Relay over TCP', urls: [`turn:${LAB_HOSTS.turn}:3478?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'turn-tls', kind: 'turn', purpose: 'Relay over TLS', urls: [`turns:${LAB_HOSTS.turn}:${TURN_TLS_PORT}?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'turn-nocred', kind: 'turn', purpose: 'Relay, vendor publishes no credentials', urls: [`turn:${B}:3478?transport=udp`] },
      {
        id: 'turn-closed',
        kind: 'turn',
        purpose: 'Relay on a closed port',
        urls: [`turn:${LAB.webAddress}:${WEB_PORTS.closed}?transport=tcp`],
        ...TURN_CREDENTIALS,
        required: false,
      },
      { id: 'https', kind: 'https', purpose: 'Web app', url: `https://${web}/`, noInspection: true },
      { id: 'https-closed', kind: 'https', purpose: 'API on a closed port', url: `https://${web}:${WEB_PORTS.closed}/` },
      { id: 'https-rogue', kind: 'https', purpose: 'Inspected host', url: `https://${LAB_HOSTS.rogue}/`, noInspection: true },
      { id: 'https-dns', kind: 'https', purpose: 'Unresolvable host', url: `https://${LAB_HOSTS.unresolvable}/` },
      { id: 'https-silent', kind: 'https', purpose: 'Host that never answers', url: `https://${web}:${WEB_PORTS.silent}/` },
      { id: 'wss', kind: 'wss', purpose: 'Signalling', url: `wss://${web}/hub` },
      { id: 'wss-stripped', kind: 'wss', purpose: 'Signalling through a filter', url: `wss://${web}:${WEB_PORTS.noUpgrade}/hub` },
      { id: 'sip', kind: 'tcp', purpose: 'SIP signalling', hosts: [LAB.webAddress], ports: [5060] },
      // Last, so the vendor rules keep their indices: the district's own STUN server, not the vendor's.
      REFERENCE_STUN_RULE,
    ],
  };
}

/** Host permissions the lab needs, standing in for the user's grant at run time. */
export const LAB_ORIGINS = [`*://*.lab.test/*`, ...[A, B, LAB.webAddress, LAB.rogueAddress].map((ip) => `*://${ip}/*`)];
