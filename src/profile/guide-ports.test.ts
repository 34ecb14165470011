import { describe, expect, it } from 'vitest';
import { guideUdpPorts } from './guide-ports';
import type { Profile } from './types';

const profile: Pick<Profile, 'rules'> = {
  rules: [
    { id: 'stun', kind: 'stun', purpose: 'STUN', required: true, noInspection: false, urls: ['stun:stun.vendor.example:19302', 'stun:stun2.vendor.example'] },
    { id: 'turn', kind: 'turn', purpose: 'Relay', required: true, noInspection: false, urls: ['turns:turn.vendor.example:5349?transport=tcp', 'bad uri'] },
    { id: 'media', kind: 'udp', purpose: 'Media', required: true, noInspection: false, hosts: ['*.vendor.example'], ports: ['49152-65535', 8801] },
    { id: 'reference', kind: 'stun', purpose: 'Reference', required: false, noInspection: false, reference: true, urls: ['stun:stun.district.example:40000'] },
  ],
};

describe('guideUdpPorts', () => {
  const guide = guideUdpPorts(profile);

  it("holds the vendor's STUN/TURN ports (the default 3478 included), its raw UDP ports and ranges, and the system ports", () => {
    for (const port of [19302, 3478, 5349, 8801, 49152, 50000, 65535, 53, 123, 443, 1023]) expect(guide(port), String(port)).toBe(true);
  });

  it("leaves out a reference server's port and every other port", () => {
    for (const port of [40000, 1024, 3479, 49151, 8800]) expect(guide(port), String(port)).toBe(false);
  });
});
