import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cause } from '../../src/checks/cause-info';
import { translatorFromMessages } from '../../src/i18n/translate';
import type { Report } from '../../src/report/types';
import { badgeFor } from '../../src/view/badge';
import { headlineText } from '../../src/view/headline';
import { plainOutcomes } from '../../src/view/plain';
import { STATUS_KINDS, statusOf, type StatusInput } from '../../src/view/status';
import { statusCopyText } from '../../src/view/status-copy';
import { LOCALES, messagesOf } from '../support/locales';
import { jargonIn } from '../fixtures/jargon';

/**
 * Every row of the status model (src/view/status.ts), rendered in every
 * language: docs/status.md holds the result (UPDATE_DOCS=1 rewrites it), so the
 * table in the docs is what the code says, word for word.
 */
const DOC = resolve(import.meta.dirname, '../../docs/status.md');

type Route = Report['verdict']['route'];
interface RowSpec {
  /** What the network was, in the table's words. */
  when: string;
  route: Route;
  verified?: boolean;
  offline?: boolean;
  missing?: number;
  others?: Exclude<Cause, 'firewall'>[];
  /** Blocked required services, by cause. */
  blocked?: (Cause | null)[];
  nothingTestable?: boolean;
  proxyLogin?: boolean;
}

const ROWS: RowSpec[] = [
  { when: 'Hole punching proven, nothing missing', route: 'hole-punching' },
  { when: 'Hole punching likely, not proven by a call', route: 'hole-punching', verified: false },
  { when: 'Hole punching proven, firewall rules missing (a fallback)', route: 'hole-punching', missing: 2 },
  ...(['relay-credentials', 'proxy', 'dns-filter', 'vendor-server', 'network-path', 'this-device', 'unknown'] as const).map((cause): RowSpec => ({
    when: `Hole punching proven, a finding of cause \`${cause}\``,
    route: 'hole-punching',
    others: [cause],
  })),
  { when: 'Relayed (TURN over TCP), nothing missing', route: 'relay-tcp' },
  { when: 'Relayed (TURN over UDP), firewall rules missing (for the direct route)', route: 'relay-udp', missing: 3 },
  { when: 'Relayed, a vendor server at fault', route: 'relay-tls', others: ['vendor-server'] },
  { when: 'Direct, one required service blocked by the firewall', route: 'hole-punching', missing: 1, blocked: ['firewall'] },
  { when: 'Relayed, two required services blocked by the firewall', route: 'relay-tcp', missing: 2, blocked: ['firewall', 'firewall'] },
  {
    when: 'Direct, required services: the proxy asks for a login (407)',
    route: 'hole-punching',
    blocked: ['proxy', 'proxy'],
    others: ['proxy'],
    proxyLogin: true,
  },
  { when: 'Direct, a required service blocked by the proxy', route: 'hole-punching', blocked: ['proxy'], others: ['proxy'] },
  { when: 'Direct, a required service hidden by a DNS filter', route: 'hole-punching', blocked: ['dns-filter'], others: ['dns-filter'] },
  { when: "Direct, a required service fails at the vendor's server", route: 'hole-punching', blocked: ['vendor-server'], others: ['vendor-server'] },
  { when: 'Direct, a required service fails, cause not certain', route: 'hole-punching', blocked: ['unknown'], others: ['unknown'] },
  { when: 'Relayed, services blocked by the firewall and by the proxy', route: 'relay-tcp', missing: 1, blocked: ['firewall', 'proxy'], others: ['proxy'] },
  { when: 'Direct, services blocked by a DNS filter and the proxy', route: 'hole-punching', blocked: ['dns-filter', 'proxy'], others: ['proxy', 'dns-filter'] },
  { when: 'No STUN/TURN in the profile, a required service blocked', route: 'untested', missing: 1, blocked: ['firewall'] },
  { when: 'No route, firewall rules missing', route: 'none', missing: 4 },
  { when: 'No route, firewall rules missing, and the relay refused the login', route: 'none', missing: 3, others: ['relay-credentials'] },
  { when: 'No route, the relay refused the login', route: 'none', others: ['relay-credentials'] },
  { when: 'No route, the proxy asks for a login (407)', route: 'none', others: ['proxy'], proxyLogin: true },
  { when: 'No route, the proxy', route: 'none', others: ['proxy'] },
  { when: 'No route, a DNS filter', route: 'none', others: ['dns-filter'] },
  { when: "No route, the vendor's servers", route: 'none', others: ['vendor-server'] },
  { when: 'No route, cause not certain', route: 'none', others: ['unknown'] },
  { when: 'This device has no network', route: 'none', offline: true, missing: 7 },
  { when: 'Nothing a browser can test', route: 'untested', nothingTestable: true },
  { when: 'No STUN/TURN in the profile, every service reachable', route: 'untested' },
];

