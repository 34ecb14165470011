/**
 * The bad-input corpus (test/fixtures/bad-input): every malformed profile, URI
 * and candidate line gives a named error, never an exception, and a profile with
 * some bad rules still yields a run plan for the good ones.
 */
import { describe, expect, it } from 'vitest';
import profileCorpus from '../fixtures/bad-input/profiles.json';
import uriCorpus from '../fixtures/bad-input/uris.json';
import candidateCorpus from '../fixtures/bad-input/candidates.json';
import example from '../fixtures/profiles/example.json';
import { validateProfileSchema } from '../fixtures/schemas';
import { validateProfile } from '../../src/profile/validate';
import { parseIceUri } from '../../src/ice/uri';
import { parseCandidate } from '../support/candidate';
import { planChecks, plannedTargets } from '../../src/checks/plan';

/** `{"$repeat": s, "times": n}` -> s repeated; `{"$array": x, "times": n}` -> n copies of x. Keeps huge inputs out of the JSON files. */
function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expand);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (typeof record.$repeat === 'string') return record.$repeat.repeat(record.times as number);
  if ('$array' in record) return Array.from({ length: record.times as number }, () => expand(record.$array));
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, expand(item)]));
}

interface ProfileCase {
  name: string;
  input: unknown;
  expect: { path: string; code: string }[];
  keeps?: string[];
  profileNull?: boolean;
  schemaCatches?: boolean;
}

const profileCases = (profileCorpus.cases as ProfileCase[]).map((c) => ({ ...c, input: expand(c.input) }));

describe('bad profiles', () => {
  it('the corpus holds at least 50 inputs in all', () => {
    expect(profileCases.length + uriCorpus.cases.length + candidateCorpus.cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(profileCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { profile, errors } = validateProfile(c.input);
    for (const expected of c.expect) expect(errors).toContainEqual(expect.objectContaining(expected));
    for (const error of errors) expect(error.message.length).toBeLessThan(300);
    if (c.profileNull) expect(profile).toBeNull();
    else expect(profile).not.toBeNull();
    if (c.keeps) expect(profile?.rules.map((rule) => rule.id)).toEqual(c.keeps);
    if (profile) expect(() => planChecks(profile)).not.toThrow();
    if (c.schemaCatches !== false) expect(validateProfileSchema(c.input)).not.toEqual([]);
  });

  it('a profile with bad rules still plans checks for the good ones', () => {
    // The first bad rule of every case about the rule itself (not its id or region, which depend on
    // the rest of the profile), renamed so that ids do not collide.
    const badRules = profileCases
      .filter((c) => c.expect.some((e) => /^rules\[0\]/.test(e.path)))
      .filter((c) =>
        c.expect.every(
          (e) => e.path === 'rules' || (/^rules\[0\]/.test(e.path) && !e.path.endsWith('.id') && e.code !== 'region' && e.code !== 'unknown-field'),
        ),
      )
      .map((c, i) => ({ ...(c.input as { rules: Record<string, unknown>[] }).rules[0], id: `bad-${i}` }));
    const { profile, errors } = validateProfile({ ...example, rules: [...badRules, ...example.rules] });
    expect(badRules.length).toBeGreaterThan(30);
    expect(errors.length).toBeGreaterThanOrEqual(badRules.length - 1);
    expect(profile!.rules.map((rule) => rule.id)).toEqual(example.rules.map((rule) => rule.id));
    const planned = new Set(plannedTargets(planChecks(profile!, { region: 'eu' })).map((t) => t.ruleId));
    expect(planned).toEqual(new Set(['stun', 'turn-eu', 'web-app', 'signalling', 'relay-ports', 'web-tcp', 'sip', 'push']));
  });
});

describe('good profiles pass both the validator and the schema', () => {
  it('example.json', () => {
    expect(validateProfile(example).errors).toEqual([]);
    expect(validateProfileSchema(example)).toEqual([]);
  });
});

describe('bad stun:/turn: URIs', () => {
  it.each(uriCorpus.cases.map((c) => [JSON.stringify(c.input).slice(0, 60), c.code, expand(c.input)] as const))('%s -> %s', (_label, code, input) => {
    const result = parseIceUri(input);
    expect(result.ok ? 'accepted' : result.error.code).toBe(code);
  });
});

describe('bad candidate lines', () => {
  it.each(candidateCorpus.cases.map((c) => [JSON.stringify(c.input).slice(0, 60), c.code, expand(c.input)] as const))('%s -> %s', (_label, code, input) => {
    const result = parseCandidate(input);
    expect(result.ok ? 'accepted' : result.error.code).toBe(code);
  });
});
