import { inEnglish } from '../i18n/english';
import { phrase } from '../i18n/phrase';
import { describe, expect, it } from 'vitest';
import open from '../../test/fixtures/reports/lab-open.json';
import udpDropped from '../../test/fixtures/reports/lab-udp-dropped.json';
import symmetric from '../../test/fixtures/reports/lab-symmetric-nat.json';
import en from '../../_locales/en/messages.json';
import { LOCALES, messagesOf } from '../../test/support/locales';
import { translatorFromMessages, type MessagesFile } from '../i18n/translate';
import type { Report } from '../report/types';
import type { LoopbackResult } from '../ice/loopback';
import { ageText } from './age';
import { badgeFor, BADGE_COLOURS } from './badge';
import { progressRatio } from './checks';
import { diagramLinks } from './diagram';
import { headline } from './headline';
import { methodRows } from './methods';
import { missingRulesText, sortedMissingRules } from './rules';
import { ruleSet } from '../report/rule-set';

/** Reports the probes e2e wrote from real lab runs (open network, UDP dropped, symmetric NAT). */
const OPEN = open as unknown as Report;
const UDP_DROPPED = udpDropped as unknown as Report;
const SYMMETRIC = symmetric as unknown as Report;
const t = translatorFromMessages(en as MessagesFile);

describe('headline', () => {
  it('says direct and good for hole punching', () => {
    expect(headline(OPEN.verdict)).toEqual({
      key: 'verdict_headline_hole_punching',
      substitutions: [],
      services: [],
      tone: 'good',
      icon: '✓',
      caveatKey: null,
    });
    expect(t(headline(OPEN.verdict).key)).toBe('Calls will connect directly (fast)');
  });

  it('says relayed and slow for relay over TCP and over UDP', () => {
    expect(headline(UDP_DROPPED.verdict)).toMatchObject({ key: 'verdict_headline_relay_tcp', tone: 'slow' });
    expect(headline(SYMMETRIC.verdict)).toMatchObject({ key: 'verdict_headline_relay_udp', tone: 'slow' });
  });

  it('adds a caveat only when the route is not proven, and never for none', () => {
    expect(headline({ route: 'relay-tls', routeVerified: false }).caveatKey).toBe('verdict_caveat_unverified');
    expect(headline({ route: 'none', routeVerified: false })).toEqual({
      key: 'verdict_headline_none',
      substitutions: [],
      services: [],
      tone: 'bad',
      icon: '✕',
      caveatKey: null,
    });
  });
});

