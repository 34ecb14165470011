// What `npm run release` (scripts/release.mjs) computes, apart from running
// tools: the extension id a key gives, the manifest each package carries,
// the update manifest, the checksum list. Types: release-lib.d.mts.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createReadStream, createWriteStream, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import crx3 from 'crx3';
import yazl from 'yazl';

/** Base name of every package file. */
export const PACKAGE_NAME = 'webrtc-network-check';

/**
 * Chrome's extension id for a key: the SHA-256 of the DER SubjectPublicKeyInfo,
 * its first 16 bytes as 32 hex digits, each digit 0-f written a-p
 * (Chromium components/crx_file/id_util.cc). `pem` is a private key (PKCS#1 or
 * PKCS#8) or a public key; throws naming what it is not.
 */
export function extensionIdFromPem(pem) {
  let publicKey;
  try {
    publicKey = /PRIVATE KEY/.test(pem) ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  } catch (err) {
    throw new Error(`not a PEM RSA key (${err instanceof Error ? err.message : String(err)})`);
  }
  if (publicKey.asymmetricKeyType !== 'rsa') throw new Error(`a ${publicKey.asymmetricKeyType} key: CRX3 signing here needs an RSA key`);
  return extensionIdFromSpki(publicKey.export({ type: 'spki', format: 'der' }));
}

/** The id for a DER SubjectPublicKeyInfo (the manifest `key` is its base64). */
export function extensionIdFromSpki(der) {
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

/** Reads a key file for --key, naming the file when it is missing or not a key. Returns the PEM text and its id. */
export function readSigningKey(path) {
  let pem;
  try {
    pem = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`--key ${path}: no such file (make one with --new-key ${path})`);
  }
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem)) throw new Error(`--key ${path}: not a PEM private key (expected -----BEGIN PRIVATE KEY-----)`);
  try {
    return { pem, id: extensionIdFromPem(pem) };
  } catch (err) {
    throw new Error(`--key ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A new RSA-2048 signing key as PKCS#8 PEM (what `chromium --pack-extension` makes). */
export function newSigningKeyPem() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
}

/**
 * The manifest that goes into the store zip and the CRX: dist/'s without
 * `key`. The Chrome Web Store refuses an upload whose manifest has one ("key
 * field is not allowed in manifest", reported in clerk/javascript#5532,
 * getAlby/lightning-browser-extension#2807) and gives the item its own id; a
 * CRX's id comes from its signing key, and Chrome writes that key into the
 * installed manifest itself. dist/ keeps it, so unpacked builds keep their
 * fixed id.
 */
export function packagedManifest(manifest) {
  const { key: _key, ...rest } = manifest;
  return rest;
}

/**
 * What the Chrome Web Store checks on upload that a build can get wrong, as
 * sentences (empty: nothing wrong). `messages`: locale -> messages.json
 * content, to resolve `__MSG_x__`. Limits from developer.chrome.com
 * (Manifest - Name: 75 characters; Manifest - Description: 132; Manifest -
 * Version: 1-4 integers of 0-65535).
 */
export function storeManifestProblems(manifest, messages) {
  const problems = [];
  if ('key' in manifest) problems.push('the manifest has a "key" (the store refuses it)');
  if (manifest.manifest_version !== 3) problems.push('manifest_version is not 3');
  if (typeof manifest.version !== 'string' || !/^\d+(\.\d+){0,3}$/.test(manifest.version))
    problems.push(`version ${JSON.stringify(manifest.version)} is not 1-4 integers`);
  const resolve = (value, locale) => {
    const m = /^__MSG_(\w+)__$/.exec(value ?? '');
    return m ? messages[locale]?.[m[1]]?.message : value;
  };
  for (const locale of Object.keys(messages)) {
    for (const [field, limit] of [
      ['name', 75],
      ['description', 132],
    ]) {
      const text = resolve(manifest[field], locale);
      if (typeof text !== 'string' || text.length === 0) problems.push(`${field} has no text in ${locale}`);
      else if (text.length > limit) problems.push(`${field} in ${locale} is ${text.length} characters (the store allows ${limit})`);
    }
  }
  return problems;
}

const XML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text) => String(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

/**
 * The update manifest ("gupdate" XML) Chrome's extension updater reads from
 * an `update_url` (ExtensionSettings, Admin console "From a custom URL"):
 * one app, its CRX at `codebase`, its version, and the oldest Chrome it runs
 * on. developer.chrome.com, "Update from a server" / linux hosting docs.
 */
export function updatesXml({ id, version, codebase, minimumChromeVersion }) {
  if (!/^https:\/\//.test(codebase))
    throw new Error(`the CRX address ${codebase} is not https (a package fetched over plain http could be swapped on the way)`);
  const min = minimumChromeVersion ? ` prodversionmin='${xml(minimumChromeVersion)}'` : '';
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${xml(id)}'>
    <updatecheck codebase='${xml(codebase)}' version='${xml(version)}'${min} />
  </app>
</gupdate>
`;
}

/** `--base-url` -> the URL prefix files are published under (https, no query or fragment, ending in /). */
export function checkedBaseUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--base-url ${text}: not a URL (e.g. https://extensions.district.example/wnc/)`);
  }
  if (url.protocol !== 'https:') throw new Error(`--base-url ${text}: must be https (a package fetched over plain http could be swapped on the way)`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`--base-url ${text}: no query, fragment or user name`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** `sha256sum`'s format: "<hex>  <name>" per line, sorted by name, so `sha256sum -c SHA256SUMS` checks it. */
export function sha256sums(files) {
  return (
    [...files]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((f) => `${createHash('sha256').update(f.bytes).digest('hex')}  ${f.name}`)
      .join('\n') + '\n'
  );
}

/** Every file under `dir`, sorted, as paths. */
export function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** Zips `dir` with `manifest` in place of its manifest.json: sorted entries, one fixed time, so the same tree gives the same bytes. */
function zipDir(dir, manifest, target, mtime) {
  return new Promise((done, fail) => {
    const zip = new yazl.ZipFile();
    const out = createWriteStream(target);
    out.on('close', done);
    out.on('error', fail);
    zip.outputStream.on('error', fail).pipe(out);
    for (const file of filesUnder(dir)) {
      const name = relative(dir, file).split(sep).join('/');
      if (name === 'manifest.json') zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), name, { mtime });
      else zip.addFile(file, name, { mtime });
    }
    zip.end();
  });
}

