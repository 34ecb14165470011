/**
 * What the options page or the popup may change, checked field by field like
 * a profile: every bad field is named, a key locked by policy is refused, and
 * nothing is written unless the whole change is good (a half-applied change
 * would leave the user guessing what was saved).
 */
import { fieldName } from '../profile/fields';
import type { ProfileError } from '../profile/types';
import type { SettingKey, Settings } from './types';
import { MAX_DEADLINE_MS, MIN_DEADLINE_MS } from '../checks/deadline';

export { MAX_DEADLINE_MS, MIN_DEADLINE_MS };
const MAX_ID = 80;
/** Scheduling is an admin's decision (policy only): users cannot switch it on. */
const USER_KEYS: readonly SettingKey[] = ['profileId', 'choices', 'deadlineMs', 'redactIpsInExports'];

export type PatchResult = { ok: true; settings: Partial<Settings> } | { ok: false; code: 'bad-request' | 'locked'; message: string; details: ProfileError[] };

export function checkSettingsPatch(input: unknown, locked: readonly SettingKey[], knownProfile: (id: string) => boolean): PatchResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, code: 'bad-request', message: '`settings` must be an object', details: [] };
  }
  const patch = input as Record<string, unknown>;
  const details: ProfileError[] = [];
  const lockedKeys = Object.keys(patch).filter((key) => locked.includes(key as SettingKey));
  if (lockedKeys.length > 0) {
    return {
      ok: false,
      code: 'locked',
      message: `set by your administrator: ${lockedKeys.join(', ')}`,
      details: lockedKeys.map((path) => ({ path, code: 'type', message: 'locked by policy' })),
    };
  }
  const settings: Partial<Settings> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!USER_KEYS.includes(key as SettingKey)) {
      details.push({ path: fieldName(key), code: 'unknown-field', message: 'cannot be set here' });
    } else if (key === 'profileId') {
      if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID)
        details.push({ path: key, code: 'type', message: 'a profile id (text, 1-80 characters)' });
      else if (!knownProfile(value)) details.push({ path: key, code: 'pattern', message: 'no built-in or imported profile has this id' });
      else settings.profileId = value;
    } else if (key === 'choices') {
      const ok =
        typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string' && v.length <= MAX_ID);
      if (ok) settings.choices = { ...(value as Record<string, string>) };
      else details.push({ path: key, code: 'type', message: 'an object mapping option ids to choice ids' });
    } else if (key === 'deadlineMs') {
      if (typeof value === 'number' && Number.isFinite(value) && value >= MIN_DEADLINE_MS && value <= MAX_DEADLINE_MS) settings.deadlineMs = Math.round(value);
      else details.push({ path: key, code: 'type', message: `milliseconds from ${MIN_DEADLINE_MS} to ${MAX_DEADLINE_MS}` });
    } else if (key === 'redactIpsInExports') {
      if (typeof value === 'boolean') settings.redactIpsInExports = value;
      else details.push({ path: key, code: 'type', message: 'true or false' });
    }
  }
  if (details.length > 0) return { ok: false, code: 'bad-request', message: 'some settings are not valid; nothing was saved', details };
  return { ok: true, settings };
}
