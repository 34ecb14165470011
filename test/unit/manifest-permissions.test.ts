import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { planChecks } from '../../src/checks/plan';
import { BUILTIN_PROFILES, builtinProfile } from '../../src/profile/builtin';

/** Chrome match patterns as used here: scheme `https`/`wss`/`*`, exact host, any path. */
function covers(pattern: string, url: URL): boolean {
  const m = /^(\*|https|wss):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host] = m;
  const schemeOk = scheme === '*' || `${scheme}:` === url.protocol;
  const hostOk = host === '*' || host === url.hostname || (host!.startsWith('*.') && url.hostname.endsWith(host!.slice(1)));
  return schemeOk && hostOk;
}

describe('manifest permissions', () => {
  it('grants at install exactly what the built-in profiles probe over HTTPS/WSS, no more', () => {
    const probed = new Set<string>();
    for (const document of BUILTIN_PROFILES) {
      const { profile } = builtinProfile(document.id) ?? { profile: null };
      if (!profile) continue;
      for (const check of planChecks(profile)) {
        if (check.type === 'fetch' || check.type === 'wss') probed.add(check.url);
      }
    }
    expect(probed.size).toBeGreaterThan(0);
    for (const url of probed) {
      expect(
        manifest.host_permissions.some((p) => covers(p, new URL(url))),
        url,
      ).toBe(true);
    }
    // Each install-time grant is used by some probe: nothing broader creeps in.
    for (const pattern of manifest.host_permissions) {
      expect(
        [...probed].some((url) => covers(pattern, new URL(url))),
        pattern,
      ).toBe(true);
    }
  });

  it('asks for nothing broad at install time', () => {
    expect(manifest.host_permissions).not.toContain('<all_urls>');
    // The enterprise.* pair only works for extensions force-installed on ChromeOS
    // (device facts in the report); elsewhere Chromium loads the extension with
    // them inert: no API, no install warning, no permission message.
    expect(manifest.permissions.sort()).toEqual([
      'alarms',
      'enterprise.deviceAttributes',
      'enterprise.networkingAttributes',
      'offscreen',
      'privacy',
      'storage',
      'webRequest',
    ]);
    expect(manifest).not.toHaveProperty('content_scripts');
  });
});
