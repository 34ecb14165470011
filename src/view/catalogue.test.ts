import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../profile/builtin';
import { BUILTIN_CATALOGUE } from './catalogue';

describe('built-in catalogue', () => {
  it('is current: src/view/catalogue.ts is what scripts/catalogue.mjs writes from the profile documents', () => {
    // Exits non-zero (and the call throws) when the checked-in file is stale.
    expect(() => execFileSync('node', ['scripts/catalogue.mjs', '--check'], { cwd: new URL('../..', import.meta.url), stdio: 'pipe' })).not.toThrow();
  });

  it('matches the built-in profiles field by field (every vendor, not the empty template)', () => {
    const vendors = BUILTIN_PROFILES.filter((p) => p.rules.length > 0);
    expect(BUILTIN_CATALOGUE).toEqual(vendors.map((p) => ({ id: p.id, name: p.name, regions: p.regions ?? [], options: p.options ?? [] })));
  });
});
