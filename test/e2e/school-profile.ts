import { LAB, LAB_HOSTS, REFERENCE_STUN_RULE, STUN_ALT_PORT, TURN_CREDENTIALS, TURN_TLS_PORT } from '../lab/lab';

const [A, B] = LAB.turnAddresses;

/**
 * A vendor-shaped profile pointing into the lab: what a classroom product's
 * firewall guide asks for. On the open lab network every rule passes, so a
 * scenario's missing rules are exactly what its firewall broke.
 */
export function schoolProfile(extraRules: object[] = []) {
  return {
    id: 'lab-school',
    name: 'Lab school product',
    version: '2026-11',
    source: 'test/e2e/school-profile.ts',
    rules: [
      { id: 'stun', kind: 'stun', purpose: 'Hole punching', urls: [`stun:${A}:3478`, `stun:${B}:${STUN_ALT_PORT}`] },
      // UDP TURN by address: see lab-profile.ts for Chromium's UDP TURN host lookup in the lab.
      { id: 'turn-udp', kind: 'turn', purpose: 'Relay over UDP', urls: [`turn:${A}:3478?transport=udp`], ...TURN_CREDENTIALS },
      { id: 'turn-tcp', kind: 'turn', purpose: 'Relay over TCP', urls: [`turn:${LAB_HOSTS.turn}:3478?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'turn-tls', kind: 'turn', purpose: 'Relay over TLS on 443', urls: [`turns:${LAB_HOSTS.turn}:${TURN_TLS_PORT}?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'app', kind: 'https', purpose: 'Web app and API', url: `https://${LAB_HOSTS.web}/`, noInspection: true },
      { id: 'signalling', kind: 'wss', purpose: 'Signalling', url: `wss://${LAB_HOSTS.web}/hub`, noInspection: true },
      ...extraRules,
      // Last, so the vendor rules keep their indices: the district's own STUN server, not the vendor's.
      REFERENCE_STUN_RULE,
    ],
  };
}
