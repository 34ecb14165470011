/**
 * Field readers for untrusted JSON. Each reads one value, records a named
 * error with its path when the value is wrong, and returns undefined then:
 * the caller decides whether the whole rule or only the field is lost.
 */
import type { ProfileError, ProfileErrorCode } from './types';

/** Codes that only warn: the value is ignored, the rule or profile holding it is kept. */
export const WARNING_CODES: readonly ProfileErrorCode[] = ['unknown-field'];

export function isWarning(error: ProfileError): boolean {
  return WARNING_CODES.includes(error.code);
}

export class Problems {
  readonly list: ProfileError[] = [];
  private errors = 0;

  add(path: string, code: ProfileErrorCode, message: string): undefined {
    this.list.push({ path, code, message });
    if (!WARNING_CODES.includes(code)) this.errors += 1;
    return undefined;
  }

  /** Errors so far, warnings not counted: a reader compares it before and after to see whether a value failed. */
  get count(): number {
    return this.errors;
  }
}

export function pathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What kind of value was given, never the value itself: any field may hold a
 * secret (a credential typed into the wrong field, a number where a string
 * belongs), and these messages reach reports, pages and logs.
 */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return value.length === 0 ? 'an empty string' : `a string of ${value.length} characters`;
    case 'number':
      return Number.isFinite(value) ? 'a number' : 'a non-finite number';
    case 'boolean':
      return 'true or false';
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  return `a value of type ${typeof value}`;
}

/** How a field name appears in a path and a message: plain names as they are, anything else as `[?]` (a key may be pasted text). */
export function fieldName(key: string): string {
  return /^[$A-Za-z_][$\w-]{0,63}$/.test(key) ? key : '[?]';
}

export interface StringLimits {
  max: number;
  pattern?: RegExp;
  /** Says in words what `pattern` wants, for the message. */
  expected?: string;
}

export function readString(value: unknown, path: string, problems: Problems, limits: StringLimits): string | undefined {
  if (typeof value !== 'string') return problems.add(path, 'type', `expected a string, got ${describeType(value)}`);
  if (value.length === 0) return problems.add(path, 'empty', 'must not be empty');
  if (value.length > limits.max) return problems.add(path, 'too-long', `is ${value.length} characters long (at most ${limits.max})`);
  if (limits.pattern && !limits.pattern.test(value)) {
    return problems.add(path, 'pattern', `is not ${limits.expected ?? `like ${limits.pattern}`}`);
  }
  return value;
}

/** Like readString, but a missing value is named as missing rather than as a wrong type. */
export function readRequiredString(value: unknown, path: string, problems: Problems, limits: StringLimits, what: string): string | undefined {
  if (value === undefined) return problems.add(path, 'required', `${what} is missing`);
  return readString(value, path, problems, limits);
}

export function readBoolean(value: unknown, path: string, problems: Problems): boolean | undefined {
  if (typeof value !== 'boolean') return problems.add(path, 'type', `expected true or false, got ${describeType(value)}`);
  return value;
}

/**
 * A non-empty array, each item read by `readItem`. Returns undefined when the
 * array itself or any item is wrong, so a half-valid list never passes as whole.
 */
export function readList<T>(
  value: unknown,
  path: string,
  problems: Problems,
  maxItems: number,
  readItem: (item: unknown, itemPath: string) => T | undefined,
): T[] | undefined {
  if (!Array.isArray(value)) return problems.add(path, 'type', `expected a list, got ${describeType(value)}`);
  if (value.length === 0) return problems.add(path, 'empty', 'the list is empty');
  if (value.length > maxItems) return problems.add(path, 'too-many', `has ${value.length} items (at most ${maxItems})`);
  const before = problems.count;
  const items = value.map((item, index) => readItem(item, pathOf(path, index)));
  return problems.count === before ? (items as T[]) : undefined;
}

/**
 * Unknown fields are warnings, not errors: a `$comment` or a newer schema's
 * field must not cost the user a rule. `Object.keys` sees own keys only, so
 * `__proto__` or `constructor` parsed from JSON are named like any other.
 */
export function reportUnknownFields(object: JsonObject, allowed: readonly string[], path: string, problems: Problems, owner: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      problems.add(pathOf(path, fieldName(key)), 'unknown-field', `is not a field of ${owner} (a typo, or a newer version's field?); it is ignored`);
    }
  }
}
