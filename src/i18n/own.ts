/**
 * Table look-ups by a key someone else wrote. A phrase code, a profile error
 * code or a field name read from a report file, storage or a policy is any
 * string, and `constructor`, `__proto__`, `toString`, `hasOwnProperty` and
 * `valueOf` are names every plain object answers to (Object.prototype): a
 * `table[code]` look-up then returns a function or the prototype itself, and
 * whatever uses it (`.map`, `.message`) throws. Only a table's own entries count.
 */

/** `table[key]` when it is the table's own entry, else undefined (never an inherited member). */
export function ownEntry<V>(table: { readonly [key: string]: V | undefined }, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
