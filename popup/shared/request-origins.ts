import { browser } from './browser';
import { missingOrigins } from '../../src/view/host-patterns';

/**
 * Asks Chrome for the hosts of `wanted` not granted yet (the settings view
 * lists each custom profile's). Must run inside the click/change handler (a
 * user gesture) and must not be awaited before the settings are saved: the
 * prompt's answer may come late, or (headless) never. Returns how many hosts
 * were asked for.
 */
export function requestOrigins(wanted: readonly string[] | undefined, granted: readonly string[]): number {
  const missing = missingOrigins(wanted ?? [], granted);
  if (missing.length === 0) return 0;
  browser.permissions.request({ origins: missing }).catch(() => undefined);
  return missing.length;
}
