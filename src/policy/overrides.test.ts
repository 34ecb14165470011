import { describe, expect, it } from 'vitest';
import { planChecks } from '../checks/plan';
import { builtinProfile } from '../profile/builtin';
import type { Profile } from '../profile/types';
import { applyPolicyOverrides } from './overrides';
import { parsePolicy } from './parse';

const senso = builtinProfile('senso', {})!.profile!;

describe('applyPolicyOverrides', () => {
  it('gives a wildcard rule the pushed probe host, and the plan probes it', () => {
    const policy = parsePolicy({ profileId: 'senso', probeHosts: { 'senso-cloud': 'school.senso.cloud' } });
    expect(policy.problems).toEqual([]);
    const before = planChecks(senso).filter((c) => c.type !== 'ice' && c.ruleId === 'senso-cloud');
    const after = planChecks(applyPolicyOverrides(senso, policy)).filter((c) => c.type !== 'ice' && c.ruleId === 'senso-cloud');
    expect(JSON.stringify(before)).not.toContain('school.senso.cloud');
    expect(JSON.stringify(after)).toContain('school.senso.cloud');
  });

  it('replaces a built-in probe host when the policy names another', () => {
    const policy = parsePolicy({ profileId: 'senso', probeHosts: { 'chromebook-unauthenticated': 'school.senso.cloud' } });
    const rule = applyPolicyOverrides(senso, policy).rules.find((r) => r.id === 'chromebook-unauthenticated');
    expect(rule).toMatchObject({ probeHost: 'school.senso.cloud' });
  });

  it('puts pushed TURN credentials on the named turn rules only', () => {
    const policy = parsePolicy({ profileId: 'senso', turnCredentials: { 'sturn-northeu-turn-udp': { username: 'school', credential: 's3cret-turn' } } });
    expect(policy.problems).toEqual([]);
    const rules = applyPolicyOverrides(senso, policy).rules;
    expect(rules.find((r) => r.id === 'sturn-northeu-turn-udp')).toMatchObject({ username: 'school', credential: 's3cret-turn' });
    expect(rules.filter((r) => 'credential' in r).map((r) => r.id)).toEqual(['sturn-northeu-turn-udp']);
  });

  it('leaves a profile without the named rules as it was', () => {
    const other: Profile = {
      id: 'o',
      name: 'O',
      version: '1',
      rules: [{ id: 'x', kind: 'https', purpose: 'p', required: true, noInspection: false, url: 'https://a.example/' }],
    };
    const policy = parsePolicy({ probeHosts: { 'senso-cloud': 'school.senso.cloud' } });
    expect(applyPolicyOverrides(other, policy)).toEqual(other);
  });
});