describe('method rows', () => {
  it('folds five methods into three and gives the reason of a blocked one in one line', () => {
    const rows = methodRows(UDP_DROPPED.verdict);
    expect(rows.map((r) => [r.group, r.status])).toEqual([
      ['lan', 'unverified'],
      ['hole-punching', 'unavailable'],
      ['relay', 'available'],
    ]);
    expect(inEnglish(rows[1]!.reason!)).toMatch(/no answer within 3 s/);
    expect(rows[1]!.moreReasons).toBe(1);
    // UDP relay failed, TCP allocated: relay is shown as working over TCP.
    expect(rows[2]).toMatchObject({ transport: 'tcp', reason: null });
  });

  it('names the symmetric NAT as the reason hole punching is blocked', () => {
    const punching = methodRows(SYMMETRIC.verdict)[1]!;
    expect(punching.status).toBe('unavailable');
    expect(punching.reason!.code).toBe('nat_symmetric');
    expect(inEnglish(punching.reason!)).toMatch(/symmetric NAT/);
    expect(methodRows(SYMMETRIC.verdict)[2]).toMatchObject({ status: 'available', transport: 'udp' });
  });

  it('grades each route by the loopback call through it: relay by its deciding transport, hole punching by the call to the relay port', () => {
    const call = (
      path: LoopbackResult['path'],
      transport: LoopbackResult['transport'],
      received: number,
      setupError: string | null = null,
    ): LoopbackResult => ({
      id: `loopback-${path}-${transport}`,
      path,
      transport,
      turnUrl: `turn:203.0.113.10:3478?transport=${transport}`,
      checkId: 'turn#1',
      budgetMs: 2500,
      connected: received > 0,
      sent: setupError ? 0 : 150,
      received,
      rttMs: received > 0 ? 3.4 : null,
      jitterMs: received > 1 ? 0.4 : null,
      loss: setupError ? null : 1 - received / 150,
      throughputKbps: null,
      pairRttMs: null,
      availableOutgoingBitrate: null,
      selectedPair: null,
      durationMs: 900,
      setupError,
    });
    const rows = methodRows(SYMMETRIC.verdict, SYMMETRIC.checks, [
      call('relay-relay', 'udp', 150),
      call('relay-direct', 'udp', 140),
      call('relay-relay', 'tcp', 0),
    ]);
    expect(rows[0]!.call).toBeNull();
    expect(rows[1]!.call).toMatchObject({ grade: 'audio-only', gradeKey: 'report_grade_audio_only', rttMs: 3.4 });
    expect(rows[1]!.call!.loss).toBeCloseTo(10 / 150);
    expect(rows[2]!.call).toMatchObject({ grade: 'good-for-video', loss: 0 });
    expect(t('popup_call_grade', [t(rows[2]!.call!.gradeKey), '3 ms', '0 %'])).toBe('Test call: good for video (round trip 3 ms, 0 % lost)');
    // A call that could not run says nothing about the route.
    expect(methodRows(SYMMETRIC.verdict, SYMMETRIC.checks, [call('relay-relay', 'udp', 0, 'The offscreen document did not answer.')])[2]!.call).toBeNull();
  });
});

describe('missing rules text', () => {
  it('is the rule set: a heading naming the profile, the merged lines, then what to also check', () => {
    const text = missingRulesText({ ...UDP_DROPPED, firewallRules: ruleSet(UDP_DROPPED) }, t);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Firewall rules missing for Network lab (profile version 1):');
    // STUN and TURN on the same address and port: one line, both purposes.
    expect(text).toContain('Allow outbound UDP to 203.0.113.10 port 3478 (STUN, TURN over UDP): Hole punching; Relay over UDP.');
    // Untestable rules are not missing rules: they follow under their own heading in the same copy.
    const also = lines.indexOf('Also check on the firewall for Network lab (profile version 1) — a browser cannot test these:');
    expect(also).toBeGreaterThan(1);
    expect(lines.slice(0, also).join('\n')).not.toContain('5060');
    expect(lines.slice(also).join('\n')).toContain('5060');
  });

  it('gives a report written before rule sets its rules’ own lines, required first', () => {
    const text = missingRulesText({ ...UDP_DROPPED, firewallRules: undefined }, t);
    expect(text.split('\n')[0]).toBe('Firewall rules missing for Network lab (profile version 1):');
    for (const rule of UDP_DROPPED.missingRules) expect(text).toContain(rule.text);
  });

  it('is empty when nothing is missing and nothing is left to check', () => {
    expect(missingRulesText({ ...OPEN, missingRules: [], verifyRules: [], firewallRules: undefined }, t)).toBe('');
  });

  it('lists required rules before optional ones', () => {
    const sorted = sortedMissingRules(OPEN);
    const firstOptional = sorted.findIndex((r) => !r.required);
    expect(firstOptional).toBeGreaterThan(-1);
    expect(sorted.slice(firstOptional).every((r) => !r.required)).toBe(true);
  });
});