function reportOf(row: RowSpec): StatusInput & Pick<Report, 'checks' | 'profile' | 'verifyRules'> {
  const rule = (i: number) => ({ ruleId: `r${i}`, required: true, text: `rule ${i}` }) as unknown as Report['missingRules'][number];
  const blocked = (row.blocked ?? []).map((cause, i) => ({ ruleId: `s${i}`, purpose: ['Web app', 'Signalling', 'API'][i] ?? `S${i}`, cause, checkIds: [] }));
  const calls = row.route === 'untested' ? 'untested' : row.route === 'none' ? 'fail' : row.route === 'hole-punching' ? 'direct' : 'relayed';
  return {
    verdict: {
      route: row.route,
      routeVerified: row.verified ?? (row.route !== 'none' && row.route !== 'untested'),
      device: row.offline ? 'offline' : 'online',
      methods: [],
    } as unknown as Report['verdict'],
    missingRules: Array.from({ length: row.missing ?? 0 }, (_, i) => rule(i)),
    verifyRules: row.nothingTestable ? [rule(8)] : [],
    otherCauses: (row.others ?? []).map((cause) => ({ cause, rules: [rule(9)], notes: [], text: `${cause} lines` })) as unknown as Report['otherCauses'],
    outcome: { tone: 'slow', calls, blockedServices: blocked, nothingTestable: row.nothingTestable ?? false } as unknown as Report['outcome'],
    // The route's STUN/TURN checks that failed, one per cause the row names (the status reads the route's causes from them).
    checks: [
      ...(row.route === 'none' && (row.missing ?? 0) > 0 ? [{ id: 'fw', kind: 'stun', status: 'fail', reason: 'timeout', cause: 'firewall' }] : []),
      ...(row.route === 'none' ? (row.others ?? []).map((cause) => ({ id: cause, kind: 'turn', status: 'fail', reason: 'timeout', cause })) : []),
      ...(row.proxyLogin ? [{ id: 'c', kind: 'https', reason: 'proxy-auth', status: 'fail', cause: 'proxy' }] : []),
    ] as unknown as Report['checks'],
    profile: { id: 'lab', name: 'Lab', version: '1' } as Report['profile'],
  };
}

const TRANSLATORS = Object.fromEntries(LOCALES.map((lang) => [lang, translatorFromMessages(messagesOf(lang))]));

