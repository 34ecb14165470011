/**
 * Which host permissions a profile needs before its HTTPS/WSS probes can read
 * the reason of a failure (webRequest reports only hosts the extension may
 * access). Built-in hosts are granted at install; anything a user or admin
 * adds is in `optional_host_permissions` and must be requested from a click
 * handler: `chrome.permissions.request({ origins })`, built here as pure data.
 */
import { planChecks } from '../checks/plan';
import type { Profile } from '../profile/types';

/** The origins (match patterns) the profile's fetch and WebSocket probes touch. */
export function probeOrigins(profile: Profile, region?: string): string[] {
  const plan = planChecks(profile, region === undefined ? {} : { region });
  const origins = plan.flatMap((check) => (check.type === 'fetch' || check.type === 'wss' ? [originPattern(check.url)] : []));
  return [...new Set(origins)].sort();
}

/** `https://host:8443/path` -> `https://host/*` (match patterns ignore ports). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

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
