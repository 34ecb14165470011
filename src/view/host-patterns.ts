/**
 * Chrome match patterns, just enough to tell whether a granted host
 * permission covers a probe's origin. Kept apart from the planner so that the
 * popup can use it without loading it.
 */
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

/** The patterns of `wanted` that no granted pattern covers. */
export function missingOrigins(wanted: readonly string[], granted: readonly string[]): string[] {
  return wanted.filter((w) => !granted.some((g) => patternCovers(g, w)));
}
