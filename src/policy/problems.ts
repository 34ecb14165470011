import type { PolicyProblem } from '../settings/types';
import { describeType, fieldName } from '../profile/fields';

/** Collects what is wrong with a policy; each problem names its key, the rest of the policy still applies. */
export class PolicyProblems {
  readonly list: PolicyProblem[] = [];

  add(field: string, message: string): undefined {
    this.list.push({ field, message });
    return undefined;
  }
}

/** "got a string of 4 characters": the kind of value, never the value (it may be a secret). */
export function got(value: unknown): string {
  return `got ${describeType(value)}`;
}

/** A policy key's value as a string → string map, e.g. `profileOptions` or `probeHosts`; wrong entries are dropped one by one. */
export function readStringMap(value: unknown, field: string, problems: PolicyProblems): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problems.add(field, `expected an object of names to strings, ${got(value)}`);
  }
  const map: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    // defineProperty, not assignment: a `__proto__` key stays an ordinary (and then unknown) name.
    if (typeof entry === 'string' && entry.length > 0) Object.defineProperty(map, key, { value: entry, enumerable: true, writable: true, configurable: true });
    else problems.add(`${field}.${fieldName(key)}`, `expected a non-empty string, ${got(entry)}`);
  }
  return map;
}
