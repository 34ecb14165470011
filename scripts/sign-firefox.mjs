#!/usr/bin/env node
// `npm run sign-firefox`: has addons.mozilla.org sign the Firefox build for
// self-distribution (the "unlisted" channel: signed, not listed on AMO), which
// Firefox release builds need before policies.json can install it. The AMO
// API credentials come from the environment only (WEB_EXT_API_KEY = JWT
// issuer, WEB_EXT_API_SECRET = JWT secret, from
// https://addons.mozilla.org/developers/addon/api/key/); they are never
// written to a file or printed. The build is bundled, so the source of this
// commit goes along (`git archive`), as AMO's source-code policy asks.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'release');

const missing = ['WEB_EXT_API_KEY', 'WEB_EXT_API_SECRET'].filter((name) => !process.env[name]);
if (missing.length > 0) {
  process.stderr.write(
    `sign-firefox: ${missing.join(' and ')} not set. Create an API key at addons.mozilla.org (Tools > Manage API Keys) and run\n` +
      '  WEB_EXT_API_KEY=user:12345:67 WEB_EXT_API_SECRET=… npm run sign-firefox\n' +
      '(read them from your password manager; do not put them in a file in this repository)\n',
  );
  process.exit(64);
}
if (!existsSync(join(ROOT, 'dist-firefox', 'manifest.json'))) {
  process.stderr.write('sign-firefox: dist-firefox/ is missing: run npm run release (or npm run build) first\n');
  process.exit(64);
}
mkdirSync(OUT, { recursive: true });
const source = join(OUT, 'source.zip');
execFileSync('git', ['archive', '--format=zip', '--output', source, 'HEAD'], { cwd: ROOT, stdio: 'inherit' });
try {
  // web-ext reads the key and secret from WEB_EXT_API_KEY / WEB_EXT_API_SECRET itself: they are not on the command line.
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'web-ext'),
    ['sign', '--channel', 'unlisted', '--source-dir', 'dist-firefox', '--artifacts-dir', OUT, '--upload-source-code', source, '--no-config-discovery'],
    { cwd: ROOT, stdio: 'inherit' },
  );
} catch {
  process.stderr.write('sign-firefox: web-ext sign failed (its message is above)\n');
  process.exit(1);
}
process.stdout.write(`signed .xpi in ${OUT}: add its SHA-256 to SHA256SUMS (sha256sum release/*.xpi >> release/SHA256SUMS)\n`);
