import { describe, expect, it } from 'vitest';
import open from '../../test/fixtures/reports/lab-open.json';
import udpDropped from '../../test/fixtures/reports/lab-udp-dropped.json';
import failed from '../../test/fixtures/reports/failed.json';
import { LOCALES as LOCALE_NAMES, messagesOf } from '../../test/support/locales';
import { jargonIn } from '../../test/fixtures/jargon';
import type { MessagesFile } from '../i18n/translate';
import type { Report } from '../report/types';
import type { MethodStatus, Verdict } from '../verdict';
import { ROUTE_HEADLINE_KEYS } from './headline';
import { renderTicketText } from './ticket-text';
import { translatorFromMessages } from '../i18n/translate';
import { nextStepKey, PLAIN_OUTCOME_KEYS, plainOutcomes, progressByPurpose, PURPOSE_KEYS, usageKeys } from './plain';
import { STATUS_NEXT_STEP_KEYS as NEXT_STEP_KEYS, statusOf } from './status';

const OPEN = open as unknown as Report;
const UDP_DROPPED = udpDropped as unknown as Report;
const FAILED = failed as unknown as Report;
const LOCALES: Record<string, MessagesFile> = Object.fromEntries(LOCALE_NAMES.map((lang) => [lang, messagesOf(lang)]));

describe('plain outcomes', () => {
  it('never shows a green row under a red outcome: the working LAN is neutral when calls fail', () => {
    expect(FAILED.verdict.route).toBe('none');
    const rows = plainOutcomes(FAILED, statusOf(FAILED).kind);
    expect(rows.some((r) => r.tone === 'good')).toBe(false);
    expect(rows.find((r) => r.group === 'lan')).toMatchObject({ key: 'plain_lan_unverified', tone: 'neutral', passing: true });
    // Every required service that failed is a problem row of its own, named in the vendor's words.
    const services = FAILED.outcome.blockedServices.map(() => 'service');
    expect(rows.filter((r) => !r.passing).map((r) => r.group)).toEqual([...services, 'hole-punching', 'relay']);
    expect(rows.filter((r) => r.group === 'service').map((r) => r.service)).toEqual(FAILED.outcome.blockedServices.map((s) => s.purpose));
  });

  it('says "blocked, calls go through the relay" when hole punching fails and the relay works', () => {
    const rows = plainOutcomes(UDP_DROPPED, 'relayed');
    expect(rows.find((r) => r.group === 'hole-punching')).toMatchObject({ key: 'plain_hole_punching_unavailable_relayed', tone: 'bad', passing: false });
    expect(rows.find((r) => r.group === 'relay')).toMatchObject({ tone: 'good', passing: true });
  });

  it('folds everything away on an open network', () => {
    const rows = plainOutcomes({ ...OPEN, outcome: { ...OPEN.outcome, blockedServices: [] } }, 'direct');
    expect(rows.every((r) => r.passing)).toBe(true);
    // A same-network call is possible, never proven by one device: neutral, not green.
    expect(rows.map((r) => r.tone)).toEqual(['neutral', 'good', 'good']);
  });

  it('names a key that exists for every method status', () => {
    const statuses: MethodStatus[] = ['available', 'unverified', 'unavailable', 'untested'];
    for (const lan of statuses)
      for (const punching of statuses)
        for (const relay of statuses) {
          const verdict = {
            ...OPEN.verdict,
            methods: [
              { method: 'lan', status: lan, reasons: [] },
              { method: 'hole-punching', status: punching, reasons: [] },
              { method: 'relay-udp', status: relay, reasons: [] },
            ],
          } as unknown as Verdict;
          for (const row of plainOutcomes({ verdict, checks: [] }, 'relayed')) expect(PLAIN_OUTCOME_KEYS).toContain(row.key);
        }
  });
});

