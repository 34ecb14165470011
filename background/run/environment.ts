import { browser } from '../browser';
import type { Environment } from '../../src/report/types';
import { readWebRtcIpHandling } from './webrtc-ip-handling';
import { readPolicy } from '../policy/read-policy';
import { readDeviceFacts } from './device-facts';
import { phrase } from '../../src/i18n/phrase';
import { reportDestination, type ReportDestination } from '../../src/settings/report-destination';

/** Where reports go, for the report itself: no header name or value. */
function sentTo({ endpoint, site, triggers }: ReportDestination) {
  return { endpoint, site, triggers };
}

/** Chromium-family user agents name the browser last-but-one; enough for a support ticket. */
function browserFromUserAgent(userAgent: string): Environment['browser'] {
  const match = /(Edg|OPR|Firefox|Chromium|Chrome)\/([\d.]+)/.exec(userAgent);
  if (!match) return null;
  const names: Record<string, string> = { Edg: 'Edge', OPR: 'Opera' };
  return { name: names[match[1]!] ?? match[1]!, version: match[2]! };
}

export async function readEnvironment(): Promise<Environment> {
  const platform = await browser.runtime.getPlatformInfo().catch(() => null);
  const [policy, device, webRtcIpHandling] = await Promise.all([
    readPolicy(),
    readDeviceFacts(platform?.os ?? null).catch((err: unknown) => ({
      available: false,
      reason: phrase('device_read_failed', { error: String(err) }),
      facts: {},
    })),
    readWebRtcIpHandling(),
  ]);
  return {
    extensionVersion: browser.runtime.getManifest().version,
    userAgent: navigator.userAgent,
    browser: browserFromUserAgent(navigator.userAgent),
    os: platform?.os ?? null,
    arch: platform?.arch ?? null,
    uiLanguage: browser.i18n.getUILanguage(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    policy: {
      managed: policy.managed,
      settingsFromPolicy: Object.keys(policy.settings),
      problems: policy.problems,
      reportsSentTo: policy.reportEndpoint ? sentTo(reportDestination(policy.reportEndpoint)) : null,
    },
    // Binds web pages, not this extension: the report and verdict say what web apps lose.
    webRtcIpHandling,
    device,
  };
}
