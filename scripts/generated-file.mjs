// One generated source file, written by a build script or, with `--check` on its command line, compared with the
// checked-in copy (exit 1 when stale): shared by scripts/catalogue.mjs and scripts/message-keys.mjs.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Writes `source` to `out` (a file URL or path), or with `--check` exits 1 naming `name` and the
 * `command` that regenerates it when the file on disk differs (a missing file is stale too).
 */
export function writeOrCheck(out, source, name, command) {
  if (!process.argv.includes('--check')) {
    writeFileSync(out, source);
    return;
  }
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== source) {
    console.error(`${name} is stale: run \`${command}\` (npm run build does)`);
    process.exit(1);
  }
}
