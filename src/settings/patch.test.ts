import { describe, expect, it } from 'vitest';
import example from '../../test/fixtures/profiles/example.json';
import badProfiles from '../../test/fixtures/bad-input/profiles.json';
import { BUILTIN_PROFILES } from '../profile/builtin';
import { validateProfile } from '../profile/validate';
import type { Profile } from '../profile/types';
import { checkImport, MAX_CUSTOM_PROFILES, withImported } from './import';
import { checkSettingsPatch } from './patch';

const known = (id: string) => ['senso', 'onsight', 'mine'].includes(id);
const builtinIds = BUILTIN_PROFILES.map((p) => p.id);

describe('settings patch', () => {
  it('accepts good fields', () => {
    expect(checkSettingsPatch({ profileId: 'mine', deadlineMs: 3000.4, redactIpsInExports: false, choices: { region: 'eu' } }, [], known)).toEqual({
      ok: true,
      settings: { profileId: 'mine', deadlineMs: 3000, redactIpsInExports: false, choices: { region: 'eu' } },
    });
  });

  it('names every bad field and keeps nothing', () => {
    const result = checkSettingsPatch({ profileId: 'nope', deadlineMs: 10, redactIpsInExports: 'yes', runEveryMinutes: 5 }, [], known);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('bad-request');
    expect(result.details.map((d) => d.path).sort()).toEqual(['deadlineMs', 'profileId', 'redactIpsInExports', 'runEveryMinutes']);
  });

  it('refuses a key locked by policy', () => {
    const result = checkSettingsPatch({ profileId: 'senso', deadlineMs: 4000 }, ['profileId'], known);
    expect(result).toMatchObject({ ok: false, code: 'locked', details: [{ path: 'profileId' }] });
  });

  it('refuses what is not an object', () => {
    expect(checkSettingsPatch([1], [], known)).toMatchObject({ ok: false, code: 'bad-request' });
  });
});

describe('profile import', () => {
  const taken = { builtin: builtinIds, policy: 'managed' };

  it('accepts a valid profile', () => {
    const result = checkImport(example, taken, []);
    expect(result).toMatchObject({ ok: true, profile: { id: (example as { id: string }).id } });
  });

  it('refuses every profile of the bad-input corpus that has a real error, naming fields', () => {
    let refused = 0;
    for (const { input } of (badProfiles as { cases: { input: unknown }[] }).cases) {
      const errors = validateProfile(input).errors.filter((e) => e.code !== 'unknown-field');
      const result = checkImport(input, taken, []);
      if (errors.length > 0 || validateProfile(input).profile === null) {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.details.length).toBeGreaterThan(0);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(3);
  });

  it('refuses a profile with one bad rule even though a run would keep the good ones', () => {
    const input = structuredClone(example) as { rules: Record<string, unknown>[] };
    input.rules[0] = { ...input.rules[0], kind: 'carrier-pigeon' };
    const result = checkImport(input, taken, []);
    expect(result).toMatchObject({ ok: false, details: [expect.objectContaining({ path: expect.stringMatching(/^rules\[0\]/) })] });
  });

  it('refuses the id of a built-in or managed profile', () => {
    expect(checkImport({ ...example, id: 'senso' }, taken, [])).toMatchObject({ ok: false, details: [{ path: 'id', code: 'duplicate-id' }] });
    expect(checkImport({ ...example, id: 'managed' }, taken, [])).toMatchObject({ ok: false, details: [{ path: 'id' }] });
  });

  it('replaces a profile with the same id, and caps the number stored', () => {
    const profile = validateProfile(example).profile as Profile;
    const once = withImported([], profile, [], '2026-01-01T00:00:00Z');
    const twice = withImported(once, { ...profile, version: '2' }, [], '2026-01-02T00:00:00Z');
    expect(twice.map((e) => e.profile.version)).toEqual(['2']);
    const full = Array.from({ length: MAX_CUSTOM_PROFILES }, (_, i) => ({ profile: { ...profile, id: `p${i}` }, importedAt: '', errors: [] }));
    expect(checkImport(example, taken, full)).toMatchObject({ ok: false, details: [{ code: 'too-many' }] });
    expect(checkImport({ ...example, id: 'p3' }, taken, full).ok).toBe(true);
  });
});
