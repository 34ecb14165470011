import browser from 'webextension-polyfill';
import { effectiveSettings } from '../../src/settings/effective';
import type { Settings, SettingsView, StoredProfile } from '../../src/settings/types';
import { readPolicy } from '../policy/read-policy';
import { readStoredProfiles as readStoredProfilesValue, readStoredSettings } from '../../src/settings/stored';

/** storage.local keys: the user's own settings and imported profiles (policy lives in storage.managed). */
const USER_SETTINGS = 'settings';
const CUSTOM_PROFILES = 'customProfiles';

/** Read through validation: another version's or a damaged value falls back to the defaults, key by key. */
export async function readUserSettings(): Promise<Partial<Settings>> {
  const stored = await browser.storage.local.get(USER_SETTINGS);
  return readStoredSettings(stored[USER_SETTINGS]);
}

/** Each stored profile validated again; a damaged one is left out. */
export async function readStoredProfiles(): Promise<StoredProfile[]> {
  const stored = await browser.storage.local.get(CUSTOM_PROFILES);
  return readStoredProfilesValue(stored[CUSTOM_PROFILES]);
}

export async function writeUserSettings(settings: Partial<Settings>): Promise<void> {
  await browser.storage.local.set({ [USER_SETTINGS]: settings });
}

export async function writeStoredProfiles(profiles: StoredProfile[]): Promise<void> {
  await browser.storage.local.set({ [CUSTOM_PROFILES]: profiles });
}

export async function writeSettingsAndProfiles(settings: Partial<Settings>, profiles: StoredProfile[]): Promise<void> {
  await browser.storage.local.set({ [USER_SETTINGS]: settings, [CUSTOM_PROFILES]: profiles });
}

export async function readSettingsView(): Promise<SettingsView> {
  const [user, policy, stored] = await Promise.all([readUserSettings(), readPolicy(), readStoredProfiles()]);
  return effectiveSettings(user, policy, stored);
}
