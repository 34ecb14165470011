/**
 * The printable page validates a report file against docs/report.schema.json
 * (generated from the report's declaration, src/report/shape.ts, by
 * scripts/shapes.mjs) with the schema itself, compiled by ajv at build time into plain code: an
 * extension page's CSP forbids the `new Function` ajv uses at run time, and the
 * page then carries no validator library, only the generated checks (~10 KB
 * gzipped, in the report page's bundle, never the popup's).
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import type { Plugin } from 'vite';

const SCHEMA = new URL('../docs/report.schema.json', import.meta.url);
const UCS2 = 'require("ajv/dist/runtime/ucs2length").default';
const VIRTUAL = 'virtual:report-validator';

/** ES module source exporting `validate(document): boolean` with `validate.errors` as ajv sets them. */
export function reportValidatorCode(): string {
  const ajv = new Ajv({ code: { source: true, esm: true }, allErrors: true, strict: true, allowUnionTypes: true });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  // minLength counts code points; the one runtime helper the schema needs, inlined.
  const ucs2 = '((s) => Array.from(s).length)';
  const code = standaloneCode(ajv, validate).replaceAll(UCS2, ucs2);
  if (code.includes('require(')) throw new Error('report validator: generated code still requires a runtime module');
  return code;
}

/** `import validate from 'virtual:report-validator'` in the report page. */
export function reportValidatorPlugin(): Plugin {
  return {
    name: 'report-validator',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
    load: (id) => (id === `\0${VIRTUAL}` ? reportValidatorCode() : null),
  };
}
