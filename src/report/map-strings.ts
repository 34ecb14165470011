/** A copy of a JSON value with every string passed through `scrub`: how secrets and addresses leave a report. */
export function mapStrings(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, scrub));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, scrub)]));
  }
  return value;
}
