#!/usr/bin/env node
// `npm run release -- --key signing.pem --base-url https://host/path/`: every
// file a district deploys, from a clean checkout, into release/ (docs/admin.md,
// "Releasing and deploying"). `npm run extension-id -- signing.pem` prints the
// id a key gives. The private key is read from where the admin keeps it and
// never copied into release/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkedBaseUrl,
  filesUnder,
  PACKAGE_NAME,
  extensionIdFromPem,
  newSigningKeyPem,
  packChrome,
  packagedManifest,
  readSigningKey,
  sha256sums,
  storeManifestProblems,
} from './release-lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');

const USAGE = `usage:
  npm run release -- (--key FILE.pem | --new-key FILE.pem) --base-url https://HOST/PATH/ [--out DIR] [--allow-dirty] [--no-build]
  npm run extension-id -- FILE.pem

Builds from a clean checkout and writes into release/ (or --out): the Chrome Web
Store zip, a CRX3 signed with your key and its updates.xml (for ExtensionSettings'
update_url), the Firefox package, the single-file fleet tool, a CycloneDX SBOM,
the store listing texts and SHA256SUMS.

  --key FILE.pem      your signing key (its id is the extension's id; keep it safe)
  --new-key FILE.pem  make a new RSA key there first (refused if the file exists)
  --base-url URL      where you will publish the files: updates.xml points at URL + the CRX's name
  --allow-dirty       release from a tree with uncommitted changes (not for a real release)
  --no-build          use the existing dist/, dist-firefox/ and dist-cli/`;

class UsageError extends Error {}

function parseArgs(argv) {
  const args = { key: null, newKey: null, baseUrl: null, out: join(ROOT, 'release'), allowDirty: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--key') args.key = resolve(value());
    else if (arg === '--new-key') args.newKey = resolve(value());
    else if (arg === '--base-url') args.baseUrl = checkedBaseUrl(value());
    else if (arg === '--out') args.out = resolve(value());
    else if (arg === '--allow-dirty') args.allowDirty = true;
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else throw new UsageError(`unknown argument ${arg}`);
  }
  if (!args.key === !args.newKey) throw new UsageError('give exactly one of --key FILE.pem (your signing key) and --new-key FILE.pem (make one)');
  if (!args.baseUrl) throw new UsageError('--base-url is needed: the https address the CRX will be published under');
  const keyPath = args.key ?? args.newKey;
  if (keyPath === args.out || keyPath.startsWith(args.out + sep))
    throw new UsageError(`the key ${keyPath} must not be inside ${args.out}: that folder gets published`);
  return args;
}

