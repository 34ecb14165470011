import { describe, expect, it } from 'vitest';
import { relayProtocolOf } from './relay-protocol';

describe('relayProtocolOf', () => {
  it.each([
    // What Chromium 156 reported in the lab: null for the UDP allocation.
    [null, 'turn:203.0.113.10:3478?transport=udp', 'udp'],
    [null, 'turn:203.0.113.10:3478', 'udp'],
    [null, 'turn:203.0.113.10:3478?transport=tcp', 'tcp'],
    // Chromium accepts an upper-case value but throws on an upper-case key (measured in 156).
    [null, 'turn:example.org?transport=TCP', 'tcp'],
    [null, 'TURN:example.org?Transport=TCP', null],
    [null, 'turns:turn.example.org:443?transport=tcp', 'tls'],
    ['tcp', 'turn:203.0.113.10:3478?transport=tcp', 'tcp'],
    ['tls', null, 'tls'],
    [null, 'stun:203.0.113.10:3478', null],
    [null, null, null],
  ] as const)('reported %s with url %s -> %s', (reported, url, expected) => {
    expect(relayProtocolOf(reported, url)).toBe(expected);
  });
});
