import browser from 'webextension-polyfill';
import type { Environment } from '../../src/report/types';

export async function readEnvironment(): Promise<Environment> {
  const platform = await browser.runtime.getPlatformInfo().catch(() => null);
  return {
    extensionVersion: browser.runtime.getManifest().version,
    userAgent: navigator.userAgent,
    os: platform?.os ?? null,
    arch: platform?.arch ?? null,
    uiLanguage: browser.i18n.getUILanguage(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
