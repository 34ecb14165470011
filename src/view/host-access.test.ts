import { describe, expect, it } from 'vitest';
import example from '../../test/fixtures/profiles/example.json';
import { validateProfile } from '../profile/validate';
import type { Profile } from '../profile/types';
import manifest from '../../manifest.json';
import { hostAccessRequest, originPattern, patternCovers, probeOrigins } from './host-access';

const profile = validateProfile(example).profile as Profile;

describe('host access for a custom profile', () => {
  it('lists the hosts the HTTPS and WSS probes touch, as match patterns without ports', () => {
    const origins = probeOrigins(profile, 'eu');
    expect(origins.length).toBeGreaterThan(0);
    for (const o of origins) expect(o).toMatch(/^(https|wss):\/\/[^/:]+\/\*$/);
    expect(originPattern('https://a.example:8443/x?y')).toBe('https://a.example/*');
  });

  it('asks for nothing the manifest grants at install, and for everything else', () => {
    const all = probeOrigins(profile, 'eu');
    expect(hostAccessRequest(profile, [], 'eu')).toEqual({ origins: all });
    expect(hostAccessRequest(profile, all, 'eu')).toBeNull();
    const granted = [...manifest.host_permissions];
    const request = hostAccessRequest(profile, granted, 'eu');
    for (const o of request?.origins ?? []) expect(granted.some((g) => patternCovers(g, o))).toBe(false);
  });

  it('reads wildcard hosts and schemes as Chrome does', () => {
    expect(patternCovers('*://*.lab.test/*', 'https://web.lab.test/*')).toBe(true);
    expect(patternCovers('*://*.lab.test/*', 'wss://lab.test/*')).toBe(true);
    expect(patternCovers('https://*/*', 'wss://a.example/*')).toBe(false);
    expect(patternCovers('<all_urls>', 'wss://a.example/*')).toBe(true);
    expect(patternCovers('https://a.example/*', 'https://b.example/*')).toBe(false);
    expect(patternCovers('not a pattern', 'https://b.example/*')).toBe(false);
  });
});
