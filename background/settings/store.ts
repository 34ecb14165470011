import { effectiveSettings } from '../../src/settings/effective';
import type { Settings, SettingsView, StoredProfile } from '../../src/settings/types';
import { readPolicy } from '../policy/read-policy';
import { readStored, writeStored } from '../storage/storage-area';

/** Read through validation (src/contract/storage.ts): another version's or a damaged value falls back to the defaults, field by field. */
export function readUserSettings(): Promise<Partial<Settings>> {
  return readStored('settings');
}

/** Each stored profile validated again; a damaged one is left out. */
export function readStoredProfiles(): Promise<StoredProfile[]> {
  return readStored('customProfiles');
}

export function writeUserSettings(settings: Partial<Settings>): Promise<void> {
  return writeStored({ settings });
}

export function writeStoredProfiles(profiles: StoredProfile[]): Promise<void> {
  return writeStored({ customProfiles: profiles });
}

export function writeSettingsAndProfiles(settings: Partial<Settings>, profiles: StoredProfile[]): Promise<void> {
  return writeStored({ settings, customProfiles: profiles });
}

export async function readSettingsView(): Promise<SettingsView> {
  const [user, policy, stored] = await Promise.all([readUserSettings(), readPolicy(), readStoredProfiles()]);
  return effectiveSettings(user, policy, stored);
}
