/**
 * The host permissions a run needs: `webRequest` tells why a probe failed
 * only for hosts the extension may access. Each planned check's kind says
 * which hosts its probe needs (`CheckKind.origins`, src/checks/kinds.ts);
 * STUN/TURN need none (WebRTC is not subject to host permissions). The options
 * page asks for these (src/view/host-access.ts), the command-line runner grants
 * them to its copy of the extension.
 */
import type { Profile } from '../profile/types';
import { originsOf } from './kinds';
import { planChecks } from './plan';

export { originPattern } from './origin-pattern';

/** The match patterns the profile's checks touch (for the region chosen), sorted, once each. */
export function probeOrigins(profile: Profile, region?: string): string[] {
  const origins = planChecks(profile, region === undefined ? {} : { region }).flatMap(originsOf);
  return [...new Set(origins)].sort();
}
