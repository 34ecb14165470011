// Writes the JSON Schemas the docs publish from the shapes declared once in
// TypeScript (src/shape/shape.ts; the report's is src/report/shape.ts):
// docs/report.schema.json. The declaration is loaded through Vite's module
// runner (it is TypeScript); the output is formatted with the project's
// Prettier settings, so `npm run format:check` and this script agree. Run by
// `npm run build`; `--check` (run by the unit tests) fails when a checked-in
// copy is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { runnerImport } from 'vite';

const ROOT = new URL('..', import.meta.url);

/** Each generated file: where it goes and the declaration (module, export) it comes from. */
export const SHAPES = [{ file: 'docs/report.schema.json', module: 'src/report/shape.ts', name: 'REPORT_DECLARATION' }];

/** The text of each generated file, formatted as checked in. */
export async function shapeFiles() {
  const { module: jsonSchema } = await runnerImport(fileURLToPath(new URL('src/shape/json-schema.ts', ROOT)));
  const files = [];
  for (const { file, module, name } of SHAPES) {
    const { module: declared } = await runnerImport(fileURLToPath(new URL(module, ROOT)));
    const path = fileURLToPath(new URL(file, ROOT));
    const options = (await prettier.resolveConfig(path)) ?? {};
    const text = await prettier.format(JSON.stringify(jsonSchema.toJsonSchema(declared[name]), null, 2), { ...options, filepath: path });
    files.push({ file, path, text });
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const { file, path, text } of await shapeFiles()) {
    let current = null;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // Not written yet.
    }
    if (current === text) continue;
    if (check) stale.push(file);
    else writeFileSync(path, text);
  }
  if (stale.length > 0) {
    console.error(`stale: ${stale.join(', ')}; run \`node scripts/shapes.mjs\` (npm run build does)`);
    process.exit(1);
  }
}
