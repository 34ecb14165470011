import { DEFAULT_SETTINGS, type PolicyOverlay, type Settings, type SettingKey, type SettingsView, type StoredProfile } from './types';
import { stripCredentials } from './strip-credentials';
import { probeOrigins } from '../checks/probe-origins';
import { reportDestination } from './report-destination';

/** Policy over user over defaults, field by field; every key policy sets is locked. */
export function effectiveSettings(user: Partial<Settings>, policy: PolicyOverlay, stored: readonly StoredProfile[] = []): SettingsView {
  const effective: Settings = { ...DEFAULT_SETTINGS, ...policy.defaults, ...user, ...policy.settings };
  const locked = new Set<SettingKey>([...policy.locked, ...(Object.keys(policy.settings) as SettingKey[])]);
  const customProfiles = stored.map((entry) => stripCredentials(entry.profile));
  if (policy.customProfile) customProfiles.unshift(stripCredentials(policy.customProfile));
  // Which rules carry credentials from policy, by id only: the admin sees that they arrived, nobody sees them.
  const pushedWithCredentials = (policy.customProfile?.rules ?? []).filter((r) => 'credential' in r && r.credential).map((r) => r.id);
  const policyCredentialRules = [...new Set([...pushedWithCredentials, ...Object.keys(policy.turnCredentials ?? {})])];
  return {
    effective,
    locked: [...locked],
    managed: policy.managed,
    policyProblems: policy.problems,
    customProfiles,
    policyProfileId: policy.customProfile?.id ?? null,
    policyCredentialRules,
    reportDestination: policy.reportEndpoint ? reportDestination(policy.reportEndpoint) : null,
    probeOrigins: Object.fromEntries(
      customProfiles.map((p) => [p.id, Object.fromEntries(['', ...(p.regions ?? [])].map((r) => [r, probeOrigins(p, r === '' ? undefined : r)]))]),
    ),
  };
}
