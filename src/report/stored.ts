/**
 * A report read back from storage. Storage may hold what another version of
 * the extension wrote, or something damaged: a string, a report without
 * `checks`, a route this version does not know. Every reader (history,
 * badge, the service worker's storage reads) takes a stored report through
 * `readStoredReport`, so a value that the renderers cannot lay out is treated
 * as "no report" instead of crashing a page. What it accepts is the report's
 * declared shape (src/report/shape.ts), the same that docs/report.schema.json
 * publishes (read from src/report/report-shape.json, its copy without
 * descriptions, generated with it): every enum value that picks words, icons or colours from a table
 * is one this version knows.
 */
import { shapeProblem, type Definitions } from '../shape/read';
import type { SchemaNode } from '../shape/shape';
import { describeLimitProblem, reportLimitProblem } from './limits';
import REPORT_SHAPE from './report-shape.json';
import type { Report } from './types';

/** The declaration as scripts/shapes.mjs writes it for this reader: the published schema without its descriptions. */
const SHAPE = REPORT_SHAPE as unknown as SchemaNode & { definitions: Definitions };

/**
 * The stored value as a report the pages can render, or null for anything else
 * (nothing stored, another version's or a damaged value). Sizes, depth and
 * dates (src/report/limits.ts) are checked first: the shape check recurses
 * into phrases, and a page formats `startedAt`.
 */
export function readStoredReport(value: unknown): Report | null {
  return storedReportProblem(value) === null ? (value as Report) : null;
}

/**
 * Why `readStoredReport` refuses `value`, in English for the storage log, or
 * null when it reads: the first field that does not fit, as a JSON pointer
 * (`/checks/3/status is not one of the values this version knows`), never
 * quoting a value.
 */
export function storedReportProblem(value: unknown): string | null {
  const limit = reportLimitProblem(value);
  if (limit) return describeLimitProblem(limit);
  const problem = shapeProblem(SHAPE, value, SHAPE.definitions);
  return problem && `${problem.path || 'the value'} ${problem.problem}`;
}
