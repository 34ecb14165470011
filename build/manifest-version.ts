/**
 * One version for everything a release ships: `package.json`'s `version` is
 * the source; manifest.json carries none, and vite.config.ts writes this one
 * into the Chrome manifest (dist/) and, through build/firefox-manifest.ts, the
 * Firefox one (dist-firefox/). The report's `environment.extensionVersion`
 * is read from the installed manifest, so it is this number too.
 */

/**
 * Chrome's manifest `version`: one to four dot-separated integers, each
 * 0-65535, no leading zeros (developer.chrome.com, Manifest - Version). Firefox
 * accepts the same form. Throws naming the value when it is not one.
 */
export function checkedVersion(version: unknown): string {
  if (typeof version !== 'string' || !/^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/.test(version)) {
    throw new Error(`package.json version ${JSON.stringify(version)} is not a browser extension version (1 to 4 dot-separated integers, e.g. 1.2.0)`);
  }
  if (version.split('.').some((part) => Number(part) > 65535)) throw new Error(`package.json version ${version}: each part must be at most 65535`);
  return version;
}

/** `manifest` with `version` set; refuses a manifest that names a version of its own (two sources would drift). */
export function withVersion<M extends object>(manifest: M, version: string): M & { version: string } {
  if ('version' in manifest) throw new Error('manifest.json must not carry a version: package.json is the one version source');
  return { ...manifest, version: checkedVersion(version) };
}

/** Compares two checked versions part by part (missing parts are 0), as Chrome's updater does: <0, 0 or >0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
