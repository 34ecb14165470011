/**
 * The user's settings and imported profiles as read back from storage.local:
 * whatever another version (or damage) left there becomes values this version
 * can use, key by key, with the defaults for the rest. Nothing here throws.
 */
import { MAX_DEADLINE_MS, MIN_DEADLINE_MS } from '../checks/deadline';
import { isObject } from '../profile/fields';
import { validateProfile } from '../profile/validate';
import type { ProfileError } from '../profile/types';
import type { Settings, StoredProfile } from './types';

/** Each stored setting kept only when it has the type and range the settings page would accept; others fall back to the defaults. */
export function readStoredSettings(value: unknown): Partial<Settings> {
  if (!isObject(value)) return {};
  const settings: Partial<Settings> = {};
  const { profileId, choices, deadlineMs, redactIpsInExports } = value;
  if (typeof profileId === 'string' && profileId.length > 0 && profileId.length <= 80) settings.profileId = profileId;
  if (isObject(choices) && Object.values(choices).every((c) => typeof c === 'string')) settings.choices = { ...(choices as Record<string, string>) };
  if (typeof deadlineMs === 'number' && deadlineMs >= MIN_DEADLINE_MS && deadlineMs <= MAX_DEADLINE_MS) settings.deadlineMs = Math.round(deadlineMs);
  if (typeof redactIpsInExports === 'boolean') settings.redactIpsInExports = redactIpsInExports;
  return settings;
}

/** Imported profiles, each validated again (as on import): a damaged entry is left out, the others stay. */
export function readStoredProfiles(value: unknown): StoredProfile[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): StoredProfile[] => {
    if (!isObject(entry)) return [];
    const { profile } = validateProfile(entry.profile);
    if (!profile) return [];
    const importedAt = typeof entry.importedAt === 'string' ? entry.importedAt : '';
    const errors = Array.isArray(entry.errors) ? entry.errors.filter(isProfileError) : [];
    return [{ profile, importedAt, errors }];
  });
}

function isProfileError(value: unknown): value is ProfileError {
  return isObject(value) && typeof value.path === 'string' && typeof value.code === 'string' && typeof value.message === 'string';
}
