import { describe, expect, it } from 'vitest';
import type { Profile } from '../profile/types';
import type { SettingsView } from '../settings/types';
import { chosenProfile } from './chosen-profile';

const mine = { id: 'mine', name: 'My school', version: '1', regions: ['north'], rules: [] } as unknown as Profile;
const viewOf = (profileId: string): SettingsView => ({
  effective: { profileId } as SettingsView['effective'],
  locked: [],
  managed: false,
  policyProblems: [],
  customProfiles: [mine],
});

describe('the chosen profile (both pickers)', () => {
  it('is the built-in entry with its regions, or its options', () => {
    expect(chosenProfile(viewOf('senso'))).toMatchObject({ name: 'Senso', regions: ['eu', 'na'], options: [], custom: undefined });
    const onsight = chosenProfile(viewOf('onsight'));
    expect(onsight.regions).toEqual([]);
    expect(onsight.options.map((o) => o.id)).toEqual(['connection', 'china']);
  });

  it('is a custom profile with its own regions and no vendor options', () => {
    expect(chosenProfile(viewOf('mine'))).toMatchObject({ builtin: undefined, custom: mine, name: 'My school', regions: ['north'], options: [] });
  });

  it('names a profile neither list has by its id', () => {
    expect(chosenProfile(viewOf('gone'))).toMatchObject({ builtin: undefined, custom: undefined, name: 'gone', regions: [], options: [] });
  });
});