function run(cmd, argv, options = {}) {
  return execFileSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

/** Uncommitted changes, as `git status --porcelain` lines (release/ and keys are ignored by .gitignore). */
function uncommitted() {
  try {
    return run('git', ['status', '--porcelain']).split('\n').filter(Boolean);
  } catch {
    throw new Error('not a git checkout: cannot tell whether the tree is clean (--allow-dirty releases anyway)');
  }
}

/** Commit time in seconds, for reproducible zip entry times (SOURCE_DATE_EPOCH wins when set). */
function sourceDate() {
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
  try {
    return new Date(Number(run('git', ['log', '-1', '--format=%ct']).trim()) * 1000);
  } catch {
    return new Date('2026-01-01T00:00:00Z');
  }
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function localeMessages(dist) {
  const dir = join(dist, '_locales');
  return Object.fromEntries(readdirSync(dir).map((locale) => [locale, readJson(join(dir, locale, 'messages.json'))]));
}

async function release(args) {
  const say = (line) => process.stdout.write(`${line}\n`);
  if (!args.allowDirty) {
    const dirty = uncommitted();
    if (dirty.length > 0) throw new Error(`the tree has uncommitted changes (commit them, or --allow-dirty):\n  ${dirty.slice(0, 10).join('\n  ')}`);
  }
  const pkg = readJson(join(ROOT, 'package.json'));
  const version = pkg.version;

  let keyPath = args.key;
  if (args.newKey) {
    if (existsSync(args.newKey)) throw new Error(`--new-key ${args.newKey}: the file exists; use it with --key, or name a new file`);
    mkdirSync(dirname(args.newKey), { recursive: true });
    writeFileSync(args.newKey, newSigningKeyPem(), { mode: 0o600, flag: 'wx' });
    say(`new signing key: ${args.newKey} (keep it safe and out of the repository: it is the extension's identity, and every update must be signed with it)`);
    keyPath = args.newKey;
  }
  const key = readSigningKey(keyPath);

  if (args.build) {
    say('building (npm run build)…');
    run('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const dist = join(ROOT, 'dist');
  const distFirefox = join(ROOT, 'dist-firefox');
  const fleetTool = join(ROOT, 'dist-cli', 'wnc-fleet.mjs');
  for (const [path, what] of [
    [join(dist, 'manifest.json'), 'the Chrome build (npm run build)'],
    [join(distFirefox, 'manifest.json'), 'the Firefox build (npm run build)'],
    [fleetTool, 'the single-file fleet tool (npm run build)'],
  ]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: ${what}`);
  }
  const manifest = readJson(join(dist, 'manifest.json'));
  if (manifest.version !== version) throw new Error(`dist/ is version ${manifest.version}, package.json says ${version}: build again`);
  const packaged = packagedManifest(manifest);
  const problems = storeManifestProblems(packaged, localeMessages(dist));
  if (problems.length > 0) throw new Error(`the Chrome Web Store would refuse this build:\n  ${problems.join('\n  ')}`);

  rmSync(args.out, { recursive: true, force: true });
  mkdirSync(args.out, { recursive: true });
  const mtime = sourceDate();

  const { crxName } = await packChrome({ dist, out: args.out, keyPath, baseUrl: args.baseUrl, mtime });
  writeFileSync(join(args.out, 'extension-id.txt'), `${key.id}\n`);

  const firefoxName = `${PACKAGE_NAME}-${version}-firefox.zip`;
  run(join(BIN, 'web-ext'), [
    'build',
    '--source-dir',
    distFirefox,
    '--artifacts-dir',
    args.out,
    '--filename',
    firefoxName,
    '--overwrite-dest',
    '--no-config-discovery',
  ]);

  writeFileSync(join(args.out, 'wnc-fleet.mjs'), readFileSync(fleetTool));

  // Only what ships: the packages bundled into the extension and the fleet tool, not the build and test tools.
  run(join(BIN, 'cyclonedx-npm'), ['--omit', 'dev', '--output-reproducible', '--output-format', 'JSON', '--output-file', join(args.out, 'sbom.cdx.json')]);

  mkdirSync(join(args.out, 'store'));
  for (const name of readdirSync(join(ROOT, 'docs', 'store')).sort())
    writeFileSync(join(args.out, 'store', name), readFileSync(join(ROOT, 'docs', 'store', name)));

  const files = filesUnder(args.out).map((path) => ({ name: relative(args.out, path).split(sep).join('/'), bytes: readFileSync(path) }));
  writeFileSync(join(args.out, 'SHA256SUMS'), sha256sums(files));

  say(`\nrelease ${version} in ${relative(process.cwd(), args.out) || '.'}/ (extension id ${key.id}):`);
  for (const file of [...files.map((f) => f.name), 'SHA256SUMS'].sort()) say(`  ${file}`);
  say(`\nPublish ${crxName} and updates.xml under ${args.baseUrl}; in ExtensionSettings use the id above with`);
  say(`  "update_url": "${new URL('updates.xml', args.baseUrl).href}"`);
  say('Firefox: sign the package for self-distribution with `npm run sign-firefox` (docs/admin.md).');
}

async function main() {
  const argv = process.argv.slice(2);
  try {
    if (argv[0] === 'id') {
      if (argv.length !== 2) throw new UsageError('name one key file: npm run extension-id -- FILE.pem');
      let pem;
      try {
        pem = readFileSync(argv[1], 'utf8');
      } catch {
        throw new Error(`${argv[1]}: no such file`);
      }
      try {
        process.stdout.write(`${extensionIdFromPem(pem)}\n`);
      } catch (err) {
        throw new Error(`${argv[1]}: ${err.message}`);
      }
      return 0;
    }
    await release(parseArgs(argv));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(err.message ? `release: ${err.message}\n\n${USAGE}\n` : `${USAGE}\n`);
      return 64;
    }
    const stderr = err && typeof err === 'object' && 'stderr' in err && err.stderr ? `\n${String(err.stderr).trim()}` : '';
    process.stderr.write(`release: ${err instanceof Error ? err.message : String(err)}${stderr}\n`);
    return 1;
  }
}

process.exitCode = await main();