function renderDoc(): string {
  const out: string[] = [
    '# Status: what the top layer, the badge, the ticket and the fleet say',
    '',
    '<!-- Generated by test/unit/status-table.test.ts from src/view/status.ts and _locales/ (UPDATE_DOCS=1 rewrites it): do not edit by hand. -->',
    '',
    "Every report has one status (`statusOf`, src/view/status.ts). The popup's headline, its second line and next step,",
    "the toolbar badge, the ticket text's first line and the fleet record's `wnc.status` / `wnc.next_actor` all read it,",
    'so none of them can tell another story. Colour = status (amber for a direct route not yet proven); the badge number',
    "counts only missing firewall rules (the network admin's actions), otherwise it shows the status's symbol. The",
    'next step is addressed to whoever can act on the cause the status names; its button copies the firewall rules or',
    "that cause's section of “Details for IT”.",
    '',
    '| # | network | status | colour | badge | cause | next step for | button copies |',
    '|---|---|---|---|---|---|---|---|',
  ];
  ROWS.forEach((row, i) => {
    const r = reportOf(row);
    const s = statusOf(r);
    const b = badgeFor(r);
    out.push(`| ${i + 1} | ${row.when} | ${s.kind} | ${s.tone} | ${b.text} | ${s.cause ?? '—'} | ${s.actor} | ${s.copy ?? '—'} |`);
  });
  out.push('', '## Words, by row and language', '');
  ROWS.forEach((row, i) => {
    const r = reportOf(row);
    const s = statusOf(r);
    out.push(`### ${i + 1}. ${row.when}`, '', '| language | headline | second line | next step |', '|---|---|---|---|');
    for (const lang of LOCALES) {
      const t = TRANSLATORS[lang]!;
      const cell = (text: string) => text.replace(/\|/g, '\\|');
      out.push(
        `| ${lang} | ${cell(headlineText(s.headline, t))} | ${s.headline.caveatKey ? cell(t(s.headline.caveatKey)) : '—'} | ${cell(t(s.nextStepKey, [t('usage_default')]))} |`,
      );
    }
    out.push('');
  });
  return out.join('\n');
}

describe('the status table (docs/status.md)', () => {
  const doc = renderDoc();

  it('is what the code and the locale files say, every row in every language', () => {
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, doc);
    expect(readFileSync(DOC, 'utf8')).toBe(doc);
  });

  it('reaches every status, and each row renders without a missing key or jargon on the top layer', () => {
    const kinds = new Set(ROWS.map((row) => statusOf(reportOf(row)).kind));
    expect([...kinds].sort()).toEqual([...STATUS_KINDS].sort());
    for (const lang of LOCALES) expect(doc, lang).not.toMatch(/\[[a-z_]+\]/);
    for (const row of ROWS) {
      const s = statusOf(reportOf(row));
      for (const lang of LOCALES) {
        const t = TRANSLATORS[lang]!;
        expect(jargonIn(headlineText(s.headline, t)), `${lang}: ${row.when}`).toEqual([]);
        expect(jargonIn(t(s.nextStepKey, [t('usage_default')])), `${lang}: ${row.when}`).toEqual([]);
      }
    }
  });

  it('has a button exactly where there is something to send, and sends it to the actor the step names', () => {
    for (const row of ROWS) {
      const r = reportOf(row);
      const s = statusOf(r);
      const text = statusCopyText(r, s, TRANSLATORS.en!);
      if (s.copy === 'firewall-rules') expect(text, row.when).toMatch(/rule \d/);
      else if (s.copy === 'cause-section') expect(text, row.when).toContain(`${s.cause} lines`);
      else expect(text, row.when).toBeNull();
      // The firewall's button only with firewall rules; every other cause's only with its section.
      if (s.actor === 'network-admin' && s.cause === 'firewall') expect(s.copy, row.when).toBe('firewall-rules');
    }
  });

  it('never says "blocked" in a row under an offline or a working status that was not blocked', () => {
    for (const row of ROWS) {
      const r = reportOf(row);
      const s = statusOf(r);
      const rows = plainOutcomes({ ...r, verdict: { ...r.verdict, methods: [] } }, s.kind);
      if (s.kind === 'offline') expect(rows, row.when).toEqual([]);
      // A required service that failed is a problem row, by its vendor name.
      expect(rows.filter((o) => o.group === 'service').map((o) => o.service)).toEqual(
        r.outcome!.blockedServices.map((b) => b.purpose).slice(0, s.kind === 'offline' ? 0 : undefined),
      );
    }
  });
});
