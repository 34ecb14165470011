/**
 * A report file someone sent (e-mail, ticket attachment), read for the
 * printable page: its size bounded, parsed, its schema version compared with
 * ours, its depth, sizes and dates checked (src/report/limits.ts: before
 * anything recursive, ajv's validator included, walks it), then validated
 * against docs/report.schema.json. Every refusal is a message key with what
 * was wrong, never an exception.
 */
import type { MessageKey } from '../../src/i18n/message-keys';
import { REPORT_SCHEMA, type Report } from '../../src/report/types';
import { jsonErrorDetail } from '../../src/profile/json-text';
import { MAX_REPORT_FILE_CHARS, reportLimitProblem, type LimitKind } from '../../src/report/limits';

export type Validate = ((document: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };

export type OpenResult = { ok: true; report: Report } | { ok: false; key: MessageKey; substitutions: string[] };

const SCHEMA_NAME = /^webrtc-network-check\/report@(\d+)$/;
const OUR_VERSION = Number(SCHEMA_NAME.exec(REPORT_SCHEMA)![1]);
/** How many schema errors the message names; the rest are counted. */
const ERRORS_SHOWN = 3;

/** The refusal for each limit: where, and the limit. */
const LIMIT_KEYS: Record<LimitKind, MessageKey> = {
  'too-deep': 'report_file_too_deep',
  'text-too-long': 'report_file_text_too_long',
  'list-too-long': 'report_file_list_too_long',
  'too-many-values': 'report_file_too_many_values',
  'bad-date': 'report_file_bad_date',
};

export function readReport(text: string, validate: Validate): OpenResult {
  if (text.length > MAX_REPORT_FILE_CHARS)
    return { ok: false, key: 'report_file_too_large', substitutions: [String(text.length), String(MAX_REPORT_FILE_CHARS)] };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (err) {
    // Where and what, never the browser's message: it quotes the text, and a file may hold anything.
    return { ok: false, key: 'report_file_not_json', substitutions: [jsonErrorDetail(text, err) || '?'] };
  }
  const schema = document !== null && typeof document === 'object' ? (document as { schema?: unknown }).schema : undefined;
  const version = typeof schema === 'string' ? SCHEMA_NAME.exec(schema) : null;
  if (!version) return { ok: false, key: 'report_file_not_report', substitutions: [] };
  if (Number(version[1]) > OUR_VERSION) return { ok: false, key: 'report_file_newer', substitutions: [schema as string, REPORT_SCHEMA] };
  // report@2 held English sentences where report@3 holds phrases: this page cannot lay it out in the reader's language.
  if (Number(version[1]) < OUR_VERSION) return { ok: false, key: 'report_file_older', substitutions: [schema as string, REPORT_SCHEMA] };
  const limit = reportLimitProblem(document);
  if (limit) {
    const key = LIMIT_KEYS[limit.kind];
    if (limit.kind === 'too-many-values') return { ok: false, key, substitutions: [String(limit.limit)] };
    if (limit.kind === 'bad-date') return { ok: false, key, substitutions: [limit.path] };
    return { ok: false, key, substitutions: [limit.path || '/', String(limit.limit)] };
  }
  if (!validate(document)) {
    const errors = validate.errors ?? [];
    const named = errors.slice(0, ERRORS_SHOWN).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
    if (errors.length > ERRORS_SHOWN) named.push(`+${errors.length - ERRORS_SHOWN}`);
    return { ok: false, key: 'report_file_invalid', substitutions: [named.join('; ')] };
  }
  return { ok: true, report: document as Report };
}
