import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../profile/builtin';
import { BUILTIN_CATALOGUE } from './catalogue';

describe('built-in catalogue', () => {
  it('matches the built-in profiles field by field (every vendor, not the empty template)', () => {
    const vendors = BUILTIN_PROFILES.filter((p) => p.rules.length > 0);
    expect(BUILTIN_CATALOGUE).toEqual(vendors.map((p) => ({ id: p.id, name: p.name, regions: p.regions ?? [], options: p.options ?? [] })));
  });
});
