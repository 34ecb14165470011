import { browser } from '../browser';
import { parsePolicy } from '../../src/policy/parse';
import { overlayForReadError } from '../../src/policy/read-error';
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

async function load(): Promise<PolicyOverlay> {
  const area = (browser.storage as { managed?: { get(keys?: null): Promise<Record<string, unknown>> } }).managed;
  // Measured: Chromium answers {} when nothing is pushed, even without a schema; it never threw here.
  if (!area) return { ...NO_POLICY };
  let raw: unknown;
  try {
    raw = await area.get(null);
  } catch (err) {
    // Firefox rejects with a plain {message} object, not an Error.
    const message =
      typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string'
        ? (err as { message: string }).message
        : String(err);
    return overlayForReadError(message);
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
