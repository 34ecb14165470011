/**
 * The one module that reads and writes `chrome.storage` for the service
 * worker, through the schema in src/contract/storage.ts: a read returns a
 * value of the key's type whatever storage held, and logs what it dropped.
 */
import { browser } from '../browser';
import { readStorageValue, STORAGE_SCHEMA, type StorageValue } from '../../src/contract/storage';
import { RETIRED_LOCAL_KEYS, type StorageName } from '../../src/contract/storage-keys';

function area(name: StorageName) {
  return STORAGE_SCHEMA[name].area === 'session' ? browser.storage.session : browser.storage.local;
}

/** One key, read and validated; its default when absent or unreadable. */
export async function readStored<N extends StorageName>(name: N): Promise<StorageValue<N>> {
  const key = STORAGE_SCHEMA[name].key;
  const stored = await area(name).get(key);
  const { value, problems } = readStorageValue(name, stored[key]);
  // Names the key and field, never the value (which may be a report or a profile).
  for (const problem of problems) console.warn(`storage: ${problem}`);
  return value;
}

/**
 * Writes several keys of one area in one `set()`: storage writes it whole or
 * not at all, so a worker stopped here never leaves them apart.
 */
export async function writeStored(values: { [N in StorageName]?: StorageValue<N> }): Promise<void> {
  const byArea = new Map<ReturnType<typeof area>, Record<string, unknown>>();
  for (const [name, value] of Object.entries(values) as [StorageName, unknown][]) {
    const target = area(name);
    byArea.set(target, { ...byArea.get(target), [STORAGE_SCHEMA[name].key]: value });
  }
  await Promise.all([...byArea].map(([target, items]) => target.set(items)));
}

export async function removeStored(name: StorageName): Promise<void> {
  await area(name).remove(STORAGE_SCHEMA[name].key);
}

/** Deletes what earlier versions stored and this one no longer reads (RETIRED_LOCAL_KEYS: the skeleton's TURN credentials among them). */
export async function removeRetiredKeys(): Promise<void> {
  await browser.storage.local.remove([...RETIRED_LOCAL_KEYS]);
}
