/**
 * The host permissions a run needs: `webRequest` tells why a probe failed
 * only for hosts the extension may access. STUN/TURN need none (WebRTC is not
 * subject to host permissions). Match patterns ignore ports.
 */
import type { Profile } from '../profile/types';
import { planChecks } from './plan';

export function probeOrigins(profile: Profile, region?: string): string[] {
  const origins = planChecks(profile, region === undefined ? {} : { region }).flatMap((check) => {
    if (check.type !== 'fetch' && check.type !== 'wss') return [];
    const url = new URL(check.url);
    // A WSS check also fetches https:// on the same host (to tell a stripped upgrade from a dead host).
    const schemes = check.type === 'wss' ? ['wss', 'https'] : [url.protocol.slice(0, -1)];
    return schemes.map((scheme) => `${scheme}://${url.hostname}/*`);
  });
  return [...new Set(origins)];
}
