import { phrase } from '../i18n/phrase';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translatorFromMessages } from '../i18n/translate';
import { validateReport } from '../../test/fixtures/schemas';
import { TURN_CREDENTIALS } from '../../test/lab/lab';
import { messagesOf, TRANSLATIONS } from '../../test/support/locales';
import { redactIps } from './redact-ips';
import { formatRate } from './labels';
import { renderTicketText } from '../view/ticket-text';
import type { Report } from './types';

const messages = messagesOf;
const t = translatorFromMessages(messages('en'));
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../test/fixtures/reports/${name}.json`, import.meta.url), 'utf8')) as Report;

/** Real reports captured from lab runs (see test/fixtures/reports/README.md). */
const REPORTS = ['direct', 'relayed-tcp', 'relayed-udp-symmetric', 'failed'] as const;

describe('report fixtures', () => {
  it.each(REPORTS)('%s validates against docs/report.schema.json', (name) => {
    expect(validateReport(fixture(name))).toEqual([]);
  });

  it('cover a direct, a relayed and a failed route', () => {
    expect(REPORTS.map((n) => fixture(n).verdict.route)).toEqual(['hole-punching', 'relay-tcp', 'relay-udp', 'none']);
  });
});

describe('ticket text golden files', () => {
  // UPDATE_GOLDEN=1 rewrites them; read the diff before committing.
  it.each(REPORTS)('%s (redacted, English) matches its golden file', (name) => {
    const text = renderTicketText(redactIps(fixture(name)), t);
    const golden = new URL(`../../test/fixtures/reports/${name}.ticket.md`, import.meta.url);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, text);
    expect(existsSync(golden), `missing golden file ${golden.pathname}; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });
});

describe('ticket text', () => {
  const report = fixture('relayed-tcp');

  it('puts the summary first: profile, route, then missing rules with their rule text', () => {
    const text = renderTicketText(report, t);
    const at = (s: string) => text.indexOf(s);
    expect(at('Profile: Network lab (lab), version 1')).toBeGreaterThan(0);
    expect(at('Relayed over TCP (TURN)')).toBeGreaterThan(at('Profile:'));
    expect(at('## Missing firewall rules (')).toBeGreaterThan(at('Relayed over TCP'));
    for (const rule of report.missingRules) expect(text).toContain(rule.text);
    expect(at('## Checks (')).toBeGreaterThan(at('## Missing firewall rules'));
    expect(at('## Environment')).toBeGreaterThan(at('## Checks ('));
  });

  it('gives every check its status, reason and timing', () => {
    const text = renderTicketText(report, t);
    for (const c of report.checks) {
      const line = text.split('\n').find((l) => l.includes(`] ${c.target} (`) && l.includes(c.ruleId));
      expect(line, c.id).toBeDefined();
      if (c.reason) expect(line).toContain(`reason: ${c.reason}`);
      if (c.durationMs !== null) expect(line).toMatch(/time: \d/);
    }
  });

  it('renders in German and French with no missing key', () => {
    for (const lang of TRANSLATIONS) {
      const text = renderTicketText(report, translatorFromMessages(messages(lang)));
      expect(text).not.toMatch(/\[(report|export)_[a-z_]+\]/);
      expect(text).not.toContain('Missing firewall rules');
    }
    expect(renderTicketText(report, translatorFromMessages(messages('de')))).toContain('Fehlende Firewall-Regeln');
  });

  it('never contains the lab TURN credentials', () => {
    for (const name of REPORTS) {
      const text = renderTicketText(fixture(name), t) + JSON.stringify(fixture(name));
      expect(text).not.toContain(TURN_CREDENTIALS.credential);
      expect(text).not.toContain(TURN_CREDENTIALS.username);
    }
  });
});

