import { describe, expect, it } from 'vitest';
import onsight from './builtin/onsight.json';
import senso from './builtin/senso.json';
import { guideUdpPorts } from './guide-ports';
import type { Profile } from './types';

const profile: Pick<Profile, 'rules'> = {
  rules: [
    { id: 'stun', kind: 'stun', purpose: 'STUN', required: true, noInspection: false, urls: ['stun:stun.vendor.example:19302', 'stun:stun2.vendor.example'] },
    { id: 'turn', kind: 'turn', purpose: 'Relay', required: true, noInspection: false, urls: ['turns:turn.vendor.example:5349?transport=tcp', 'bad uri'] },
    { id: 'media', kind: 'udp', purpose: 'Media', required: true, noInspection: false, hosts: ['*.vendor.example'], ports: ['49152-65535', 8801] },
    { id: 'peers', kind: 'udp', purpose: 'Peers', required: true, noInspection: false, hosts: ['0.0.0.0/0', '::/0'], ports: ['6000-6200'] },
    { id: 'reference', kind: 'stun', purpose: 'Reference', required: false, noInspection: false, reference: true, urls: ['stun:stun.district.example:40000'] },
  ],
};

describe('guideUdpPorts', () => {
  const guide = guideUdpPorts(profile);

  it("holds the vendor's STUN/TURN ports (the default 3478 included), its raw UDP ports and ranges toward its hosts, and the system ports", () => {
    for (const port of [19302, 3478, 5349, 8801, 49152, 50000, 65535, 53, 123, 443, 1023]) expect(guide.opens(port), String(port)).toBe(true);
  });

  it("leaves out a reference server's port, a rule to any address (the peer rule itself) and every other port", () => {
    for (const port of [40000, 1024, 3479, 49151, 8800, 6100]) expect(guide.opens(port), String(port)).toBe(false);
    expect(guide.suggested).toBe(40000);
  });

  it('suggests a port each built-in guide leaves out', () => {
    // Senso opens UDP 1-65535 to any address for hole punching: that rule is what a reference proves, not a guide port.
    const sensoPorts = guideUdpPorts(senso as unknown as Profile);
    expect(sensoPorts.opens(40000)).toBe(false);
    expect(sensoPorts.suggested).toBe(40000);
    // OnSight opens 15000-65000 to its media servers: 40000 is the guide's, the suggestion is another.
    const onsightPorts = guideUdpPorts(onsight as unknown as Profile);
    expect(onsightPorts.opens(40000)).toBe(true);
    expect(onsightPorts.suggested).not.toBeNull();
    expect(onsightPorts.opens(onsightPorts.suggested!)).toBe(false);
  });

  it('suggests nothing when the guide opens every user port toward its own hosts', () => {
    const all: Pick<Profile, 'rules'> = {
      rules: [{ id: 'media', kind: 'udp', purpose: 'Media', required: true, noInspection: false, hosts: ['*.vendor.example'], ports: ['1024-65535'] }],
    };
    expect(guideUdpPorts(all).suggested).toBeNull();
  });
});
