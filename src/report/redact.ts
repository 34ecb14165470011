/**
 * "No secret in a report" holds by construction: the builder never copies a
 * credential, and no message of ours quotes a value. The one text that can
 * carry a secret is what the browser says back after it was given one: the
 * peer connection's setup error and ICE error texts. Only that text is
 * scrubbed, at the point it enters the extension (`redactGatherResult`) and
 * again on its way into the report, before anything is derived from it
 * (`buildReport`: gatherings and check details). Nothing else is
 * touched: a credential that happens to read "pass", "turn" or "none" must not
 * rewrite a check's status, a rule's kind or the verdict's route.
 */
import { mapPhraseStrings } from '../i18n/phrase';
import type { GatherResult } from '../ice/types';
import type { CheckResult } from '../checks/types';

export const REDACTED = '[redacted]';

/**
 * Below this length a secret is removed only where it is the whole text: a
 * short one inside prose would shred ordinary words ("fail" in "failed").
 */
const MIN_SUBSTRING_SECRET = 8;

/** `text` with every secret replaced by `[redacted]`; longest first, so a secret containing another goes whole. */
export function redactText(text: string, secrets: readonly string[]): string {
  const known = [...new Set(secrets.filter((s) => s !== ''))];
  if (known.includes(text)) return REDACTED;
  return known
    .filter((s) => s.length >= MIN_SUBSTRING_SECRET)
    .sort((a, b) => b.length - a.length)
    .reduce((t, secret) => t.split(secret).join(REDACTED), text);
}

/** What the browser said about a gathering, without the secrets it was given. Candidates and URLs are the browser's own data and stay. */
export function redactGatherResult(result: GatherResult, secrets: readonly string[]): GatherResult {
  if (secrets.every((s) => s === '')) return result;
  return {
    ...result,
    setupError: result.setupError === null ? null : redactText(result.setupError, secrets),
    errors: result.errors.map((e) => ({ ...e, errorText: redactText(e.errorText, secrets) })),
  };
}

/**
 * A check's evidence (and its detail's parameters) may quote the browser's
 * words (a setup error): where they quote one of `browserTexts` (raw ->
 * redacted), the redacted words replace them.
 */
export function redactCheckDetail(check: CheckResult, browserTexts: ReadonlyMap<string, string>): CheckResult {
  const swap = (text: string) => {
    let out = text;
    for (const [raw, redacted] of browserTexts) if (raw !== redacted && raw !== '') out = out.split(raw).join(redacted);
    return out;
  };
  const detail = mapPhraseStrings(check.detail, swap);
  const evidence = typeof check.evidence === 'string' ? swap(check.evidence) : check.evidence;
  if (evidence === check.evidence && JSON.stringify(detail) === JSON.stringify(check.detail)) return check;
  return { ...check, detail, ...(evidence !== undefined ? { evidence } : {}) };
}

/** Each browser text of the gathering that redaction changed, raw -> redacted, for `redactCheckDetail`. */
export function redactedTexts(raw: GatherResult, redacted: GatherResult): Map<string, string> {
  const pairs = new Map<string, string>();
  if (raw.setupError !== null && redacted.setupError !== null && raw.setupError !== redacted.setupError) pairs.set(raw.setupError, redacted.setupError);
  raw.errors.forEach((e, i) => {
    const after = redacted.errors[i]?.errorText;
    if (after !== undefined && after !== e.errorText) pairs.set(e.errorText, after);
  });
  return pairs;
}

/** The secrets a set of ICE servers carries: what to scrub from the browser's answer about them. */
export function secretsOf(servers: readonly { username?: string; credential?: string }[]): string[] {
  return servers.flatMap((s) => [s.username ?? '', s.credential ?? '']).filter((s) => s !== '');
}
