import type { ErrorReply, ImportProfileReply } from '../../src/contract/requests';
import { BUILTIN_PROFILES } from '../../src/profile/builtin';
import { checkImport, withImported } from '../../src/settings/import';
import { stripCredentials } from '../../src/settings/strip-credentials';
import { localTargets } from '../../src/profile/local-targets';
import { checkSettingsPatch } from '../../src/settings/patch';
import type { SettingsView } from '../../src/settings/types';
import { readPolicy } from '../policy/read-policy';
import { oneAtATime } from './one-at-a-time';
import { readSettingsView, readStoredProfiles, readUserSettings, writeSettingsAndProfiles, writeStoredProfiles, writeUserSettings } from './store';

/** `saveSettings`: all fields good and none locked, or nothing written. */
export function saveSettings(patch: unknown): Promise<SettingsView | ErrorReply> {
  return oneAtATime(async () => {
    const [view, user] = await Promise.all([readSettingsView(), readUserSettings()]);
    const known = (id: string) => BUILTIN_PROFILES.some((p) => p.id === id) || view.customProfiles.some((p) => p.id === id);
    const result = checkSettingsPatch(patch, view.locked, known);
    if (!result.ok) return { error: { code: result.code, message: result.message, details: result.details } };
    await writeUserSettings({ ...user, ...result.settings });
    return readSettingsView();
  });
}

/** `importProfile`: validated as strictly as the options page shows it; nothing stored when invalid. */
export function importProfile(input: unknown): Promise<ImportProfileReply | ErrorReply> {
  return oneAtATime(async () => {
    const [stored, policy] = await Promise.all([readStoredProfiles(), readPolicy()]);
    const result = checkImport(input, { builtin: BUILTIN_PROFILES.map((p) => p.id), policy: policy.customProfile?.id ?? null }, stored);
    if (!result.ok) return { error: { code: 'invalid-profile', message: result.message, details: result.details } };
    await writeStoredProfiles(withImported(stored, result.profile, result.warnings, new Date().toISOString()));
    // Stored whole (the run needs the TURN login); the reply to the page carries none (found by the fuzz test).
    return { profile: stripCredentials(result.profile), warnings: result.warnings, localTargets: localTargets(result.profile) };
  });
}

/** `deleteProfile`: also forgets it as the user's default, so "Check again" never names a missing profile. */
export function deleteProfile(id: unknown): Promise<SettingsView> {
  return oneAtATime(async () => {
    const [stored, user] = await Promise.all([readStoredProfiles(), readUserSettings()]);
    if (typeof id === 'string') {
      const profiles = stored.filter((entry) => entry.profile.id !== id);
      if (user.profileId === id) {
        const { profileId: _gone, choices: _choices, ...rest } = user;
        // One write: a worker stopped here never leaves a default that names a deleted profile.
        await writeSettingsAndProfiles(rest, profiles);
      } else {
        await writeStoredProfiles(profiles);
      }
    }
    return readSettingsView();
  });
}
