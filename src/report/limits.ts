/**
 * Limits a report's JSON Schema cannot express, checked before anything
 * recurses over the value: a report file arrives by e-mail from anyone, and
 * storage may hold what another version (or damage) left. Schema-valid
 * inputs that broke a page (issue 29): phrase parameters nested 50,000 deep
 * (every recursive reader, ajv's included, overflows the stack), dates the
 * pattern accepts but `Date` cannot format (month 13, hour 25, offset +99:
 * `Intl.DateTimeFormat#format` throws "Invalid time value"), and texts or
 * lists so long that laying them out hangs the page. The walk is iterative,
 * so no depth can overflow it, and it stops at the first problem.
 */

/** What a report may hold. A real report is 12 levels deep, its longest text a few hundred characters, its longest list a few hundred items (fit.ts keeps a stored one under 250 kB). */
export const REPORT_VALUE_LIMITS = {
  /** Objects and lists inside each other; a phrase nested in a phrase adds two. */
  depth: 40,
  /** Characters in one string. */
  text: 100_000,
  /** Items in one list or fields in one object. */
  items: 10_000,
  /** Strings, numbers, objects and lists in all. */
  values: 500_000,
} as const;

/** Characters in a report file: a stored report is at most 250 kB (fit.ts); a file forty times that is not one. */
export const MAX_REPORT_FILE_CHARS = 10_000_000;

export type ValueLimits = { readonly [K in keyof typeof REPORT_VALUE_LIMITS]: number };

export type LimitKind = 'too-deep' | 'text-too-long' | 'list-too-long' | 'too-many-values' | 'bad-date';

/** The first limit a value breaks: which, where (a JSON pointer such as `/verdict/summary/params/x`, shortened when very long) and the limit. */
export interface LimitProblem {
  kind: LimitKind;
  path: string;
  limit: number;
}

/** A pointer deeper than this many characters is shown by its start: the path of a 50,000-level document is no help to anyone. */
const MAX_PATH_CHARS = 120;

function pointer(parent: string, key: string | number): string {
  if (parent.length > MAX_PATH_CHARS) return parent;
  const next = `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return next.length > MAX_PATH_CHARS ? `${next.slice(0, MAX_PATH_CHARS)}…` : next;
}

/** The first limit `value` breaks (depth, text length, list length, number of values), or null. Never recurses. */
export function valueLimitProblem(value: unknown, limits: ValueLimits = REPORT_VALUE_LIMITS): LimitProblem | null {
  const stack: [unknown, number, string][] = [[value, 1, '']];
  let values = 0;
  while (stack.length > 0) {
    const [item, depth, path] = stack.pop()!;
    values += 1;
    if (values > limits.values) return { kind: 'too-many-values', path: '', limit: limits.values };
    if (typeof item === 'string') {
      if (item.length > limits.text) return { kind: 'text-too-long', path, limit: limits.text };
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    if (depth > limits.depth) return { kind: 'too-deep', path, limit: limits.depth };
    const keys = Object.keys(item);
    if (keys.length > limits.items) return { kind: 'list-too-long', path, limit: limits.items };
    for (const key of keys) stack.push([(item as Record<string, unknown>)[key], depth + 1, pointer(path, Array.isArray(item) ? Number(key) : key)]);
  }
  return null;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Whether `text` is an ISO 8601 date-time (the report schema's pattern) that
 * names a real moment: month 1-12, a day the month has, hour 0-23, minute and
 * second 0-59, offset under 24 h. Checked field by field rather than by
 * `Date.parse` alone: V8 rolls 30 February over into March and takes 24:00,
 * and another engine may differ; every page formats what passes.
 */
export function isFormattableDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return false;
  if (m[9] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) return false;
  return Number.isFinite(Date.parse(text));
}

/** The date-time fields of a report (report@3): each must format. */
const REPORT_DATES = ['startedAt'] as const;

/** The first semantic limit a report value breaks (sizes and depth first, so that nothing after recurses over a deep value; then its dates), or null. */
export function reportLimitProblem(value: unknown, limits: ValueLimits = REPORT_VALUE_LIMITS): LimitProblem | null {
  const sized = valueLimitProblem(value, limits);
  if (sized) return sized;
  if (typeof value !== 'object' || value === null) return null;
  for (const field of REPORT_DATES) {
    const date = (value as Record<string, unknown>)[field];
    if (date !== undefined && !isFormattableDate(date)) return { kind: 'bad-date', path: `/${field}`, limit: 0 };
  }
  return null;
}

/** A limit problem in English, for logs and storage notes (pages use the phrase keys of open-report.ts). */
export function describeLimitProblem(p: LimitProblem): string {
  const at = p.path === '' ? 'the document' : p.path;
  switch (p.kind) {
    case 'too-deep':
      return `${at} is nested more than ${p.limit} levels deep`;
    case 'text-too-long':
      return `${at} is a text longer than ${p.limit} characters`;
    case 'list-too-long':
      return `${at} has more than ${p.limit} items`;
    case 'too-many-values':
      return `the document holds more than ${p.limit} values`;
    case 'bad-date':
      return `${at} is not a date that exists`;
  }
}
