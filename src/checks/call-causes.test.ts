import { describe, expect, it } from 'vitest';
import { call, evidence, media, UNKNOWN } from '../../test/fixtures/verdict-cases';
import { callFindings } from './call-causes';
import { decideVerdict } from '../verdict';

describe('callFindings: what the loopback calls show, never a firewall rule', () => {
  it('sends a relay that allocates and carries nothing on every transport to the vendor', () => {
    const e = evidence({
      relayMedia: { udp: media(call('relay-relay', 'udp', 0)), tcp: media(call('relay-relay', 'tcp', 0)), tls: media(call('relay-relay', 'tls', 0)) },
      relayRefusesData: true,
    });
    expect(callFindings(e).map((f) => [f.id, f.cause])).toEqual([['vendor-server.relay-no-data', 'vendor-server']]);
    expect(decideVerdict(e).methods.find((m) => m.method === 'relay-tls')?.reasons[0]?.code).toBe('why_relay_refuses_data');
  });

  it('calls UDP media lost on the path a network-path finding, and hole punching unavailable', () => {
    const e = evidence({
      relayMedia: { udp: media(call('relay-relay', 'udp', 0)), tcp: media(call('relay-relay', 'tcp', 30)), tls: UNKNOWN },
      udpMediaLost: true,
    });
    expect(callFindings(e).map((f) => f.cause)).toEqual(['network-path']);
    const verdict = decideVerdict(e);
    expect(verdict.methods.find((m) => m.method === 'hole-punching')).toMatchObject({ status: 'unavailable', rowId: 'hole-punching.udp-media-lost' });
    expect(verdict.route).toBe('relay-tcp');
  });

  it('leaves a relay port nothing reached undecided, unless a reference showed UDP reaching such ports (then the vendor closes them)', () => {
    const blocked = {
      udpHighPorts: media(call('relay-direct', 'udp', 0)),
      relayMedia: { udp: media(call('relay-relay', 'udp', 30)), tcp: UNKNOWN, tls: UNKNOWN },
    };
    expect(callFindings(evidence(blocked)).map((f) => f.id)).toEqual(['unknown.relay-port-unreached']);
    const shown = evidence({ ...blocked, udpHighPortShown: true });
    expect(callFindings(shown).map((f) => f.id)).toEqual(['vendor-server.relay-ports-closed']);
    // With the reference's proof, the closed relay port says nothing about hole punching.
    expect(decideVerdict(shown).methods.find((m) => m.method === 'hole-punching')?.status).toBe('available');
  });

  it('finds nothing on a healthy network', () => {
    expect(callFindings(evidence())).toEqual([]);
  });
});
