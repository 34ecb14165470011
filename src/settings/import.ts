/**
 * A user's profile import: the validator's verdict, stricter than for a run.
 * A run keeps the good rules of a half-bad profile; an import keeps nothing
 * when any rule or field is wrong, so that what is stored is what the user
 * sees. Unknown fields (`$comment`, a newer schema's field) only warn.
 */
import { validateProfile } from '../profile/validate';
import type { Profile, ProfileError } from '../profile/types';
import type { StoredProfile } from './types';

export const MAX_CUSTOM_PROFILES = 20;

export type ImportResult = { ok: true; profile: Profile; warnings: ProfileError[] } | { ok: false; message: string; details: ProfileError[] };

export function checkImport(input: unknown, takenIds: { builtin: readonly string[]; policy: string | null }, stored: readonly StoredProfile[]): ImportResult {
  const { profile, errors } = validateProfile(input);
  const blocking = errors.filter((e) => e.code !== 'unknown-field');
  if (!profile || blocking.length > 0) {
    return { ok: false, message: 'the profile is not valid; nothing was imported', details: blocking.length > 0 ? blocking : errors };
  }
  if (takenIds.builtin.includes(profile.id) || profile.id === takenIds.policy) {
    return {
      ok: false,
      message: 'the profile id is already used',
      details: [{ path: 'id', code: 'duplicate-id', message: 'is the id of a built-in or managed profile; choose another id' }],
    };
  }
  const replacing = stored.some((entry) => entry.profile.id === profile.id);
  if (!replacing && stored.length >= MAX_CUSTOM_PROFILES) {
    return {
      ok: false,
      message: `at most ${MAX_CUSTOM_PROFILES} custom profiles can be stored; delete one first`,
      details: [{ path: '', code: 'too-many', message: `at most ${MAX_CUSTOM_PROFILES} custom profiles` }],
    };
  }
  return { ok: true, profile, warnings: errors };
}

/** The stored list with the profile added, or replacing the one with its id (re-import updates). */
export function withImported(stored: readonly StoredProfile[], profile: Profile, warnings: ProfileError[], now: string): StoredProfile[] {
  const entry: StoredProfile = { profile, importedAt: now, errors: warnings };
  return [...stored.filter((e) => e.profile.id !== profile.id), entry];
}
