/**
 * The host permissions a run needs: `webRequest` tells why a probe failed
 * only for hosts the extension may access. STUN/TURN need none (WebRTC is not
 * subject to host permissions). The popup asks for these (src/view/host-access.ts),
 * the command-line runner grants them to its copy of the extension.
 */
import type { Profile } from '../profile/types';
import { planChecks } from './plan';

/** `https://host:8443/path` -> `https://host/*` (match patterns ignore ports). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** The match patterns the profile's fetch and WebSocket probes touch, sorted, once each. */
export function probeOrigins(profile: Profile, region?: string): string[] {
  const origins = planChecks(profile, region === undefined ? {} : { region }).flatMap((check) => {
    if (check.type === 'fetch') return [originPattern(check.url)];
    // A WSS check also fetches https:// on its host, to tell a stripped upgrade from a dead host.
    if (check.type === 'wss') return [originPattern(check.url), originPattern(check.url.replace(/^wss:/i, 'https:'))];
    return [];
  });
  return [...new Set(origins)].sort();
}
