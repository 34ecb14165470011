import { describe, expect, it } from 'vitest';
import { effectiveSettings } from './effective';
import { DEFAULT_SETTINGS, NO_POLICY, type PolicyOverlay } from './types';
import type { Profile } from '../profile/types';

const pushed: Profile = {
  id: 'school-turn',
  name: 'School TURN',
  version: '2026-09',
  rules: [
    {
      id: 'turn',
      kind: 'turn',
      purpose: 'Relay',
      required: true,
      noInspection: false,
      urls: ['turn:turn.example.org:3478'],
      username: 'fleet',
      credential: 'fleet-secret-91',
    },
  ],
};

describe('effectiveSettings', () => {
  it('gives the defaults when neither user nor policy set anything', () => {
    const view = effectiveSettings({}, NO_POLICY);
    expect(view.effective).toEqual(DEFAULT_SETTINGS);
    expect(view.locked).toEqual([]);
    expect(view.managed).toBe(false);
  });

  it('lets policy win over the user and locks what policy set', () => {
    const policy: PolicyOverlay = { ...NO_POLICY, managed: true, settings: { profileId: 'onsight', deadlineMs: 8000 }, locked: ['choices'] };
    const view = effectiveSettings({ profileId: 'senso', deadlineMs: 3000, redactIpsInExports: false }, policy);
    expect(view.effective).toMatchObject({ profileId: 'onsight', deadlineMs: 8000, redactIpsInExports: false });
    expect(new Set(view.locked)).toEqual(new Set(['profileId', 'deadlineMs', 'choices']));
  });

  it('lists the policy profile first and never shows its credentials', () => {
    const view = effectiveSettings({}, { ...NO_POLICY, managed: true, customProfile: pushed });
    expect(view.customProfiles.map((p) => p.id)).toEqual(['school-turn']);
    expect(JSON.stringify(view)).not.toContain('fleet-secret-91');
    expect(JSON.stringify(view)).not.toContain('"fleet"');
  });

  it('names the policy profile and the rules with credentials from policy, never the credentials', () => {
    const view = effectiveSettings(
      {},
      { ...NO_POLICY, managed: true, customProfile: pushed, turnCredentials: { 'relay-b': { username: 'u9', credential: 'pw-77' } } },
    );
    expect(view.policyProfileId).toBe('school-turn');
    expect(view.policyCredentialRules).toEqual(['turn', 'relay-b']);
    expect(JSON.stringify(view)).not.toContain('pw-77');
    expect(effectiveSettings({}, NO_POLICY)).toMatchObject({ policyProfileId: null, policyCredentialRules: [] });
  });
});

describe('probe origins in the settings view', () => {
  it("lists each custom profile's probe origins by region, as the planner probes them", () => {
    const regional: Profile = {
      id: 'regional',
      name: 'Regional',
      version: '1',
      regions: ['eu', 'na'],
      rules: [
        { id: 'app', kind: 'https', purpose: 'App', required: true, noInspection: false, url: 'https://app.example.org:8443/x' },
        { id: 'eu', kind: 'wss', purpose: 'Hub', required: true, noInspection: false, url: 'wss://eu.example.org/hub', region: 'eu' },
      ],
    } as Profile;
    const view = effectiveSettings({}, NO_POLICY, [{ profile: regional, importedAt: '2026-11-29T00:00:00Z' } as never]);
    expect(view.probeOrigins?.regional).toEqual({
      '': ['https://app.example.org/*'],
      eu: ['https://app.example.org/*', 'https://eu.example.org/*', 'wss://eu.example.org/*'],
      na: ['https://app.example.org/*'],
    });
  });
});
