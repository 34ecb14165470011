/**
 * Which host permissions a profile needs before its HTTPS/WSS probes can read
 * the reason of a failure (webRequest reports only hosts the extension may
 * access). Built-in hosts are granted at install; anything a user or admin
 * adds is in `optional_host_permissions` and must be requested from a click
 * handler: `chrome.permissions.request({ origins })`, built here as pure data.
 */
import { probeOrigins } from '../checks/probe-origins';
import type { Profile } from '../profile/types';
import { missingOrigins } from './host-patterns';

export { originPattern, probeOrigins } from '../checks/probe-origins';

export { patternCovers } from './host-patterns';

/** The `permissions.request` argument for what is not granted yet; null when nothing is missing. */
export function hostAccessRequest(profile: Profile, granted: readonly string[], region?: string): { origins: string[] } | null {
  const missing = missingOrigins(probeOrigins(profile, region), granted);
  return missing.length === 0 ? null : { origins: missing };
}
