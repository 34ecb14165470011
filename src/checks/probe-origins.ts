/**
 * The host permissions a run needs: `webRequest` tells why a probe failed
 * only for hosts the extension may access. STUN/TURN need none (WebRTC is not
 * subject to host permissions). The popup asks for these (src/view/host-access.ts),
 * the command-line runner grants them to its copy of the extension.
 */
import type { Profile } from '../profile/types';
import { DEFAULT_DEADLINE_MS } from './deadline';
import { planHostPortRule } from './plan-host-port';

/** `https://host:8443/path` -> `https://host/*` (match patterns ignore ports). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** The match patterns the profile's fetch and WebSocket probes touch, sorted, once each. */
export function probeOrigins(profile: Profile, region?: string): string[] {
  // The planner's own rules, without its ICE half: the popup loads this, and STUN/TURN need no host access.
  const rules = profile.rules.filter((rule) => rule.region === undefined || rule.region === region);
  const origins = rules.flatMap((rule): string[] => {
    if (rule.kind === 'https') return [originPattern(rule.url)];
    // A WSS check also fetches https:// on its host, to tell a stripped upgrade from a dead host.
    if (rule.kind === 'wss') return [originPattern(rule.url), originPattern(rule.url.replace(/^wss:/i, 'https:'))];
    if (rule.kind === 'tcp' || rule.kind === 'udp') {
      return planHostPortRule(rule, DEFAULT_DEADLINE_MS).flatMap((check) => (check.type === 'fetch' ? [originPattern(check.url)] : []));
    }
    return [];
  });
  return [...new Set(origins)].sort();
}
