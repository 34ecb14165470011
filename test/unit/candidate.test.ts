import { describe, expect, it } from 'vitest';
import chrome156 from '../fixtures/chrome-156.json';
import { parseCandidate, relayProtocolFromPriority, toGatheredCandidate } from '../support/candidate';

const { candidates } = chrome156;

describe('parseCandidate on real Chromium 156 lines', () => {
  it('reads a UDP host candidate', () => {
    expect(parseCandidate(candidates.hostUdp)).toEqual({
      ok: true,
      value: {
        foundation: '1467250027',
        component: 1,
        protocol: 'udp',
        priority: 2122260223,
        address: '10.99.0.2',
        port: 46243,
        type: 'host',
        relatedAddress: null,
        relatedPort: null,
        tcpType: null,
        extensions: { generation: '0', ufrag: 'abcd', 'network-id': '1' },
      },
    });
  });

  it('reads the related address of a srflx candidate', () => {
    const result = parseCandidate(candidates.srflx);
    expect(result.ok && result.value).toMatchObject({ type: 'srflx', address: '203.0.113.1', relatedAddress: '10.99.0.2', relatedPort: 46243 });
  });

  it('reads tcptype of a TCP host candidate', () => {
    const result = parseCandidate(candidates.hostTcp);
    expect(result.ok && result.value).toMatchObject({ protocol: 'tcp', port: 9, tcpType: 'active' });
  });

  it('accepts the SDP form with "a=" and a line ending', () => {
    expect(parseCandidate(`a=${candidates.relayUdp}\r\n`).ok).toBe(true);
  });

  it('accepts mDNS host names and IPv6 addresses', () => {
    expect(parseCandidate('candidate:1 1 udp 2122260223 0c1e37b2-3f4a-4b5c-9d6e-7f8091a2b3c4.local 5000 typ host').ok).toBe(true);
    expect(parseCandidate('candidate:1 1 UDP 2122260223 2001:db8::2 5000 typ host').ok).toBe(true);
  });
});

describe('relay transport of a bare line', () => {
  it.each([
    [41885439, 'udp'],
    [25108223, 'tcp'],
    [8331263, 'tls'],
    [2122260223, null],
  ])('priority %i -> %s', (priority, expected) => {
    expect(relayProtocolFromPriority(priority)).toBe(expected);
  });

  it('prefers the TURN URL when there is one', () => {
    const result = toGatheredCandidate(candidates.relayUdp, { url: 'turn:203.0.113.10:3478?transport=tcp', atMs: 80 });
    expect(result.ok && result.value.relayProtocol).toBe('tcp');
  });

  it('falls back to the priority without a URL', () => {
    const result = toGatheredCandidate(candidates.relayUdp, { url: null, atMs: 80 });
    expect(result.ok && result.value).toMatchObject({ type: 'relay', relayProtocol: 'udp', atMs: 80, candidate: candidates.relayUdp });
  });
});