describe('redactIps', () => {
  const report = fixture('direct');
  const redacted = redactIps(report);
  const json = JSON.stringify(redacted);

  it('says so in the JSON, which still validates', () => {
    expect(report.redaction.ipAddresses).toBe(false);
    expect(redacted.redaction.ipAddresses).toBe(true);
    expect(validateReport(redacted)).toEqual([]);
  });

  it('replaces the local and public addresses everywhere with stable placeholders', () => {
    const host = report.candidates.find((c) => c.type === 'host')!.address!;
    const pub = report.nat.publicAddresses[0]!;
    expect(json).not.toMatch(new RegExp(`(?<![\\d.])${host.replace(/\./g, '\\.')}(?![\\d])`));
    expect(json).not.toMatch(new RegExp(`(?<![\\d.])${pub.replace(/\./g, '\\.')}(?![\\d])`));
    expect(new Set(redacted.candidates.filter((c) => c.type === 'host').map((c) => c.address))).toEqual(new Set(['host-1']));
    expect(redacted.nat.publicAddresses).toEqual(['public-1']);
    expect(redacted.candidates.filter((c) => c.type === 'srflx').every((c) => c.address === 'public-1' && c.relatedAddress === 'host-1')).toBe(true);
    expect(redacted.candidates.every((c) => !c.candidate.includes(host))).toBe(true);
    expect(JSON.stringify(redacted.nat.reason)).toContain('public-1:');
  });

  it('keeps the servers support needs to read', () => {
    expect(redacted.checks.map((c) => c.target)).toEqual(report.checks.map((c) => c.target));
    expect(redacted.missingRules.map((r) => r.text)).toEqual(report.missingRules.map((r) => r.text));
  });

  it('does not replace an address inside a longer one', () => {
    const servers = `${report.nat.publicAddresses[0]}0 and ${report.nat.publicAddresses[0]}.`;
    const tricky = { ...report, nat: { ...report.nat, reason: phrase('nat_none_answered', { servers }) } };
    expect(redactIps(tricky).nat.reason).toEqual(phrase('nat_none_answered', { servers: `${report.nat.publicAddresses[0]}0 and public-1.` }));
  });

  it('gives the same placeholders for the same report', () => {
    expect(redactIps(report)).toEqual(redacted);
  });
});

describe('redactIps on a masked ICE error address', () => {
  it("gives Chrome's masked local address (10.99.0.x) the placeholder of the interface it masks", () => {
    const report = fixture('direct');
    const masked = report.iceErrors.find((e) => e.address?.endsWith('.x'));
    expect(masked).toBeDefined();
    const redacted = redactIps(report);
    expect(redacted.iceErrors.find((e) => e.gatheringId === masked!.gatheringId)!.address).toBe('host-1');
  });
});

describe('redactIps on ChromeOS device facts', () => {
  it('hides the network details the enterprise API gives, with the same placeholder as the candidates', () => {
    const report = fixture('direct');
    const host = report.candidates.find((c) => c.type === 'host')!.address!;
    const device = { available: true, reason: null, facts: { hostname: 'class-3b-07', ipv4: host, ipv6: 'fd00:1::7', macAddress: '0a:1b:2c:3d:4e:5f' } };
    const redacted = redactIps({ ...report, environment: { ...report.environment, device } });
    expect(redacted.environment.device.facts).toEqual({ hostname: 'class-3b-07', ipv4: 'host-1', ipv6: 'host-2', macAddress: 'mac-1' });
    expect(validateReport(redacted)).toEqual([]);
  });
});

describe('loopback calls in the ticket text', () => {
  const withCalls: Report = {
    ...fixture('direct'),
    loopbacks: [
      {
        id: 'loopback-relay-udp',
        path: 'relay-relay',
        transport: 'udp',
        turnUrl: 'turn:203.0.113.10:3478?transport=udp',
        checkId: 'turn-udp#1',
        budgetMs: 2500,
        connected: true,
        sent: 30,
        received: 29,
        rttMs: 12,
        jitterMs: 1.26,
        loss: 1 / 30,
        throughputKbps: 1_840,
        pairRttMs: 11,
        availableOutgoingBitrate: null,
        selectedPair: { localType: 'relay', remoteType: 'relay', protocol: 'udp', relayProtocol: 'udp', localPort: 49160, remotePort: 49161 },
        durationMs: 900,
        setupError: null,
      },
    ],
  };

  it('gives rates in kbit/s below 1 Mbit/s, one decimal below 10 Mbit/s, whole Mbit/s above', () => {
    expect([640, 1_840, 25_379].map((kbps) => formatRate(kbps))).toEqual(['640 kbit/s', '1.8 Mbit/s', '25 Mbit/s']);
  });

  it('lists each call with its figures and grade, and the report still validates', () => {
    expect(validateReport(withCalls)).toEqual([]);
    const text = renderTicketText(withCalls, t);
    expect(text).toContain(
      'Relay ↔ relay over UDP (turn:203.0.113.10:3478?transport=udp): 29 of 30 packets arrived, round trip 12 ms, jitter 1.3 ms, throughput at least 1.8 Mbit/s — audio only',
    );
  });
});
