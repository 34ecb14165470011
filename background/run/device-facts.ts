import { browser } from '../browser';
import type { Environment } from '../../src/report/types';
import { phrase } from '../../src/i18n/phrase';

type Device = Environment['device'];

/**
 * ChromeOS enterprise facts for the report. `chrome.enterprise.deviceAttributes`
 * and `.networkingAttributes` exist only on ChromeOS, only for extensions
 * force-installed by policy (the manifest declares both permissions; they
 * are inert elsewhere, see README): everywhere else the report says why the
 * facts are missing. Never throws: a report without device
 * facts is still a report.
 */
export async function readDeviceFacts(os: string | null): Promise<Device> {
  const enterprise = browser.enterprise as EnterpriseApi | undefined;
  const device = enterprise?.deviceAttributes;
  const network = enterprise?.networkingAttributes;
  if (!device && !network) {
    const reason = os !== 'cros' ? phrase('device_not_chromeos', { os: os ?? '?' }) : phrase('device_not_force_installed');
    return { available: false, reason, facts: {} };
  }
  const facts: Record<string, string> = {};
  const problems: string[] = [];
  const read = async (name: string, get: (() => Promise<unknown>) | undefined) => {
    if (!get) return;
    try {
      const value = await get();
      if (typeof value === 'string' && value !== '') facts[name] = value;
      else if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && v !== '') facts[k] = v;
      }
    } catch (err) {
      problems.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  await read('directoryDeviceId', device && (() => call(device.getDirectoryDeviceId)));
  await read('serialNumber', device && (() => call(device.getDeviceSerialNumber)));
  await read('assetId', device && (() => call(device.getDeviceAssetId)));
  await read('annotatedLocation', device && (() => call(device.getDeviceAnnotatedLocation)));
  await read('hostname', device && (() => call(device.getDeviceHostname)));
  // Network details: macAddress, ipv4, ipv6 of the default network.
  await read('network', network && (() => call(network.getNetworkDetails)));
  const available = Object.keys(facts).length > 0;
  // The APIs' own error texts stay as the browser gave them.
  const reason = problems.length > 0 ? phrase('device_api_errors', { errors: problems.join('; ') }) : available ? null : phrase('device_nothing_returned');
  return { available, reason, facts };
}

type Getter = ((callback: (value: unknown) => void) => Promise<unknown> | void) | undefined;
interface EnterpriseApi {
  deviceAttributes?: Record<'getDirectoryDeviceId' | 'getDeviceSerialNumber' | 'getDeviceAssetId' | 'getDeviceAnnotatedLocation' | 'getDeviceHostname', Getter>;
  networkingAttributes?: { getNetworkDetails: Getter };
}

/** These APIs take callbacks and report failures through runtime.lastError. */
function call(fn: Getter): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (!fn) return resolve(undefined);
    // A getter that also returns a promise settles this one through the callback alone.
    void fn((value) => {
      const error = browser.runtime.lastError;
      if (error) reject(new Error(error.message ?? 'unknown error'));
      else resolve(value);
    });
  });
}
