/**
 * Last line of defence for "no secret in a report": replaces every profile
 * credential wherever it may have slipped in (an error text echoing a server
 * configuration, say). The builder never copies credentials in the first place.
 */
import { mapStrings } from './map-strings';

export const REDACTED = '[redacted]';

/** Shorter values would also match ordinary words; they are still removed where they are a whole value. */
const MIN_SUBSTRING_SECRET = 4;

export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  const exact = new Set(secrets.filter((s) => s !== ''));
  const inner = [...exact].filter((s) => s.length >= MIN_SUBSTRING_SECRET).sort((a, b) => b.length - a.length);
  if (exact.size === 0) return value;
  const scrub = (text: string) => (exact.has(text) ? REDACTED : inner.reduce((t, secret) => t.split(secret).join(REDACTED), text));
  return mapStrings(value, scrub) as T;
}
