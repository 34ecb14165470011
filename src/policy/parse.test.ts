import { inEnglish } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { effectiveSettings } from '../settings/effective';
import { DEFAULT_SETTINGS, NO_POLICY } from '../settings/types';
import { parsePolicy } from './parse';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../test/fixtures/policies', name), 'utf8')) as Record<string, unknown>;
const fields = (policy: ReturnType<typeof parsePolicy>) => policy.problems.map((p) => p.field);

describe('parsePolicy: nothing managed', () => {
  it.each([undefined, null, {}])('treats %j as no policy', (raw) => {
    expect(parsePolicy(raw)).toEqual(NO_POLICY);
  });

  it('names a managed area that is not an object at all', () => {
    const policy = parsePolicy('profileId=senso');
    expect(policy.managed).toBe(true);
    expect(policy.settings).toEqual({});
    expect(policy.problems.map((p) => ({ ...p, message: inEnglish(p.message) }))).toEqual([
      { field: '', message: expect.stringContaining('must be an object') },
    ]);
  });
});

describe('parsePolicy: valid policies', () => {
  it('applies and locks a built-in profile with region, probe hosts and schedule', () => {
    const policy = parsePolicy(fixture('senso.json'));
    expect(policy.problems).toEqual([]);
    expect(policy.managed).toBe(true);
    expect(policy.settings).toEqual({
      profileId: 'senso',
      choices: { region: 'eu' },
      deadlineMs: 8000,
      runOnStartup: true,
      runEveryMinutes: 60,
      redactIpsInExports: true,
    });
    expect(policy.locked).toEqual(['profileId', 'choices']);
    expect(policy.probeHosts).toEqual({ 'senso-cloud': 'school.senso.cloud', signalr: 'eu.service.signalr.net' });
  });

  it('takes a built-in profile option (customer type) with the region in choices', () => {
    const policy = parsePolicy(fixture('onsight-legacy.json'));
    expect(policy.problems).toEqual([]);
    expect(policy.settings.choices).toEqual({ connection: 'legacy', china: 'no' });
  });

  it('makes the pushed profile only a starting point when lockProfile is false', () => {
    const policy = parsePolicy(fixture('remotespark.json'));
    expect(policy.problems).toEqual([]);
    expect(policy.settings).toEqual({ deadlineMs: 10000 });
    expect(policy.defaults).toEqual({ profileId: 'remotespark', choices: { datacentre: 'specific' } });
    const view = effectiveSettings({ profileId: 'senso' }, policy);
    expect(view.effective.profileId).toBe('senso');
    expect(view.locked).toEqual(['deadlineMs']);
    expect(effectiveSettings({}, policy).effective.profileId).toBe('remotespark');
  });

  it('validates a pushed custom profile like an import, ports given as strings', () => {
    const policy = parsePolicy(fixture('custom.json'));
    expect(policy.problems).toEqual([]);
    expect(policy.settings.profileId).toBe('district-video');
    expect(policy.customProfile?.rules.find((r) => r.id === 'media')).toMatchObject({ kind: 'udp', ports: ['49152-65535'] });
    expect(policy.customProfile?.rules.find((r) => r.id === 'api')).toMatchObject({ kind: 'tcp', ports: [443] });
    expect(Object.keys(policy.turnCredentials ?? {})).toEqual(['turn-udp', 'turn-tls']);
    expect(policy.settings.redactIpsInExports).toBe(false);
  });

  it('keeps pushed TURN credentials out of what pages read', () => {
    const view = effectiveSettings({}, parsePolicy(fixture('custom.json')));
    expect(view.customProfiles.map((p) => p.id)).toEqual(['district-video']);
    expect(JSON.stringify(view)).not.toContain('district-secret-4411');
    expect(JSON.stringify(view)).not.toContain('fleet-probe');
  });
});

describe('parsePolicy: partial policies', () => {
  it('sets only what is pushed; the rest stays the user’s or the default', () => {
    const policy = parsePolicy(fixture('partial.json'));
    expect(policy.problems).toEqual([]);
    expect(policy.settings).toEqual({ deadlineMs: 3000, runOnStartup: true });
    expect(policy.locked).toEqual([]);
    const view = effectiveSettings({ profileId: 'onsight' }, policy);
    expect(view.effective).toEqual({ ...DEFAULT_SETTINGS, profileId: 'onsight', deadlineMs: 3000, runOnStartup: true });
    expect(new Set(view.locked)).toEqual(new Set(['deadlineMs', 'runOnStartup']));
  });

  it('reads what Chromium 156 really handed over after dropping schema mismatches', () => {
    const captured = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../test/fixtures/policies/chromium-156-storage-managed.json'), 'utf8')) as {
      captures: { received: unknown }[];
    };
    const [first, second] = captured.captures.map((c) => parsePolicy(c.received));
    // Chrome dropped the custom profile, so "lab" names nothing: a problem, and the default profile stays.
    expect(fields(first!)).toEqual(['profileId']);
    expect(first!.locked).toEqual(['profileId', 'choices']);
    expect(first!.settings).toEqual({});
    expect(second!.settings).toMatchObject({ profileId: 'lab', runEveryMinutes: null });
    // The custom profile "lab" has no options, its rule "a" allows only x.test, has no TURN rule "t", and 10 ms is too short.
    expect(fields(second!)).toEqual(['profileOptions.connection', 'probeHosts.a', 'turnCredentials.t', 'deadlineMs']);
  });
});

