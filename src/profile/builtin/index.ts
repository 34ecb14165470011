/**
 * The built-in vendor profiles: each vendor's firewall guide as data, passed
 * through the same validator as a profile pushed by policy or imported by a
 * user. docs/profiles.md maps every row of every guide to its rule.
 */
import { validateProfile, type ProfileValidation } from '../validate';
import custom from './custom.json';
import onsight from './onsight.json';
import remotespark from './remotespark.json';
import senso from './senso.json';
import { applyChoices, resolveChoices, type Choices, type ProfileDocument } from './options';

export type { Choices, ProfileDocument, ProfileOption } from './options';

/** The vendors, then Custom: the empty template a user fills in. */
export const BUILTIN_PROFILES: readonly ProfileDocument[] = [senso, remotespark, onsight, custom];

/**
 * The built-in profile `id` as a validated profile for the given choices
 * (defaults for any option not chosen). Null for an unknown id. Errors list
 * bad choices as well as anything the validator refused.
 */
export function builtinProfile(id: string, requested: Choices = {}): ProfileValidation | null {
  const document = BUILTIN_PROFILES.find((candidate) => candidate.id === id);
  if (document === undefined) return null;
  const { choices, errors } = resolveChoices(document.options ?? [], requested);
  const validation = validateProfile(applyChoices(document, choices));
  return { profile: validation.profile, errors: [...errors, ...validation.errors] };
}
