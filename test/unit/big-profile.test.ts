import { describe, expect, it } from 'vitest';
import { MAX_TARGETS, validateProfile } from '../../src/profile/validate';
import { fitReport, jsonBytes, MAX_STORED_REPORT_BYTES } from '../../src/report/fit';
import { readStoredReport } from '../../src/report/stored';
import type { Report } from '../../src/report/types';
import { renderTicketText } from '../../src/view/ticket-text';
import { validateReport } from '../fixtures/schemas';
import { simulatedReport } from '../support/simulated-run';
import { translatorFromMessages, type MessagesFile } from '../../src/i18n/translate';
import { readFileSync } from 'node:fs';

/**
 * Issue 29.4: a big, schema-valid profile. 200 rules × 100 hosts made a 23 MB
 * report (measured: 20,200 checks, 3.6 MB of merged firewall rules that fit.ts
 * did not cut); no storage write took it, and the previous report stayed on
 * show as this run's. Now the validator bounds the targets, and what a run
 * within the bound produces always fits, marked as cut.
 */
const english = translatorFromMessages(JSON.parse(readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8')) as MessagesFile);

function bigProfile(kind: 'tcp' | 'udp' | 'turn' | 'https', rules: number, hostsPerRule: number) {
  return {
    id: 'big',
    name: 'Big',
    version: '1',
    rules: Array.from({ length: rules }, (_, r) =>
      kind === 'tcp' || kind === 'udp'
        ? {
            id: `r${r}`,
            kind,
            purpose: `Purpose ${r}`,
            hosts: Array.from({ length: hostsPerRule }, (_, h) => `h${h}.r${r}.example.org`),
            ports: [443, 3478, '49152-65535'],
          }
        : kind === 'https'
          ? { id: `r${r}`, kind, purpose: `Purpose ${r}`, url: `https://h${r}.example.org/` }
          : {
              id: `r${r}`,
              kind,
              purpose: `P ${r}`,
              urls: Array.from({ length: hostsPerRule }, (_, h) => `turn:h${h}.r${r}.example.org:3478`),
              username: 'u',
              credential: 'c',
            },
    ),
  };
}

describe('4. a big, valid profile', () => {
  it('200 rules × 100 hosts: the validator keeps the rules within the bound and names the limit at the first rule over it', () => {
    const { profile, errors } = validateProfile(bigProfile('tcp', 200, 100));
    expect(profile?.rules).toHaveLength(MAX_TARGETS / 100);
    expect(errors).toEqual([
      {
        path: 'rules[10]',
        code: 'too-many',
        message: `the rules name more than ${MAX_TARGETS} targets (URLs and hosts) in all, more than one run can check; this rule and the 189 after it are left out`,
      },
    ]);
    // At the bound exactly: nothing is left out.
    expect(validateProfile(bigProfile('udp', 10, 100)).errors).toEqual([]);
  });

  it.each([
    ['tcp', 10, 100],
    ['udp', 10, 100],
    ['turn', 10, 100],
    ['https', 500, 1],
  ] as const)(
    '%s at the bound (%i rules × %i): the report fits storage, reads back and says it was cut',
    (kind, rules, hosts) => {
      const { profile, errors } = validateProfile(bigProfile(kind, rules, hosts));
      const report = fitReport(simulatedReport(profile!, { errors, outcome: 1 }));
      expect(jsonBytes(report)).toBeLessThanOrEqual(MAX_STORED_REPORT_BYTES);
      expect(validateReport(report)).toEqual([]);
      expect(readStoredReport(JSON.parse(JSON.stringify(report)))).not.toBeNull();
      if (report.truncated && report.truncated.length > 0) expect(renderTicketText(report, english)).toContain("Shortened to fit the browser's storage");
    },
    60_000,
  );

  it('lists fit.ts had no rule for (merged firewall rules, other causes, a later version’s) are halved until the report fits', () => {
    const { profile } = validateProfile(bigProfile('udp', 10, 100));
    const base = simulatedReport(profile!, { outcome: 1 });
    const line = { line: { code: 'summary_none' as const }, text: 'allow outbound UDP 3478 to turn.example.org', destination: 'turn.example.org' };
    // A field this version does not know (another helper's, a later version's) rides along.
    const huge: Report = {
      ...base,
      firewallRules: { missing: Array.from({ length: 5_000 }, () => line), alsoCheck: Array.from({ length: 5_000 }, () => line) },
      laterField: Array.from({ length: 5_000 }, (_, i) => ({ i, text: 'y'.repeat(100) })),
    } as unknown as Report;
    expect(jsonBytes(huge)).toBeGreaterThan(4 * MAX_STORED_REPORT_BYTES);
    const fitted = fitReport(huge);
    expect(jsonBytes(fitted)).toBeLessThanOrEqual(MAX_STORED_REPORT_BYTES);
    const fields = fitted.truncated!.map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['firewallRules.missing', 'firewallRules.alsoCheck', 'laterField']));
    expect(fitted.truncated!.find((c) => c.field === 'laterField')).toMatchObject({ total: 5_000 });
    expect(fitted.verdict).toEqual(base.verdict);
  }, 60_000);
});
