import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { firefoxManifest, GECKO_ID } from '../../build/firefox-manifest';

describe('the Firefox build’s manifest, derived from manifest.json', () => {
  const firefox = firefoxManifest(manifest) as typeof manifest & {
    background: { scripts: string[]; type: string };
    browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
  };

  it('runs the same background script as an event page, with a stable gecko id', () => {
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
    expect(firefox.browser_specific_settings.gecko).toMatchObject({ id: GECKO_ID, strict_min_version: '142.0' });
  });

  it('asks for Chrome’s permissions minus the Chrome-only ones, plus webRequestBlocking for getSecurityInfo', () => {
    const chromeOnly = ['offscreen', 'enterprise.deviceAttributes', 'enterprise.networkingAttributes'];
    expect(firefox.permissions.sort()).toEqual([...manifest.permissions.filter((p) => !chromeOnly.includes(p)), 'webRequestBlocking'].sort());
    expect(firefox.host_permissions).toEqual(manifest.host_permissions);
    expect(firefox.optional_host_permissions).toEqual(manifest.optional_host_permissions);
    expect(firefox).not.toHaveProperty('key');
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });
});
