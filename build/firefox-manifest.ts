/**
 * The Firefox build's manifest, derived from the one manifest.json so the two
 * cannot drift: what Firefox lacks or names differently is removed or added
 * here, nothing else changes.
 *
 * - background: crxjs (`browser: 'firefox'`) writes `background.scripts`, an
 *   MV3 event page; it has RTCPeerConnection, so there is no offscreen document.
 * - `browser_specific_settings.gecko.id`: a stable id, which policies.json
 *   (ExtensionSettings, 3rdparty managed storage) and temporary installs need.
 *   `strict_min_version` 128 (ESR 128): MV3 host permissions granted at install
 *   (127), `background.type: module`, `action.setBadgeTextColor`.
 * - `webRequestBlocking`: webRequest.getSecurityInfo answers only inside a
 *   blocking onHeadersReceived listener (Firefox keeps blocking webRequest in MV3);
 *   the listener blocks nothing (background/platform/firefox-security-info.ts).
 * - Chrome-only: `key` (Chrome's id), `minimum_chrome_version`, `offscreen`,
 *   `enterprise.*` (ChromeOS), `storage.managed_schema` (Firefox enforces no
 *   schema: the policy reader validates every field itself).
 */
export const GECKO_ID = 'webrtc-network-check@wnc.example';
export const GECKO_MIN_VERSION = '142.0';

const CHROME_ONLY_PERMISSIONS = new Set(['offscreen', 'enterprise.deviceAttributes', 'enterprise.networkingAttributes']);

type Manifest = Record<string, unknown> & { permissions?: string[]; background?: { service_worker?: string } };

export function firefoxManifest<M extends object>(chrome: M): M {
  const { key: _key, minimum_chrome_version: _min, storage: _storage, ...rest } = chrome as Manifest;
  const permissions = (rest.permissions ?? []).filter((p) => !CHROME_ONLY_PERMISSIONS.has(p));
  const script = rest.background?.service_worker;
  if (!script) throw new Error('manifest.json names no background.service_worker to run as the Firefox event page');
  return {
    ...rest,
    background: { scripts: [script], type: 'module' },
    permissions: [...permissions, 'webRequestBlocking'],
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        // Nothing leaves the device unless an administrator's policy names a collector (docs/admin.md).
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as M;
}
