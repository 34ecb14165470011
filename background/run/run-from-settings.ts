import { applyPolicyOverrides } from '../../src/policy/overrides';
import { builtinProfile } from '../../src/profile/builtin';
import type { ErrorReply } from '../../src/contract/requests';
import type { Profile } from '../../src/profile/types';
import type { Report, RunTrigger } from '../../src/report/types';
import { readPolicy } from '../policy/read-policy';
import { readStoredProfiles, readSettingsView } from '../settings/store';
import { startRun } from './controller';

/**
 * Runs what the settings name — the popup's "Check again", the alarm and the
 * start-up run all come here, so they cannot disagree about the profile.
 */
export async function runFromSettings(trigger: RunTrigger): Promise<Report | ErrorReply> {
  const [{ effective }, policy] = await Promise.all([readSettingsView(), readPolicy()]);
  const { region, ...choices } = effective.choices;
  const base = { region, choices: effective.choices, deadlineMs: effective.deadlineMs, trigger };
  // Policy probe hosts and TURN credentials belong to the profile the policy names, and to no other.
  const policyProfileId = policy.settings.profileId ?? policy.defaults?.profileId ?? policy.customProfile?.id;
  const withPolicy = (profile: Profile) => (profile.id === policyProfileId ? applyPolicyOverrides(profile, policy) : profile);

  const builtin = builtinProfile(effective.profileId, choices);
  if (builtin) {
    if (!builtin.profile)
      return { error: { code: 'invalid-profile', message: 'The built-in profile cannot be used with these options.', details: builtin.errors } };
    return startRun({ ...base, profile: withPolicy(builtin.profile), profileErrors: builtin.errors });
  }
  // Custom profiles are read here, not from the view: the view has no credentials.
  if (policy.customProfile?.id === effective.profileId) return startRun({ ...base, profile: withPolicy(policy.customProfile), profileErrors: [] });
  const stored = (await readStoredProfiles()).find((entry) => entry.profile.id === effective.profileId);
  if (stored) return startRun({ ...base, profile: withPolicy(stored.profile), profileErrors: stored.errors });
  return { error: { code: 'unknown-profile', message: 'The configured profile is neither built in nor imported.' } };
}