describe('parsePolicy: wrong types', () => {
  const policy = parsePolicy(fixture('wrong-types.json'));

  it('names every wrong-typed key and applies none of them', () => {
    expect(new Set(fields(policy))).toEqual(
      new Set([
        'colour',
        'customProfile',
        'profileId',
        'region',
        'profileOptions.connection',
        'lockProfile',
        'probeHosts',
        'turnCredentials.turn-udp.credential',
        'deadlineMs',
        'runOnStartup',
        'runEveryMinutes',
        'redactIpsInExports',
      ]),
    );
    expect(policy.managed).toBe(true);
    expect(policy.settings).toEqual({});
    expect(policy.customProfile).toBeNull();
    expect(policy.turnCredentials).toBeUndefined();
  });

  it('says what kind of value it got, never the value', () => {
    const message = (field: string) => {
      const found = policy.problems.find((p) => p.field === field);
      return found && inEnglish(found.message);
    };
    expect(message('deadlineMs')).toMatch(/whole number, got a string of 2 characters/);
    expect(message('runEveryMinutes')).toMatch(/whole number, got a number/);
    expect(JSON.stringify(policy.problems)).not.toMatch(/5s|2\.5/);
    expect(message('turnCredentials.turn-udp.credential')).toMatch(/not shown/);
    expect(JSON.stringify(policy.problems)).not.toContain('12345678');
  });

  it('still applies the good keys next to a wrong one', () => {
    const mixed = parsePolicy({ deadlineMs: '5s', runOnStartup: true, profileId: 'onsight', region: 7 });
    expect(mixed.settings).toEqual({ runOnStartup: true, profileId: 'onsight' });
    expect(fields(mixed)).toEqual(['region', 'deadlineMs']);
  });

  it('does not quote a wrong-typed secret from a pushed custom profile', () => {
    const mixed = parsePolicy({
      customProfile: {
        id: 'x',
        name: 'X',
        version: '1',
        rules: [{ id: 't', kind: 'turn', purpose: 'p', urls: ['turn:a.example:3478'], username: 'u', credential: 987654321 }],
      },
      turnCredentials: 'user:hunter2',
    });
    expect(fields(mixed)).toEqual(expect.arrayContaining(['customProfile.rules[0].credential', 'turnCredentials']));
    expect(JSON.stringify(mixed.problems)).not.toMatch(/987654321|hunter2/);
  });
});

describe('parsePolicy: values of the right type that do not fit', () => {
  const policy = parsePolicy(fixture('wrong-values.json'));
  const message = (field: string) => {
    const found = policy.problems.find((p) => p.field === field);
    return found && inEnglish(found.message);
  };

  it('checks region, options and rule overrides against the named profile', () => {
    expect(message('region')).toMatch(/^is not a region of the profile senso: its regions are eu, na/);
    expect(message('profileOptions.connection')).toMatch(/no such option/);
    expect(message('probeHosts.senso-cloud')).toMatch(/one concrete host that matches the rule's hosts/);
    expect(message('probeHosts.module-storage')).toMatch(/only tcp and udp rules take a probe host/);
    expect(message('probeHosts.no-such-rule')).toMatch(/has no rule with this id/);
    expect(message('probeHosts.hole-punching')).toMatch(/not one concrete host/);
    expect(message('turnCredentials.sturn-northeu-stun')).toMatch(/only turn rules take credentials/);
    expect(message('deadlineMs')).toMatch(/100 is out of range: 500 to 60000/);
  });

  it('keeps the profile choice and the settings that fit', () => {
    expect(policy.settings).toEqual({ profileId: 'senso', runEveryMinutes: null, runOnStartup: false });
    expect(policy.probeHosts).toBeUndefined();
  });

  it('refuses an unknown profile id and a custom profile that reuses a built-in id', () => {
    const unknown = parsePolicy({ profileId: 'zoom' });
    expect(unknown.settings).toEqual({});
    expect(inEnglish(unknown.problems[0]!.message)).toMatch(/^is neither a built-in profile nor customProfile's id/);
    expect(JSON.stringify(unknown.problems)).not.toContain('zoom');
    const rules = [{ id: 'app', kind: 'https', purpose: 'App', url: 'https://app.example.org/' }];
    const clash = parsePolicy({ profileId: 'senso', customProfile: { id: 'senso', name: 'Mine', version: '1', rules } });
    expect(clash.customProfile).toBeNull();
    expect(fields(clash)).toContain('customProfile.id');
    expect(clash.settings.profileId).toBe('senso');
  });

  it('reports the validator’s findings in a pushed custom profile, keeping its good rules', () => {
    const custom = parsePolicy({
      profileId: 'mine',
      customProfile: {
        id: 'mine',
        name: 'Mine',
        version: '1',
        rules: [
          { id: 'ok', kind: 'https', purpose: 'App', url: 'https://app.example/' },
          { id: 'bad', kind: 'udp', purpose: 'Media', hosts: ['media.example'], ports: ['70000'] },
        ],
      },
    });
    expect(custom.customProfile?.rules.map((r) => r.id)).toEqual(['ok']);
    expect(fields(custom)).toEqual(['customProfile.rules[1].ports[0]']);
    expect(custom.settings.profileId).toBe('mine');
  });

  it('turns runEveryMinutes 0 into "never"', () => {
    expect(parsePolicy({ runEveryMinutes: 0 }).settings).toEqual({ runEveryMinutes: null });
    expect(inEnglish(parsePolicy({ runEveryMinutes: 100_000 }).problems[0]!.message)).toMatch(/0 \(never\) or 1 to 10080/);
  });
});

describe('TURN credentials without a named profile', () => {
  it('are ignored with a named problem, so no imported profile can receive them', () => {
    const policy = parsePolicy({ turnCredentials: { 'turn-udp': { username: 'fleet', credential: 'district-secret-4411' } } });
    expect(policy.turnCredentials).toBeUndefined();
    expect(policy.problems.map((p) => p.field)).toEqual(['turnCredentials']);
    expect(JSON.stringify(policy)).not.toMatch(/fleet|district-secret-4411/);
  });
});
