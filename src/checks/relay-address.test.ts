import { describe, expect, it } from 'vitest';
import { unroutableRelays, withRelayAddressNotes } from './relay-address';

const relay = (address: string, url: string) => ({ type: 'relay' as const, address, url });

describe('unroutable relay addresses', () => {
  it('flags a private relay address from a public or named server, once', () => {
    const found = unroutableRelays([
      relay('10.0.0.5', 'turn:turn.example.org:3478?transport=udp'),
      relay('10.0.0.5', 'turn:turn.example.org:3478?transport=udp'),
      relay('192.168.1.9', 'turn:198.51.100.7:3478'),
    ]);
    expect(found).toEqual([
      { url: 'turn:turn.example.org:3478?transport=udp', address: '10.0.0.5', range: 'private' },
      { url: 'turn:198.51.100.7:3478', address: '192.168.1.9', range: 'private' },
    ]);
  });

  it('leaves public relays, other candidates, and an on-premises server on a private address alone', () => {
    expect(
      unroutableRelays([
        relay('203.0.113.10', 'turn:turn.example.org'),
        { type: 'srflx', address: '10.0.0.5', url: 'stun:stun.example.org' },
        relay('10.0.0.5', 'turn:10.0.0.1:3478'),
        { type: 'relay', address: null, url: 'turn:turn.example.org' },
      ]),
    ).toEqual([]);
  });

  it('becomes a vendor-server note, ahead of this-device, never a firewall rule', () => {
    const device = { cause: 'this-device' as const, rules: [], notes: ['x'], text: 'On this device: x' };
    const sections = withRelayAddressNotes([device], [{ url: 'turn:t.example.org', address: '10.0.0.5', range: 'private' }]);
    expect(sections.map((s) => s.cause)).toEqual(['vendor-server', 'this-device']);
    expect(sections[0]!.text).toBe(
      "Ask the vendor to check: turn:t.example.org allocated the relay address 10.0.0.5 (private range), which peers outside this network cannot reach: the TURN server needs its public relay address configured (coturn: external-ip).",
    );
    expect(withRelayAddressNotes([device], [])).toEqual([device]);
  });
});