describe('next step', () => {
  it('sends missing rules to the network admin, and a red outcome without one to support', () => {
    expect(nextStepKey(FAILED)).toBe(FAILED.missingRules.length > 0 ? 'next_step_none_rules' : 'status_next_unknown');
    // No route and no firewall rule to blame: the cause is not certain, and support gets what would decide it.
    expect(nextStepKey({ verdict: FAILED.verdict, missingRules: [] })).toBe('status_next_unknown');
    expect(nextStepKey({ verdict: OPEN.verdict, missingRules: [] })).toBe('next_step_nothing');
    expect(nextStepKey({ ...UDP_DROPPED, otherCauses: [], outcome: { ...UDP_DROPPED.outcome, blockedServices: [] } })).toBe('next_step_relayed_rules');
  });

  it('asks an offline device to connect first, and an untestable profile for the firewall check', () => {
    expect(nextStepKey({ verdict: { ...FAILED.verdict, device: 'offline' }, missingRules: FAILED.missingRules })).toBe('next_step_offline');
    expect(nextStepKey({ verdict: { ...FAILED.verdict, route: 'untested' }, missingRules: [], verifyRules: FAILED.missingRules })).toBe('next_step_untested');
    expect(nextStepKey({ verdict: { ...FAILED.verdict, route: 'untested' }, missingRules: [] })).toBe('status_next_nothing_testable');
    // No firewall rule missing, but a DNS (or proxy, credentials …) finding: the firewall is not the next step.
    const dns = { cause: 'dns-filter' as const, rules: [OPEN.missingRules[0]!], notes: [], lines: [], text: '' };
    expect(nextStepKey({ verdict: OPEN.verdict, missingRules: [], otherCauses: [dns] })).toBe('status_next_dns');
    expect(nextStepKey({ verdict: OPEN.verdict, missingRules: OPEN.missingRules, otherCauses: [dns] })).toBe('next_step_direct_rules');
  });

  it('never counts the LAN as a problem: one device cannot prove it, and it carries no call outside', () => {
    for (const status of ['available', 'unverified', 'unavailable', 'untested'] as MethodStatus[]) {
      const verdict = { ...OPEN.verdict, methods: OPEN.verdict.methods.map((m) => (m.method === 'lan' ? { ...m, status } : m)) } as Verdict;
      // Shown with what works when possible, left out otherwise: never a problem row.
      const lan = plainOutcomes({ verdict, checks: [] }, 'direct').find((r) => r.group === 'lan');
      expect(lan === undefined || lan.passing, status).toBe(true);
    }
  });

  it("uses the profile's own word for what its users see, else the neutral one", () => {
    expect(usageKeys('senso')).toEqual(['usage_senso', 'usage_default']);
    expect(usageKeys('my-school')).toEqual([null, 'usage_default']);
    for (const lang of Object.keys(LOCALES)) expect(LOCALES[lang]!.usage_senso?.message).toBeTruthy();
  });
});

describe('progress by purpose', () => {
  it('groups finished checks by what they are for and counts the ones not reached', () => {
    const groups = progressByPurpose(UDP_DROPPED.checks);
    const turn = UDP_DROPPED.checks.filter((c) => c.kind === 'turn');
    expect(groups.find((g) => g.key === 'purpose_turn')).toEqual({
      key: 'purpose_turn',
      done: turn.length,
      failed: turn.filter((c) => c.status === 'fail').length,
    });
    expect(groups.reduce((n, g) => n + g.done, 0)).toBe(UDP_DROPPED.checks.length);
  });
});

describe('top-layer words', () => {
  const TOP_KEYS = [
    ...PLAIN_OUTCOME_KEYS,
    ...NEXT_STEP_KEYS,
    ...Object.values(PURPOSE_KEYS),
    ...Object.values(ROUTE_HEADLINE_KEYS),
    'usage_default',
    'usage_senso',
    'popup_checking_network',
    'popup_issues',
    'popup_passing',
    'popup_check_network',
    'popup_no_report',
    'popup_first_run_product',
    'popup_first_run_product_locked',
    'popup_previous_result',
    'verdict_caveat_unverified',
    'popup_rules_copy',
    'popup_next_copy_failed',
  ];
  for (const lang of Object.keys(LOCALES))
    it(`exist in ${lang} and hold no jargon`, () => {
      for (const key of TOP_KEYS) {
        const message = LOCALES[lang]![key]?.message;
        expect(message, `${lang}:${key}`).toBeTruthy();
        expect(jargonIn(message!), `${lang}:${key}: ${message}`).toEqual([]);
      }
    });
});

describe('ticket text', () => {
  it('starts with what the user saw and the one thing to do', () => {
    const t = translatorFromMessages(messagesOf('en'));
    const lines = renderTicketText(FAILED, t).split('\n');
    expect(lines.slice(2, 5)).toEqual([t('report_user_saw', [t('verdict_headline_none')]), '', t('next_step_none_rules', [t('usage_default')])]);
    const senso = {
      ...UDP_DROPPED,
      otherCauses: [],
      outcome: { ...UDP_DROPPED.outcome, blockedServices: [] },
      profile: { ...UDP_DROPPED.profile, id: 'senso' },
    };
    expect(renderTicketText(senso, t)).toContain('so that live thumbnails and module feedback take the faster direct route');
  });
});
