import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../src/i18n/english';
import { PolicyProblems } from '../../src/policy/problems';
import { readReportEndpoint } from '../../src/policy/report-endpoint';
import { browserHost, isLocalHost, localKind, localTargets, probeUrl } from '../../src/profile/local-targets';
import { validateProfile } from '../../src/profile/validate';

/**
 * Issue 29.7 and the collector half of 29.8: LAN, loopback and metadata
 * addresses written in every form the WHATWG URL parser also accepts. What the
 * browser contacts is what `new URL()` makes of the host, so each form must be
 * recognised as that address before the first run.
 */
describe('7. LAN targets however they are written', () => {
  it.each([
    ['0x7f.0.0.1', '127.0.0.1', 'loopback'],
    ['0x7f.0x1', '127.0.0.1', 'loopback'],
    ['127.1', '127.0.0.1', 'loopback'],
    ['2130706433', '127.0.0.1', 'loopback'],
    ['0177.0.0.1', '127.0.0.1', 'loopback'],
    ['0x7f000001', '127.0.0.1', 'loopback'],
    ['１２７.０.０.１', '127.0.0.1', 'loopback'],
    ['0xc0.0xa8.1.1', '192.168.1.1', 'private'],
    ['3232235777', '192.168.1.1', 'private'],
    ['10.1', '10.0.0.1', 'private'],
    ['0', '0.0.0.0', 'unspecified'],
    ['100.64.0.1', '100.64.0.1', 'carrierGradeNat'],
    ['0xa9.0xfe.0xa9.0xfe', '169.254.169.254', 'metadata'],
    ['[fd00:ec2::254]', 'fd00:ec2::254', 'metadata'],
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1', 'loopback'],
    ['[::ffff:c0a8:101]', '::ffff:c0a8:101', 'private'],
    ['[64:ff9b::7f00:1]', '64:ff9b::7f00:1', 'loopback'],
    ['[fe80::1]', 'fe80::1', 'linkLocal'],
    ['[fc00::1]', 'fc00::1', 'uniqueLocal'],
    ['LOCALHOST.', 'localhost.', 'site-name'],
    ['printer.home.arpa', 'printer.home.arpa', 'site-name'],
  ])('%s is read by the browser as %s (%s)', (host, canonical, kind) => {
    expect(browserHost(host)).toBe(canonical);
    expect(localKind(host)).toBe(kind);
    expect(isLocalHost(host)).toBe(true);
  });

  it.each(['203.0.113.10', '0xcb.0.113.10', 'turn.example.org', '[2001:db8::1]', '8.8.8.8', 'a.0x7f.example'])('%s is not local', (host) => {
    expect(localKind(host)).toBeNull();
  });

  it('every form is listed before the first run, with the address the browser will contact', () => {
    const { profile, errors } = validateProfile({
      id: 'disguised',
      name: 'Disguised',
      version: '1',
      rules: [
        { id: 'web', kind: 'https', purpose: 'x', url: 'https://0x7f.0.0.1:8443/cgi-bin/reboot?confirm=1' },
        { id: 'stun', kind: 'stun', purpose: 'x', urls: ['stun:0x7f.0x1:3478', 'stun:stun.example.org'] },
        { id: 'relay', kind: 'turn', purpose: 'x', urls: ['turn:0xc0.0xa8.0x1.0x1:3478?transport=tcp'], username: 'u', credential: 'c' },
        { id: 'raw', kind: 'tcp', purpose: 'x', hosts: ['0xa9.0xfe.0xa9.0xfe', 'app.example.org'], ports: [80] },
      ],
    });
    expect(errors).toEqual([]);
    expect(localTargets(profile!)).toEqual([
      { ruleId: 'web', target: '127.0.0.1:8443 (TCP)' },
      { ruleId: 'stun', target: '0x7f.0x1 = 127.0.0.1:3478 (UDP)' },
      { ruleId: 'relay', target: '0xc0.0xa8.0x1.0x1 = 192.168.1.1:3478 (TCP)' },
      { ruleId: 'raw', target: '0xa9.0xfe.0xa9.0xfe = 169.254.169.254 (TCP 80)' },
    ]);
    expect(probeUrl('https://0x7f.0.0.1:8443/cgi-bin/reboot?confirm=1')).toBe('https://127.0.0.1:8443/');
  });
});

describe('8. the collector URL never names this device or its network', () => {
  const read = (url: string) => {
    const problems = new PolicyProblems();
    return { endpoint: readReportEndpoint({ url, headers: { Authorization: 'Bearer t0ken' } }, problems), problems: problems.list };
  };

  it.each([
    ['https://127.0.0.1:4318/v1/logs', /a loopback address/],
    ['https://0x7f.1:4318/v1/logs', /a loopback address/],
    ['https://localhost:4318/v1/logs', /a loopback address/],
    ['https://otel.localhost/v1/logs', /a loopback address/],
    ['https://[::1]:4318/v1/logs', /a loopback address/],
    ['https://192.168.1.1/v1/logs', /a private address/],
    ['https://169.254.169.254/latest/meta-data/', /metadata/],
    ['https://[fd00:ec2::254]/v1/logs', /metadata/],
    ['https://[fe80::1]/v1/logs', /link-local/],
    ['https://100.64.1.1/v1/logs', /carrier-grade NAT/],
  ])('%s is refused as a named problem, and nothing is sent', (url, range) => {
    const { endpoint, problems } = read(url);
    expect(endpoint).toBeUndefined();
    expect(problems.map((p) => [p.field, inEnglish(p.message)])).toEqual([['reportEndpoint.url', expect.stringMatching(range)]]);
    expect(inEnglish(problems[0]!.message)).toMatch(/nothing is sent/);
  });

  it.each(['https://otel.district.example:4318/v1/logs', 'https://203.0.113.20:4318/v1/logs', 'https://otel.district.internal/v1/logs'])(
    '%s is kept',
    (url) => {
      expect(read(url).problems).toEqual([]);
    },
  );
});
