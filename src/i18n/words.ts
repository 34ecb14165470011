/**
 * The one place where the core's codes become words: every phrase of a report
 * (verdict reasons, summaries, the NAT's behaviour, check details, findings,
 * notes) is rendered here, in the language of the `Translate` given — the
 * browser's for the popup and the printable page, English for the CLI.
 * Parameters are matched to the message's placeholders by name; their order
 * comes from the generated `PLACEHOLDER_ORDER` (scripts/message-keys.mjs).
 */
import { PLACEHOLDER_ORDER } from './message-keys';
import { ownEntry } from './own';
import type { Phrase, PhraseParam } from './phrase';
import type { Translate } from './translate';

/**
 * A phrase in words. A plain string is returned as it is: reports written
 * before phrases existed (schema report@2) hold sentences, and those are shown
 * as they were stored. An unknown code (a newer report) shows in brackets, as
 * every `Translate` gives a key it lacks.
 */
export function say(t: Translate, text: Phrase | string | null | undefined): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  // A report@2 verdict reason: { text, checkIds }.
  const legacy = (text as { text?: unknown }).text;
  if (text.code === undefined && typeof legacy === 'string') return legacy;
  if (typeof text.code !== 'string') return '';
  const params: Record<string, PhraseParam> = text.params ?? {};
  // One placeholder or none: no order to know. A code this version lacks (a newer report) comes back as [code].
  // Own entries only: a code such as `constructor` names a member of every object, not a message (issue 29).
  const names: readonly string[] = ownEntry<readonly string[]>(PLACEHOLDER_ORDER, text.code) ?? Object.keys(params);
  return t(
    text.code,
    names.map((name) => sayParam(t, ownEntry(params, name))),
  );
}

function sayParam(t: Translate, value: PhraseParam | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((p) => say(t, p)).join('; ');
  return say(t, value);
}

/** A check's detail in words, with the browser's own words for it (untranslated) in brackets: "the connection was refused (net::ERR_CONNECTION_REFUSED)". */
export function sayCheckDetail(t: Translate, check: { detail: Phrase | string; evidence?: string | null }): string {
  const detail = say(t, check.detail);
  return check.evidence ? t('check_detail_evidence', [detail, check.evidence]) : detail;
}