/**
 * The Chrome packages of a built extension folder `dist` into `out`: the
 * store zip (`<name>-<version>-chrome.zip`, manifest without `key`), the CRX3
 * signed with the key at `keyPath` (crx3), and `updates.xml` pointing at the
 * CRX under `baseUrl`. The CRX's manifest also names that updates.xml as its
 * `update_url`: Chrome uses ExtensionSettings' `update_url` only for the first
 * install and the manifest's for every update after it (measured in
 * test/e2e/release.test.ts: without it requestUpdateCheck answered no_update
 * and never asked the server). The store sets its own, so the store zip has
 * none. Returns the file names and the id; throws when crx3's id and ours
 * disagree.
 */
export async function packChrome({ dist, out, keyPath, baseUrl, mtime = new Date('2026-01-01T00:00:00Z') }) {
  const { id } = readSigningKey(keyPath);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const version = manifest.version;
  const zipName = `${PACKAGE_NAME}-${version}-chrome.zip`;
  const crxName = `${PACKAGE_NAME}-${version}.crx`;
  const updateUrl = new URL('updates.xml', baseUrl).href;
  await zipDir(dist, packagedManifest(manifest), join(out, zipName), mtime);
  const crxZip = join(out, `.${crxName}.zip`);
  try {
    await zipDir(dist, { ...packagedManifest(manifest), update_url: updateUrl }, crxZip, mtime);
    const packed = await crx3(createReadStream(crxZip), { keyPath, crxPath: join(out, crxName) });
    if (packed.appId !== id) throw new Error(`crx3 signed for id ${packed.appId}, the key gives ${id}`);
  } finally {
    rmSync(crxZip, { force: true });
  }
  writeFileSync(
    join(out, 'updates.xml'),
    updatesXml({ id, version, codebase: new URL(crxName, baseUrl).href, minimumChromeVersion: manifest.minimum_chrome_version }),
  );
  return { id, version, zipName, crxName, updateUrl };
}
