import { LAB, LAB_HOSTS, REFERENCE_STUN_RULE, STUN_ALT_PORT, TURN_CREDENTIALS, TURN_TLS_PORT } from '../lab/lab';

const [A, B] = LAB.turnAddresses;
const web = LAB_HOSTS.web;

/**
 * What a call needs behind an explicit proxy: STUN and TURN (UDP goes around
 * the proxy, TCP only through it), the web app and its signalling socket
 * (which the vendor asks to keep out of SSL inspection) and an API host
 * without that request.
 */
export function proxyProfile() {
  return {
    id: 'proxy-lab',
    name: 'Network lab behind a proxy',
    version: '1',
    source: 'test/e2e/proxy-profile.ts',
    rules: [
      { id: 'stun', kind: 'stun', purpose: 'Hole punching', urls: [`stun:${A}:3478`, `stun:${B}:${STUN_ALT_PORT}`] },
      { id: 'turn-udp', kind: 'turn', purpose: 'Relay over UDP', urls: [`turn:${A}:3478?transport=udp`], ...TURN_CREDENTIALS },
      { id: 'turn-tcp', kind: 'turn', purpose: 'Relay over TCP', urls: [`turn:${LAB_HOSTS.turn}:3478?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'turn-tls', kind: 'turn', purpose: 'Relay over TLS', urls: [`turns:${LAB_HOSTS.turn}:${TURN_TLS_PORT}?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'https', kind: 'https', purpose: 'Web app', url: `https://${web}/`, noInspection: true },
      { id: 'wss', kind: 'wss', purpose: 'Signalling', url: `wss://${web}/hub`, noInspection: true },
      { id: 'https-api', kind: 'https', purpose: 'API', url: `https://${web}:8443/` },
      // Last, so the vendor rules keep their indices: the district's own STUN server, not the vendor's.
      REFERENCE_STUN_RULE,
    ],
  };
}