describe('badge', () => {
  it('shows the number of missing rules in the route colour', () => {
    // The route alone (no outcome, no other causes): the lab's broken vendor hosts would make it amber.
    expect(badgeFor({ verdict: OPEN.verdict, missingRules: OPEN.missingRules })).toMatchObject({
      text: String(OPEN.missingRules.length),
      colour: BADGE_COLOURS.good,
      headlineKey: 'verdict_headline_hole_punching',
      missing: OPEN.missingRules.length,
      status: 'direct',
    });
    expect(badgeFor(UDP_DROPPED).colour).toBe(BADGE_COLOURS.slow);
  });

  it('shows a mark when no rule is missing, and caps long counts', () => {
    expect(badgeFor({ verdict: OPEN.verdict, missingRules: [] }).text).toBe('✓');
    expect(badgeFor({ verdict: { ...OPEN.verdict, route: 'none' }, missingRules: [] })).toMatchObject({ text: '✕', colour: BADGE_COLOURS.bad });
    const many = Array.from({ length: 120 }, () => OPEN.missingRules[0]!);
    expect(badgeFor({ ...OPEN, missingRules: many }).text).toBe('99+');
  });
});

describe('diagram', () => {
  it('colours STUN failed and TURN ok when UDP is dropped; vendor services partly', () => {
    // The device's own link is `partial`: a same-network call is possible, not proven (verdict.lan `possible`).
    expect(diagramLinks(UDP_DROPPED)).toEqual({ device: 'partial', internet: 'ok', stun: 'failed', turn: 'ok', vendor: 'partial' });
  });
  it('colours every link ok on the open lab network except the vendor hosts the lab breaks on purpose', () => {
    expect(diagramLinks(OPEN)).toMatchObject({ device: 'partial', stun: 'ok', turn: 'ok', vendor: 'partial' });
  });
});

describe('age', () => {
  const at = '2026-11-21T10:00:00.000Z';
  const after = (s: number) => Date.parse(at) + s * 1000;
  it('says just now, minutes, hours, days', () => {
    expect(ageText(at, after(10))).toEqual({ key: 'popup_age_just_now', substitutions: [] });
    expect(ageText(at, after(3 * 60 + 5))).toEqual({ key: 'popup_age_minutes', substitutions: [3] });
    expect(t('popup_age_minutes', [3])).toBe('checked 3 min ago');
    expect(ageText(at, after(5 * 3600))).toEqual({ key: 'popup_age_hours', substitutions: [5] });
    expect(ageText(at, after(3 * 86400))).toEqual({ key: 'popup_age_days', substitutions: [3] });
  });
  it('treats a clock behind the report or a bad date as just now', () => {
    expect(ageText(at, after(-600)).key).toBe('popup_age_just_now');
    expect(ageText('not a date', after(0)).key).toBe('popup_age_just_now');
  });
});

describe('progress', () => {
  it('is a ratio that never exceeds 1 and is 0 before the total is known', () => {
    expect(progressRatio(3, 12)).toBe(0.25);
    expect(progressRatio(0, 0)).toBe(0);
    expect(progressRatio(13, 12)).toBe(1);
  });
});

describe('reason lines', () => {
  it('has a message key for every reason code, in every locale', async () => {
    const { REASON_KEYS } = await import('./reasons');
    for (const lang of LOCALES) {
      const messages = messagesOf(lang);
      for (const key of Object.values(REASON_KEYS)) expect(messages[key], `${lang}:${key}`).toBeDefined();
    }
  });

  it("words hole punching's first failure from its check, translatable", () => {
    const punching = methodRows(UDP_DROPPED.verdict, UDP_DROPPED.checks)[1]!;
    expect(punching.reasonLine).toEqual({ key: 'reason_timeout', substitutions: [expect.stringMatching(/^stun:/)] });
  });
});

describe('web-app warning', () => {
  it('is silent when web apps lose nothing, and names value and control by message key otherwise', async () => {
    const { webAppWarning, WEBAPP_WARNING_KEYS } = await import('./webapp-warning');
    const setting = {
      value: 'disable_non_proxied_udp',
      levelOfControl: 'not_controllable',
      limitsWebApps: true,
      note: phrase('webrtc_ip_unknown', { value: 'future_mode' }),
    };
    expect(webAppWarning({ ...setting, limitsWebApps: false })).toBeNull();
    expect(webAppWarning(setting)).toEqual({ keys: ['webrtc_ip_disable_non_proxied_udp', 'webrtc_control_policy'] });
    expect(webAppWarning({ ...setting, value: 'future_mode' })).toEqual({ note: setting.note });
    for (const lang of LOCALES) {
      const messages = messagesOf(lang);
      for (const key of WEBAPP_WARNING_KEYS) expect(messages[key], `${lang}:${key}`).toBeDefined();
    }
  });
});

