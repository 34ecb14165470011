/**
 * A report cut to what storage can keep. `storage.local` holds 10 MB in all
 * (Chrome's `kQuotaBytes`); the last report and a history of 20 share it, so
 * one huge report (thousands of candidates, a 500-rule profile's advice) made
 * the next write fail with "kQuotaBytes quota exceeded" and the run was lost.
 * A report over the budget loses its bulkiest evidence first — raw candidates
 * and ICE errors, then long texts, then the tails of the longer lists — and
 * `truncated` says what was cut, so support knows the copy is partial. The
 * verdict, the route and the missing-rule list are kept to the last. Then
 * any other list still too big (the merged firewall rules, the other causes,
 * lists a later version adds) is halved, biggest first, so the result always
 * fits: a report over the budget is a write that fails, and the previous
 * report then shown as this run's (issue 29: a 200-rule × 100-host profile).
 */
import { mapPhraseStrings, type Phrase } from '../i18n/phrase';
import type { Report, Truncation } from './types';

/** Per report: 20 of them plus the last report stay under half of the 10 MB quota. */
export const MAX_STORED_REPORT_BYTES = 250_000;
/** Longer free texts (a check detail, a candidate line, a rule's text) are shortened once the lists alone do not fit. */
const MAX_TEXT = 500;

/** UTF-8 size of the JSON, as storage counts it. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

type ListField = 'candidates' | 'iceErrors' | 'gatherings' | 'checks' | 'verifyRules' | 'missingRules';

/** In this order: what support can most easily do without goes first. */
const LIST_CUTS: ListField[] = ['candidates', 'iceErrors', 'gatherings', 'checks', 'verifyRules', 'missingRules'];

export function fitReport(report: Report, maxBytes = MAX_STORED_REPORT_BYTES): Report {
  if (jsonBytes(report) <= maxBytes) return report;
  let fitted: Report = report;
  const cuts = new Map<string, Truncation>();
  const note = (field: string, kept: number, total: number) => {
    const before = cuts.get(field);
    cuts.set(field, { field, kept, total: before?.total ?? total });
  };
  const fits = () => jsonBytes({ ...fitted, truncated: [...cuts.values()] }) <= maxBytes;

  // Raw evidence first, halved until the report fits or the lists are empty.
  for (const field of ['candidates', 'iceErrors'] as const) {
    while (!fits() && fitted[field].length > 0) {
      const kept = Math.floor(fitted[field].length / 2);
      note(field, kept, report[field].length);
      fitted = { ...fitted, [field]: fitted[field].slice(0, kept) };
    }
  }
  if (!fits()) {
    const { value, shortened } = shortenTexts(fitted);
    fitted = value;
    if (shortened > 0) cuts.set('texts', { field: 'texts', kept: MAX_TEXT, total: shortened });
  }
  if (!fits() && fitted.profile.errors.length > 0) {
    note('profile.errors', 0, fitted.profile.errors.length);
    fitted = { ...fitted, profile: { ...fitted.profile, errors: [] } };
  }
  for (const field of LIST_CUTS.slice(2)) {
    while (!fits() && fitted[field].length > 0) {
      const kept = Math.floor(fitted[field].length / 2);
      note(field, kept, report[field].length);
      fitted = { ...fitted, [field]: fitted[field].slice(0, kept) };
    }
  }
  // Whatever else is still too big, biggest list first: the report always fits (or has no list left to cut).
  while (!fits()) {
    const list = biggestList(fitted);
    if (list === null) break;
    const kept = Math.floor(list.items.length / 2);
    const total = cuts.get(list.field)?.total ?? list.items.length;
    cuts.set(list.field, { field: list.field, kept, total });
    fitted = withList(fitted, list.field, list.items.slice(0, kept));
  }
  return { ...fitted, truncated: [...cuts.values()] };
}

/** Top-level parts whose lists are never cut here: the verdict and the environment say what the run was. */
const KEPT_WHOLE = new Set(['verdict', 'environment', 'profile', 'redaction', 'truncated']);

/** The list with the most JSON bytes, top-level (`checks`) or one level in (`firewallRules.alsoCheck`), or null when every list is empty. */
function biggestList(report: Report): { field: string; items: unknown[] } | null {
  let best: { field: string; items: unknown[]; bytes: number } | null = null;
  const consider = (field: string, value: unknown) => {
    if (!Array.isArray(value) || value.length === 0) return;
    const bytes = jsonBytes(value);
    if (best === null || bytes > best.bytes) best = { field, items: value, bytes };
  };
  for (const [key, value] of Object.entries(report)) {
    if (KEPT_WHOLE.has(key)) continue;
    consider(key, value);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) consider(`${key}.${inner}`, innerValue);
    }
  }
  return best;
}

/** `report` with the list at `field` (`checks` or `firewallRules.missing`) replaced. */
function withList(report: Report, field: string, items: unknown[]): Report {
  const [key, inner] = field.split('.') as [string, string | undefined];
  const source = report as unknown as Record<string, unknown>;
  if (inner === undefined) return { ...source, [key]: items } as unknown as Report;
  return { ...source, [key]: { ...(source[key] as Record<string, unknown>), [inner]: items } } as unknown as Report;
}

/** Free texts longer than MAX_TEXT characters cut to it (with "…"); enums and ids are never that long. `shortened` counts them. */
function shortenTexts(report: Report): { value: Report; shortened: number } {
  let shortened = 0;
  const cut = (text: string) => {
    if (text.length <= MAX_TEXT) return text;
    shortened += 1;
    return `${text.slice(0, MAX_TEXT - 1)}…`;
  };
  const cutPhrase = (p: Phrase) => mapPhraseStrings(p, cut);
  const value: Report = {
    ...report,
    candidates: report.candidates.map((c) => ({ ...c, candidate: cut(c.candidate) })),
    iceErrors: report.iceErrors.map((e) => ({ ...e, errorText: cut(e.errorText) })),
    gatherings: report.gatherings.map((g) => ({ ...g, setupError: g.setupError === null ? null : cut(g.setupError) })),
    checks: report.checks.map((c) => ({
      ...c,
      target: cut(c.target),
      detail: mapPhraseStrings(c.detail, cut),
      ...(typeof c.evidence === 'string' ? { evidence: cut(c.evidence) } : {}),
    })),
    missingRules: report.missingRules.map((r) => ({ ...r, purpose: cut(r.purpose), text: cut(r.text), findings: r.findings.map(cutPhrase) })),
    verifyRules: report.verifyRules.map((r) => ({ ...r, purpose: cut(r.purpose), text: cut(r.text), findings: r.findings.map(cutPhrase) })),
    verdict: {
      ...report.verdict,
      methods: report.verdict.methods.map((m) => ({ ...m, reasons: m.reasons.map((r) => ({ ...r, ...mapPhraseStrings(r, cut) })) })),
    },
  };
  return { value, shortened };
}
