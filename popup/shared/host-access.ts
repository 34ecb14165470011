import { browser } from './browser';
import type { Profile } from '../../src/profile/types';
import { hostAccessRequest } from '../../src/view/host-access';

/**
 * Asks Chrome for the hosts a custom profile probes. Must run inside the
 * click/change handler (a user gesture) and must not be awaited before the
 * settings are saved: the prompt's answer may come late, or (headless) never.
 * Returns how many hosts were asked for.
 */
export function requestHostAccess(profile: Profile | undefined, granted: readonly string[], region?: string): number {
  if (!profile) return 0;
  const request = hostAccessRequest(profile, granted, region);
  if (!request) return 0;
  browser.permissions.request(request).catch(() => undefined);
  return request.origins.length;
}
