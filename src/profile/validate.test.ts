import { describe, expect, it } from 'vitest';
import example from '../../test/fixtures/profiles/example.json';
import { validateProfile } from './validate';

function withRules(rules: unknown[]): unknown {
  return { id: 'p', name: 'P', version: '1', regions: ['eu'], rules };
}

const goodRule = { id: 'ok', kind: 'https', purpose: 'App', url: 'https://app.example.org/' };

describe('validateProfile', () => {
  it('accepts the example profile as is, filling defaults', () => {
    const { profile, errors } = validateProfile(example);
    expect(errors).toEqual([]);
    expect(profile?.rules).toHaveLength(9);
    expect(profile?.rules[0]).toMatchObject({ required: true, noInspection: true });
    expect(profile?.rules[5]).toMatchObject({ required: true, noInspection: false });
  });

  it('keeps every valid rule and names each bad one by path', () => {
    const { profile, errors } = validateProfile(
      withRules([
        goodRule,
        { id: 'bad-port', kind: 'udp', purpose: 'Media', hosts: ['media.example.org'], ports: [3478, 70000] },
        { ...goodRule, id: 'also-ok', url: 'https://b.example.org/' },
        { id: 'bad-kind', kind: 'sctp', purpose: 'x' },
      ]),
    );
    expect(profile?.rules.map((rule) => rule.id)).toEqual(['ok', 'also-ok']);
    expect(errors.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'rules[1].ports[1]', code: 'port' },
      { path: 'rules[3].kind', code: 'unknown-kind' },
    ]);
  });

  it('drops a duplicate id but keeps the first rule', () => {
    const { profile, errors } = validateProfile(withRules([goodRule, { ...goodRule, url: 'https://c.example.org/' }]));
    expect(profile?.rules).toHaveLength(1);
    expect(errors).toMatchObject([{ path: 'rules[1].id', code: 'duplicate-id' }]);
  });

  it('returns no profile when the identity is unusable, but still reports every error', () => {
    const { profile, errors } = validateProfile({ id: 7, name: 'P', version: '1', rules: [{ id: 'x' }] });
    expect(profile).toBeNull();
    expect(errors.map((error) => error.path)).toEqual(['id', 'rules[0].kind', 'rules[0].purpose', 'rules']);
  });

  it('requires a rule region to be one of the profile regions', () => {
    const { errors } = validateProfile(withRules([goodRule, { ...goodRule, id: 'b', region: 'apac' }]));
    expect(errors).toMatchObject([{ path: 'rules[1].region', code: 'region' }]);
  });

  it('requires the probe host of a wildcard rule to match it', () => {
    const rule = { id: 't', kind: 'tcp', purpose: 'x', hosts: ['*.example.org'], ports: [443], probeHost: 'example.com' };
    expect(validateProfile(withRules([goodRule, rule])).errors).toMatchObject([{ path: 'rules[1].probeHost', code: 'probe-host' }]);
    expect(validateProfile(withRules([{ ...rule, probeHost: 'a.example.org' }])).errors).toEqual([]);
  });

  it('refuses a stun: URL in a turn rule', () => {
    const rule = { id: 't', kind: 'turn', purpose: 'x', urls: ['stun:stun.example.org'] };
    expect(validateProfile(withRules([goodRule, rule])).errors).toMatchObject([{ path: 'rules[1].urls[0]', code: 'scheme' }]);
  });

  it('does not copy unknown fields into the profile', () => {
    const { profile, errors } = validateProfile({ ...(withRules([goodRule]) as object), extra: { nested: true } });
    expect(profile).not.toHaveProperty('extra');
    expect(errors).toMatchObject([{ path: 'extra', code: 'unknown-field' }]);
  });
});
