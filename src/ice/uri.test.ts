import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { effectivePort, formatIceUri, iceServerKeyOf, parseIceUri, serverTransport, type IceUri } from './uri';

describe('parseIceUri accepts', () => {
  it.each<[string, Partial<IceUri>, number, string]>([
    ['stun:stun.l.google.com:19302', { scheme: 'stun', host: 'stun.l.google.com', hostKind: 'name', port: 19302 }, 19302, 'udp'],
    ['stun:203.0.113.5', { scheme: 'stun', host: '203.0.113.5', hostKind: 'ipv4', port: null }, 3478, 'udp'],
    ['stun:[2001:db8::1]:3478', { host: '2001:db8::1', hostKind: 'ipv6', port: 3478 }, 3478, 'udp'],
    ['turn:turn.senso.cloud', { scheme: 'turn', transport: null }, 3478, 'udp'],
    ['turn:turn.senso.cloud?transport=tcp', { scheme: 'turn', transport: 'tcp' }, 3478, 'tcp'],
    // Chromium 156 accepts the value in upper case (measured): so does the parser.
    ['turn:turn.senso.cloud?transport=TCP', { scheme: 'turn', transport: 'tcp' }, 3478, 'tcp'],
    ['turn:turn.senso.cloud:80?transport=udp', { port: 80, transport: 'udp' }, 80, 'udp'],
    ['turns:turn.senso.cloud', { scheme: 'turns', port: null }, 5349, 'tls'],
    ['turns:turn.senso.cloud:443?transport=tcp', { scheme: 'turns', port: 443 }, 443, 'tls'],
    ['TURN:Turn.Senso.Cloud', { scheme: 'turn', host: 'turn.senso.cloud' }, 3478, 'udp'],
    ['turn:[::ffff:192.0.2.1]', { host: '::ffff:192.0.2.1', hostKind: 'ipv6' }, 3478, 'udp'],
  ])('%s', (text, expected, port, transport) => {
    const result = parseIceUri(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject(expected);
    expect(effectivePort(result.value)).toBe(port);
    expect(serverTransport(result.value)).toBe(transport);
  });
});

describe('parseIceUri rejects with a named error', () => {
  it.each([
    [42, 'not-a-string'],
    ['', 'empty'],
    ['stun: stun.example.org', 'whitespace'],
    ['stun.example.org:3478', 'scheme'],
    ['https://stun.example.org', 'scheme'],
    ['stuns:stun.example.org', 'unsupported-scheme'],
    ['stun://stun.example.org', 'authority'],
    ['turn:user:pass@turn.example.org', 'userinfo'],
    ['turn:turn.example.org/path', 'path'],
    ['turn:turn.example.org#x', 'fragment'],
    ['turn:', 'host'],
    ['turn:exa mple', 'whitespace'],
    ['turn:bad_host!', 'host'],
    ['turn:10.0.0.256', 'host'],
    ['turn:2001:db8::1', 'ipv6-brackets'],
    ['turn:[2001:db8::g]', 'host'],
    ['turn:[2001:db8::1', 'host'],
    ['turn:[2001:db8::1]x', 'host'],
    ['turn:turn.example.org:', 'port'],
    ['turn:turn.example.org:0', 'port'],
    ['turn:turn.example.org:65536', 'port'],
    ['turn:turn.example.org:34a', 'port'],
    ['stun:stun.example.org?transport=udp', 'query'],
    ['turn:turn.example.org?foo=bar', 'query'],
    ['turn:turn.example.org?', 'query'],
    ['turn:turn.example.org?transport=sctp', 'transport'],
    ['turns:turn.example.org?transport=udp', 'transport'],
    ['turn:' + 'a'.repeat(3000), 'too-long'],
  ])('%j -> %s', (text, code) => {
    const result = parseIceUri(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeLessThan(200);
    }
  });
});

const hostArb: fc.Arbitrary<Pick<IceUri, 'host' | 'hostKind'>> = fc.oneof(
  fc.domain().map((host) => ({ host: host.toLowerCase(), hostKind: 'name' as const })),
  fc.ipV4().map((host) => ({ host, hostKind: 'ipv4' as const })),
  fc.ipV6().map((host) => ({ host: host.toLowerCase(), hostKind: 'ipv6' as const })),
);

const uriArb: fc.Arbitrary<IceUri> = fc
  .record({
    scheme: fc.constantFrom('stun' as const, 'turn' as const, 'turns' as const),
    address: hostArb,
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: null }),
    transport: fc.constantFrom('udp' as const, 'tcp' as const, null),
  })
  .map(({ scheme, address, port, transport }) => ({
    scheme,
    ...address,
    port,
    transport: scheme === 'stun' ? null : scheme === 'turns' && transport === 'udp' ? 'tcp' : transport,
  }));

describe('properties', () => {
  it('parse(format(uri)) gives back the same uri', () => {
    fc.assert(
      fc.property(uriArb, (uri) => {
        expect(parseIceUri(formatIceUri(uri))).toEqual({ ok: true, value: uri });
      }),
    );
  });

  it('format(parse(text)) is a fixed point for every accepted text', () => {
    fc.assert(
      fc.property(uriArb.map(formatIceUri), (text) => {
        const first = parseIceUri(text);
        if (!first.ok) throw new Error(first.error.message);
        expect(formatIceUri(first.value)).toBe(text);
      }),
    );
  });

  it('never throws, whatever the input', () => {
    const nearMisses = fc
      .tuple(fc.constantFrom('stun:', 'turn:', 'turns:', 'stuns:', ''), fc.string({ unit: 'binary' }))
      .map(([scheme, rest]) => scheme + rest);
    fc.assert(
      fc.property(fc.oneof(nearMisses, fc.anything()), (input) => {
        const result = parseIceUri(input);
        if (!result.ok) expect(result.error.code).toMatch(/^[a-z-]+$/);
      }),
    );
  });
});

describe('iceServerKeyOf matches the URL Chrome reports with the URL the profile wrote', () => {
  it.each([
    ['stun:stun.example.org', 'stun:stun.example.org:3478'],
    ['turn:turn.example.org', 'turn:turn.example.org:3478?transport=udp'],
    ['turns:turn.example.org:443', 'turns:turn.example.org:443?transport=tcp'],
  ])('%s ~ %s', (written, reported) => {
    expect(iceServerKeyOf(written)).toBe(iceServerKeyOf(reported));
  });

  it('keeps transports apart', () => {
    expect(iceServerKeyOf('turn:t.example.org?transport=tcp')).not.toBe(iceServerKeyOf('turn:t.example.org'));
  });
});
