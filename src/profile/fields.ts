/**
 * Field readers for untrusted JSON. Each reads one value, records a named
 * error with its path when the value is wrong, and returns undefined then:
 * the caller decides whether the whole rule or only the field is lost.
 */
import { quote } from '../ice/result';
import type { ProfileError, ProfileErrorCode } from './types';

export class Problems {
  readonly list: ProfileError[] = [];

  add(path: string, code: ProfileErrorCode, message: string): undefined {
    this.list.push({ path, code, message });
    return undefined;
  }

  get count(): number {
    return this.list.length;
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

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${quote(String(value), 30)}`;
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
    return problems.add(path, 'pattern', `${quote(value)} is not ${limits.expected ?? `like ${limits.pattern}`}`);
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

export function reportUnknownFields(object: JsonObject, allowed: readonly string[], path: string, problems: Problems, owner: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      problems.add(pathOf(path, key), 'unknown-field', `${quote(key, 40)} is not a field of ${owner} (a typo?)`);
    }
  }
}