describe('outcome headline and badge', () => {
  it('names a blocked required service, amber, with the route as second line', async () => {
    const { headlineText } = await import('./headline');
    const { statusOf } = await import('./status');
    const outcomeHeadline = (r: Parameters<typeof statusOf>[0]) => statusOf(r).headline;
    const outcome = {
      tone: 'limited' as const,
      calls: 'direct' as const,
      nothingTestable: false,
      summary: phrase('outcome_summary_limited', { calls: phrase('outcome_summary_calls_direct'), services: '“Thumbnails API”' }),
      blockedServices: [{ ruleId: 'thumbs', purpose: 'Thumbnails API', cause: 'firewall' as const, checkIds: [] }],
    };
    const h = outcomeHeadline({ verdict: OPEN.verdict, missingRules: [], outcome });
    expect(h).toMatchObject({ key: 'outcome_calls_but_blocked_one', tone: 'limited', caveatKey: 'status_caveat_calls_direct' });
    expect(headlineText(h, t)).toBe('Calls can connect, but “Thumbnails API” is blocked');
    // Each language quotes the vendor's words its own way.
    const de = translatorFromMessages((await import('../../_locales/de/messages.json')).default as MessagesFile);
    const fr = translatorFromMessages((await import('../../_locales/fr/messages.json')).default as MessagesFile);
    expect(headlineText(h, de)).toBe('Anrufe können sich verbinden, aber „Thumbnails API“ ist gesperrt');
    expect(headlineText(h, fr)).toBe('Les appels peuvent s’établir, mais « Thumbnails API » est bloqué');
    const b = badgeFor({ verdict: OPEN.verdict, missingRules: [OPEN.missingRules[0]!], outcome, otherCauses: [] });
    expect(b).toMatchObject({ text: '1', colour: BADGE_COLOURS.limited });
    expect(b.colour).not.toBe(BADGE_COLOURS.good);
  });

  it('is grey with a question mark when nothing could be tested', async () => {
    const { statusOf } = await import('./status');
    const outcomeHeadline = (r: Parameters<typeof statusOf>[0]) => statusOf(r).headline;
    const outcome = {
      tone: 'untested' as const,
      calls: 'untested' as const,
      nothingTestable: true,
      summary: phrase('outcome_summary_nothing_testable'),
      blockedServices: [],
    };
    expect(outcomeHeadline({ verdict: { ...OPEN.verdict, route: 'none' }, missingRules: [], outcome })).toMatchObject({
      key: 'outcome_nothing_testable',
      tone: 'unknown',
    });
    expect(badgeFor({ verdict: { ...OPEN.verdict, route: 'none' }, missingRules: [], outcome, otherCauses: [] })).toMatchObject({
      text: '?',
      colour: BADGE_COLOURS.unknown,
    });
  });

  it('counts only the network admin’s actions: another cause’s findings leave the status’s mark', () => {
    const section = {
      cause: 'dns-filter' as const,
      rules: [OPEN.missingRules[0]!, OPEN.missingRules[1]!],
      notes: [phrase('webrtc_ip_proxy_only')],
      lines: [],
      text: '',
    };
    expect(badgeFor({ verdict: OPEN.verdict, missingRules: [], otherCauses: [section] })).toMatchObject({ text: '✓', missing: 0, status: 'direct' });
    expect(badgeFor({ verdict: { ...OPEN.verdict, route: 'none' }, missingRules: [], otherCauses: [section] })).toMatchObject({
      text: '✕',
      missing: 0,
      status: 'no-calls',
    });
  });
});
