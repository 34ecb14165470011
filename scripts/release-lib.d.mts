/** Types of scripts/release-lib.mjs (see its comments). */
export function extensionIdFromPem(pem: string): string;
export function extensionIdFromSpki(der: Uint8Array): string;
export function readSigningKey(path: string): { pem: string; id: string };
export function newSigningKeyPem(): string;
export function packagedManifest<M extends Record<string, unknown>>(manifest: M): Omit<M, 'key'>;
export function storeManifestProblems(manifest: Record<string, unknown>, messages: Record<string, Record<string, { message: string }>>): string[];
export function updatesXml(app: { id: string; version: string; codebase: string; minimumChromeVersion?: string }): string;
export function checkedBaseUrl(text: string): string;
export function sha256sums(files: Iterable<{ name: string; bytes: Uint8Array }>): string;
export const PACKAGE_NAME: string;
export function filesUnder(dir: string): string[];
export function packChrome(options: {
  dist: string;
  out: string;
  keyPath: string;
  baseUrl: string;
  mtime?: Date;
}): Promise<{ id: string; version: string; zipName: string; crxName: string; updateUrl: string }>;
