import { describe, expect, it } from 'vitest';
import type { Profile } from '../profile/types';
import { adviseRules } from './missing-rules';
import { planChecks } from './plan';
import { checkResult, untestableResult } from './result';
import type { CheckOutcome, CheckResult } from './types';

const profile: Profile = {
  id: 'p',
  name: 'P',
  version: '1',
  rules: [
    { id: 'turn', kind: 'turn', purpose: 'Media relay', required: true, noInspection: true, urls: ['turn:t.example.org?transport=tcp', 'turns:t.example.org:443'] },
    { id: 'media', kind: 'udp', purpose: 'Media', required: true, noInspection: false, hosts: ['*.example.org'], ports: ['49152-65535'] },
  ],
};
const plan = planChecks(profile);

function results(outcomes: Record<string, CheckOutcome>): CheckResult[] {
  return plan.flatMap((check) =>
    check.type === 'untestable' ? [untestableResult(check)] : check.type === 'ice' ? check.targets.map((t) => checkResult(t, outcomes[t.checkId]!, 50)) : [],
  );
}

const pass: CheckOutcome = { status: 'pass', reason: null, detail: 'relay allocated' };
const timeout: CheckOutcome = { status: 'fail', reason: 'timeout', detail: 'no answer within 5 s' };
const challenged: CheckOutcome = { status: 'warn', reason: 'auth-401', detail: '401 challenge' };

describe('adviseRules', () => {
  it('lists only the failed targets of a rule, with paste-ready text', () => {
    const { missingRules } = adviseRules(profile, plan, results({ 'turn#1': pass, 'turn#2': timeout }));
    expect(missingRules).toEqual([
      {
        ruleId: 'turn',
        purpose: 'Media relay',
        required: true,
        noInspection: true,
        checkIds: ['turn#2'],
        findings: ['turns:t.example.org:443: no answer within 5 s'],
        firewall: [{ direction: 'outbound', protocol: 'TCP', ports: '443', destinations: ['t.example.org'], service: 'TURN over TLS' }],
        text: 'Allow outbound TCP to t.example.org port 443 (TURN over TLS): Media relay. Exclude from SSL inspection.',
      },
    ]);
  });

  it('does not call a reachable server (warn) missing', () => {
    expect(adviseRules(profile, plan, results({ 'turn#1': challenged, 'turn#2': challenged })).missingRules).toEqual([]);
  });

  it('lists untestable rules apart, as "verify on your firewall"', () => {
    const { verifyRules, missingRules } = adviseRules(profile, plan, results({ 'turn#1': pass, 'turn#2': pass }));
    expect(missingRules).toEqual([]);
    expect(verifyRules.map((r) => r.text)).toEqual(['Allow outbound UDP to *.example.org ports 49152-65535: Media.']);
  });
});
