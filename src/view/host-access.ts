/**
 * Which host permissions a profile needs before its HTTPS/WSS probes can read
 * the reason of a failure (webRequest reports only hosts the extension may
 * access). Built-in hosts are granted at install; anything a user or admin
 * adds is in `optional_host_permissions` and must be requested from a click
 * handler: `chrome.permissions.request({ origins })`, built here as pure data.
 */
import { probeOrigins } from '../checks/probe-origins';
import type { Profile } from '../profile/types';

export { originPattern, probeOrigins } from '../checks/probe-origins';

interface Pattern {
  scheme: string;
  host: string;
}

function parsePattern(pattern: string): Pattern | null {
  if (pattern === '<all_urls>') return { scheme: '*', host: '*' };
  const m = /^(\*|[a-z-]+):\/\/([^/]*)\//.exec(pattern);
  return m ? { scheme: m[1]!, host: m[2]!.replace(/:\d+$/, '') } : null;
}

function schemeCovers(granted: string, wanted: string): boolean {
  // Chrome's `*` scheme covers http(s) and, for host permissions, ws(s).
  return granted === wanted || (granted === '*' && ['http', 'https', 'ws', 'wss'].includes(wanted));
}

function hostCovers(granted: string, wanted: string): boolean {
  if (granted === '*' || granted === wanted) return true;
  return granted.startsWith('*.') && (wanted === granted.slice(2) || wanted.endsWith(granted.slice(1)));
}

export function patternCovers(granted: string, wanted: string): boolean {
  const g = parsePattern(granted);
  const w = parsePattern(wanted);
  return g !== null && w !== null && schemeCovers(g.scheme, w.scheme) && hostCovers(g.host, w.host);
}

/** The `permissions.request` argument for what is not granted yet; null when nothing is missing. */
export function hostAccessRequest(profile: Profile, granted: readonly string[], region?: string): { origins: string[] } | null {
  const missing = probeOrigins(profile, region).filter((wanted) => !granted.some((g) => patternCovers(g, wanted)));
  return missing.length === 0 ? null : { origins: missing };
}
