/**
 * Every declared shape that is published as a file, for scripts/shapes.mjs
 * (which loads this one module through Vite's module runner: one load, not
 * one per declaration).
 */
import { MANAGED_POLICY_DECLARATION } from '../src/policy/managed-schema';
import { PROFILE_DECLARATION } from '../src/profile/shape';
import { REPORT_DECLARATION } from '../src/report/shape';
import type { DeclaredSchema } from '../src/shape/json-schema';

export { toJsonSchema, withoutDocs } from '../src/shape/json-schema';

/** Each generated file: where it goes, the declaration it is written from, and whether without descriptions (the reader's copy). */
export const SHAPE_FILES: { file: string; from: string; declared: DeclaredSchema; compact?: boolean }[] = [
  { file: 'docs/report.schema.json', from: 'src/report/shape.ts', declared: REPORT_DECLARATION },
  { file: 'src/report/report-shape.json', from: 'src/report/shape.ts', declared: REPORT_DECLARATION, compact: true },
  { file: 'docs/profile.schema.json', from: 'src/profile/shape.ts', declared: PROFILE_DECLARATION },
  { file: 'public/managed-schema.json', from: 'src/policy/managed-schema.ts', declared: MANAGED_POLICY_DECLARATION },
];
