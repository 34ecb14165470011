import browser from 'webextension-polyfill';
import { parsePolicy } from '../../src/policy/parse';
import { NO_POLICY, type PolicyOverlay } from '../../src/settings/types';

/**
 * The managed policy, validated; the one place `storage.managed` is read
 * (uBlock Origin Lite style). It may be missing (a browser without managed
 * storage), throw (Firefox without policies.json: "Managed storage manifest
 * not found"), be empty at first and filled seconds later (measured with an
 * extension loaded over DevTools), or hold anything: parsePolicy trusts none
 * of it. Cached until `storage.onChanged` says the managed area changed.
 */
let cached: Promise<PolicyOverlay> | null = null;
const listeners = new Set<(policy: PolicyOverlay) => void>();

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 200);
}

async function load(): Promise<PolicyOverlay> {
  const area = (browser.storage as { managed?: { get(keys?: null): Promise<Record<string, unknown>> } }).managed;
  if (!area) return { ...NO_POLICY };
  let raw: unknown;
  try {
    raw = await area.get(null);
  } catch (err) {
    const message = messageOf(err);
    // The usual answer when nothing is managed; anything else is worth a line in the report.
    if (/manifest not found|not found|not available/i.test(message)) return { ...NO_POLICY };
    return { ...NO_POLICY, problems: [{ field: '', message: `The managed policy could not be read: ${message}` }] };
  }
  return parsePolicy(raw);
}

export function readPolicy(): Promise<PolicyOverlay> {
  cached ??= load();
  return cached;
}

/** Called with the new policy after every change of the managed area. */
export function onPolicyChanged(listener: (policy: PolicyOverlay) => void): void {
  listeners.add(listener);
}

/** Registered once at the service worker's top level, so a policy change wakes it. */
export function listenForPolicyChanges(): void {
  browser.storage.onChanged.addListener((_changes, areaName) => {
    if (areaName !== 'managed') return;
    cached = null;
    void readPolicy().then((policy) => {
      for (const listener of listeners) listener(policy);
    });
  });
}
