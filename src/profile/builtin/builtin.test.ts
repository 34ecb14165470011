import { describe, expect, it } from 'vitest';
import { planChecks } from '../../checks/plan';
import type { PlannedCheck } from '../../checks/types';
import { BUILTIN_PROFILES, builtinProfile, type Choices, type ProfileDocument } from './index';
import { applyChoices } from './options';

/** Every combination of a profile's option choices ([{}] when it has none). */
function choiceSets(document: ProfileDocument): Choices[] {
  return (document.options ?? []).reduce<Choices[]>(
    (sets, option) => sets.flatMap((set) => option.choices.map((choice) => ({ ...set, [option.id]: choice.id }))),
    [{}],
  );
}

const runs = BUILTIN_PROFILES.flatMap((document) =>
  choiceSets(document).flatMap((choices) =>
    (document.regions ?? [undefined]).map((region) => ({
      document,
      choices,
      region,
      label: `${document.id} ${JSON.stringify(choices)}${region === undefined ? '' : ` region ${region}`}`,
    })),
  ),
);

type StoredRule = { id: string; hosts?: unknown[]; region?: string };

function ruleIdsOf(checks: PlannedCheck[]): Set<string> {
  return new Set(checks.flatMap((check) => (check.type === 'ice' ? check.targets.map((target) => target.ruleId) : [check.ruleId])));
}

function plan(id: string, choices: Choices = {}, region?: string): Set<string> {
  return ruleIdsOf(planChecks(builtinProfile(id, choices)!.profile!, region === undefined ? {} : { region }));
}

describe.each(runs.filter((run) => run.document.id !== 'custom'))('built-in profile $label', ({ document, choices, region }) => {
  const applied = applyChoices(document, choices) as { rules: StoredRule[] };
  const { profile, errors } = builtinProfile(document.id, choices)!;

  it('passes the validator', () => {
    expect(profile).not.toBeNull();
    expect(errors).toEqual([]);
  });

  it('plans a check for every rule that applies', () => {
    const expected = applied.rules.filter((rule) => rule.region === undefined || rule.region === region).map((rule) => rule.id);
    expect([...ruleIdsOf(planChecks(profile!, region === undefined ? {} : { region }))].sort()).toEqual(expected.sort());
  });

  it('keeps rules whose host the guide lost, as "verify on your firewall"', () => {
    const lost = applied.rules.filter((rule) => rule.hosts?.length === 0).map((rule) => rule.id);
    const planned = planChecks(profile!, region === undefined ? {} : { region }).filter((check) => lost.includes(check.type === 'ice' ? '' : check.ruleId));
    expect(planned.map((check) => check.type)).toEqual(lost.map(() => 'untestable'));
  });
});

describe('options', () => {
  it('Senso: North America adds the Central US STUN/TURN host, Europe does not', () => {
    const eu = plan('senso', {}, 'eu');
    const na = plan('senso', {}, 'na');
    expect([...na].filter((id) => !eu.has(id)).sort()).toEqual([
      'relay-centralusa',
      'sturn-centralusa-stun',
      'sturn-centralusa-turn-tcp',
      'sturn-centralusa-turn-udp',
    ]);
    expect([...eu].filter((id) => !na.has(id))).toEqual([]);
  });

  it('Onsight: TeamLink-only keeps Table 2-1 (and push), nothing of Tables 2-2 to 2-4', () => {
    // `custom-domains` (Table 2-1 too) has no host yet, so it joins the plan only once the validator accepts an empty host list.
    const teamlink = [...plan('onsight', { connection: 'teamlink-only' })].filter((id) => id !== 'custom-domains');
    expect(teamlink.sort()).toEqual(['apple-push', 'firebase-push', 'librestream-https']);
    expect(plan('onsight', { connection: 'teamlink-only', china: 'yes' })).toContain('librestreamtech-cn-https');
  });

  it('Onsight: new customers get Table 2-2, legacy customers Tables 2-3 and 2-4', () => {
    const fresh = [...plan('onsight', { connection: 'new' })];
    const legacy = [...plan('onsight', { connection: 'legacy' })];
    expect(fresh.filter((id) => id.startsWith('new-')).sort()).toEqual(['new-http', 'new-https', 'new-media', 'new-sip', 'new-sip-tls', 'new-stun']);
    expect(fresh.some((id) => id.startsWith('legacy-'))).toBe(false);
    expect(legacy.filter((id) => id.startsWith('legacy-')).sort()).toEqual(['legacy-media', 'legacy-sip', 'legacy-sip-stun', 'legacy-sip-tls']);
    expect(legacy.some((id) => id.startsWith('new-'))).toBe(false);
  });

  it('RemoteSpark: choosing a specific datacentre adds port 5349', () => {
    const cloud = plan('remotespark', { datacentre: 'cloud' });
    const specific = plan('remotespark', { datacentre: 'specific' });
    expect([...specific].filter((id) => !cloud.has(id)).sort()).toEqual(['specific-datacentre-tcp-5349', 'specific-datacentre-udp-5349']);
  });

  it('uses the default of every option not chosen', () => {
    expect(builtinProfile('onsight')).toEqual(builtinProfile('onsight', { connection: 'new', china: 'no' }));
    expect(builtinProfile('remotespark')).toEqual(builtinProfile('remotespark', { datacentre: 'cloud' }));
  });

  it('names a choice that does not exist, and falls back to the default', () => {
    const { profile, errors } = builtinProfile('onsight', { connection: 'legasy', colour: 'red' })!;
    expect(errors.slice(0, 2)).toMatchObject([
      { path: 'choices.connection', code: 'pattern' },
      { path: 'choices.colour', code: 'unknown-field' },
    ]);
    expect(profile?.rules.map((rule) => rule.id)).toContain('new-sip');
  });

  it.each(BUILTIN_PROFILES)('$name: every option has its default among its choices, every `when` names a known option and choice', (document) => {
    const options = new Map((document.options ?? []).map((option) => [option.id, option.choices.map((choice) => choice.id)]));
    for (const option of document.options ?? []) expect(options.get(option.id)).toContain(option.default);
    for (const rule of document.rules as { when?: Record<string, string | string[]> }[]) {
      for (const [optionId, allowed] of Object.entries(rule.when ?? {})) {
        expect(options.get(optionId), optionId).toEqual(expect.arrayContaining([allowed].flat()));
      }
    }
  });
});

describe('built-in profiles', () => {
  it('are Senso, RemoteSpark, Onsight and Custom, with unique ids', () => {
    expect(BUILTIN_PROFILES.map((document) => document.id)).toEqual(['senso', 'remotespark', 'onsight', 'custom']);
  });

  it('carry no TURN credentials: the vendors publish none, the check uses a placeholder pair', () => {
    const rules = BUILTIN_PROFILES.flatMap((document) => document.rules as Record<string, unknown>[]);
    expect(rules.filter((rule) => 'username' in rule || 'credential' in rule)).toEqual([]);
  });

  it('Custom is empty: the validator says there is nothing to check and gives no profile to run', () => {
    const { profile, errors } = builtinProfile('custom')!;
    expect(errors).toMatchObject([{ path: 'rules', code: 'empty' }]);
    expect(profile).toBeNull();
  });

  it('returns null for an unknown id', () => {
    expect(builtinProfile('zoom')).toBeNull();
  });
});
