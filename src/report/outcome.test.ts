import { inEnglish } from '../i18n/english';
import { phrase } from '../i18n/phrase';
import { describe, expect, it } from 'vitest';
import type { CausedCheck } from '../checks/missing-rules';
import type { Profile } from '../profile/types';
import type { MethodStatus, Route, Verdict } from '../verdict';
import { decideOutcome, serviceList } from './outcome';

const profile: Pick<Profile, 'rules'> = {
  rules: [
    { id: 'turn', kind: 'turn', purpose: 'Relay', required: true, noInspection: false, urls: ['turn:t.example.org'] },
    { id: 'app', kind: 'https', purpose: 'Web app', required: true, noInspection: false, url: 'https://a.example/' },
    { id: 'thumbs', kind: 'https', purpose: 'Thumbnails API', required: true, noInspection: false, url: 'https://t.example/' },
    { id: 'extras', kind: 'wss', purpose: 'Extras', required: false, noInspection: false, url: 'wss://x.example/' },
  ],
};

function check(ruleId: string, status: CausedCheck['status'], cause: CausedCheck['cause'] = null): CausedCheck {
  return {
    id: `${ruleId}#1`,
    ruleId,
    kind: 'https',
    target: ruleId,
    transport: 'tls',
    status,
    reason: status === 'fail' ? 'timeout' : null,
    detail: phrase('detail_failed'),
    durationMs: 1,
    cause,
  };
}

function verdict(route: Route, relay: MethodStatus = 'available'): Pick<Verdict, 'route' | 'methods'> {
  const methods = (['hole-punching', 'relay-udp', 'relay-tcp', 'relay-tls'] as const).map((method) => ({
    method,
    status: method === 'hole-punching' ? (route === 'hole-punching' ? 'available' : relay === 'untested' ? 'untested' : 'unavailable') : relay,
    rowId: '',
    reasons: [],
  })) as Verdict['methods'];
  return { route, methods };
}

const ok = [check('turn', 'pass'), check('app', 'pass'), check('thumbs', 'pass'), check('extras', 'pass')];

describe('decideOutcome', () => {
  it('good when calls connect directly and every required service answers', () => {
    expect(decideOutcome(profile, verdict('hole-punching'), ok)).toMatchObject({ tone: 'good', calls: 'direct', blockedServices: [] });
  });

  it('slow when relayed, or when hole punching is not proven', () => {
    expect(decideOutcome(profile, verdict('relay-tcp'), ok)).toMatchObject({ tone: 'slow', calls: 'relayed' });
    expect(decideOutcome(profile, { ...verdict('hole-punching'), routeVerified: false }, ok)).toMatchObject({ tone: 'slow', calls: 'direct' });
  });

  it('limited, never good, when a required service fails; it is named by its purpose', () => {
    const outcome = decideOutcome(profile, verdict('hole-punching'), [...ok.slice(0, 2), check('thumbs', 'fail', 'firewall'), ok[3]!]);
    expect(outcome).toMatchObject({
      tone: 'limited',
      blockedServices: [{ ruleId: 'thumbs', purpose: 'Thumbnails API', cause: 'firewall', checkIds: ['thumbs#1'] }],
    });
    expect(outcome.summary.code).toBe('outcome_summary_limited');
    expect(inEnglish(outcome.summary)).toBe('Calls can connect directly, but “Thumbnails API” is blocked.');
  });

  it('does not count an optional service in the headline', () => {
    expect(decideOutcome(profile, verdict('hole-punching'), [...ok.slice(0, 3), check('extras', 'fail', 'firewall')]).tone).toBe('good');
  });

  it('bad when calls fail, whatever the services', () => {
    expect(decideOutcome(profile, verdict('none', 'unavailable'), ok)).toMatchObject({ tone: 'bad', calls: 'fail' });
  });

  it('grey when nothing could be tested, not red', () => {
    const untestable = [{ ...check('turn', 'untestable'), reason: 'unsafe-port' as const }];
    expect(decideOutcome(profile, verdict('none', 'untested'), untestable)).toMatchObject({ tone: 'untested', nothingTestable: true });
    expect(decideOutcome(profile, verdict('none', 'untested'), [])).toMatchObject({ tone: 'untested', nothingTestable: true });
  });

  it('without STUN/TURN to test: grey when the services answer, red when a required one is blocked', () => {
    const services = ok.slice(1);
    expect(decideOutcome(profile, verdict('none', 'untested'), services)).toMatchObject({ tone: 'untested', calls: 'untested', nothingTestable: false });
    expect(decideOutcome(profile, verdict('none', 'untested'), [check('app', 'fail', 'dns-filter'), ...services.slice(1)])).toMatchObject({
      tone: 'bad',
      calls: 'untested',
    });
  });

  it('lists several services, quoted, with no English joining word', () => {
    expect(serviceList([{ purpose: 'A' }, { purpose: 'B' }, { purpose: 'C' }])).toBe('“A”, “B”, “C”');
  });
});
