import type { PolicyProblem } from '../settings/types';
import { fieldName } from '../profile/fields';
import { phrase, type Phrase } from '../i18n/phrase';

/** Collects what is wrong with a policy; each problem names its key, the rest of the policy still applies. */
export class PolicyProblems {
  readonly list: PolicyProblem[] = [];

  add(field: string, message: Phrase): undefined {
    this.list.push({ field, message });
    return undefined;
  }
}

/** "a string of 4 characters": the kind of value, never the value (it may be a secret). */
export function got(value: unknown): Phrase {
  if (value === null) return phrase('type_null');
  if (Array.isArray(value)) return phrase('type_list');
  switch (typeof value) {
    case 'object':
      return phrase('type_object');
    case 'string':
      return value.length === 0 ? phrase('type_empty_string') : phrase('type_string', { length: value.length });
    case 'number':
      return Number.isFinite(value) ? phrase('type_number') : phrase('type_non_finite');
    case 'boolean':
      return phrase('type_boolean');
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  return phrase('type_other', { type: typeof value });
}

/** A policy key's value as a string → string map, e.g. `profileOptions` or `probeHosts`; wrong entries are dropped one by one. */
export function readStringMap(value: unknown, field: string, problems: PolicyProblems): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problems.add(field, phrase('policy_expected_string_map', { got: got(value) }));
  }
  const map: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    // defineProperty, not assignment: a `__proto__` key stays an ordinary (and then unknown) name.
    if (typeof entry === 'string' && entry.length > 0) Object.defineProperty(map, key, { value: entry, enumerable: true, writable: true, configurable: true });
    else problems.add(`${field}.${fieldName(key)}`, phrase('policy_expected_nonempty_string', { got: got(entry) }));
  }
  return map;
}
