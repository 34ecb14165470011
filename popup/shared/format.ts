/**
 * Dates, times and numbers in the UI language, through `Intl`. The language
 * is the one the messages came from (`<html lang>`, set by
 * setDocumentLanguage): under `--lang=de` Chrome's getUILanguage() was seen
 * to say en-US while every message was German, and `toLocaleString()` with no
 * argument followed the wrong one ("11/29/2026, 6:28:11 PM" among German words).
 */
import type { MessageKey, Translate } from '../../src/i18n/translate';
/** The UI language (`<html lang>`, else the browser's): for `Intl` and the core's number formatting. */
export function uiLocale(): string {
  return document.documentElement.lang || navigator.language;
}

/**
 * `format` of a date that does not exist throws "Invalid time value" and stops
 * the page; readers refuse such dates (src/report/limits.ts), and should one
 * get past them the text is shown as written.
 */
function formatOr(iso: string, format: Intl.DateTimeFormat): string {
  const date = new Date(iso);
  return Number.isFinite(date.getTime()) ? format.format(date) : iso;
}

/** "29.11.2026, 18:28" / "29/11/2026 18:28" / "11/29/2026, 6:28 PM"; `seconds` for a report's start. */
export function formatDateTime(iso: string, { seconds = false } = {}): string {
  return formatOr(iso, new Intl.DateTimeFormat(uiLocale(), { dateStyle: seconds ? 'medium' : 'short', timeStyle: seconds ? 'medium' : 'short' }));
}

/** "18:31" / "6:31 PM". */
export function formatTime(iso: string): string {
  return formatOr(iso, new Intl.DateTimeFormat(uiLocale(), { timeStyle: 'short' }));
}

/** "1,234" / "1.234" / "1 234". */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLocale()).format(n);
}

const AGE_UNITS: Record<string, Intl.RelativeTimeFormatUnit> = { popup_age_minutes: 'minute', popup_age_hours: 'hour', popup_age_days: 'day' };

/**
 * "checked 3 minutes ago" / "geprüft vor 3 Minuten" / "vérifié il y a 3 minutes":
 * the unit and count from src/view/age.ts, the words and plural from Intl,
 * which Chrome's messages (no plurals) cannot give.
 */
export function formatAge(age: { key: MessageKey; substitutions: number[] }, t: Translate): string {
  const unit = AGE_UNITS[age.key];
  if (!unit) return t(age.key, age.substitutions);
  return t('popup_age', [new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'always' }).format(-(age.substitutions[0] ?? 0), unit)]);
}
