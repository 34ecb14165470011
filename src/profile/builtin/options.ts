/**
 * Profile options beyond region: "new or legacy customer", "TeamLink in
 * China"... A profile declares `options`; a rule may carry
 * `when: { optionId: choiceId | choiceId[] }` and then applies only when every
 * named option has one of the listed choices.
 *
 * The validator does not know these two fields yet, so a document is resolved
 * here first: the chosen rules are kept, `options` and `when` are stripped, and
 * what remains is a plain profile for `validateProfile` and `planChecks`.
 * Once the validator and planner read `options`/`when` themselves, `ruleApplies`
 * is the semantics to move there.
 */
import { fieldName } from '../fields';
import type { ProfileError } from '../types';

export interface OptionChoice {
  id: string;
  label: string;
}

export interface ProfileOption {
  id: string;
  label: string;
  choices: OptionChoice[];
  /** The choice used when none is given: the configuration most customers have. */
  default: string;
}

/** Chosen choice id per option id. */
export type Choices = Record<string, string>;

/** A profile document as stored: validator input plus the two option fields. */
export interface ProfileDocument {
  id: string;
  name: string;
  regions?: string[];
  options?: ProfileOption[];
  rules: object[];
}

/** `when` is read as written: built-in data is checked by builtin.test.ts, other profiles will be by the validator. */
export function ruleApplies(when: unknown, choices: Choices): boolean {
  if (when === undefined) return true;
  return Object.entries(when as Record<string, string | string[]>).every(([optionId, allowed]) => {
    const chosen = choices[optionId];
    return chosen !== undefined && (Array.isArray(allowed) ? allowed.includes(chosen) : allowed === chosen);
  });
}

/** Every option set to the requested choice, or to its default when none (or an unknown one) was requested. */
export function resolveChoices(options: readonly ProfileOption[], requested: Choices): { choices: Choices; errors: ProfileError[] } {
  const choices: Choices = {};
  const errors: ProfileError[] = [];
  for (const option of options) {
    const wanted = requested[option.id];
    const known = option.choices.some((choice) => choice.id === wanted);
    if (wanted !== undefined && !known) {
      const allowed = option.choices.map((choice) => choice.id).join(', ');
      errors.push({ path: `choices.${option.id}`, code: 'pattern', message: `is not one of ${allowed}; using "${option.default}"` });
    }
    choices[option.id] = known ? wanted! : option.default;
  }
  for (const optionId of Object.keys(requested)) {
    if (!options.some((option) => option.id === optionId)) {
      errors.push({ path: `choices.${fieldName(optionId)}`, code: 'unknown-field', message: 'the profile has no such option' });
    }
  }
  return { choices, errors };
}

/** The document as a plain profile for these choices: rules that do not apply are left out. */
export function applyChoices(document: ProfileDocument, choices: Choices): object {
  const { options: _options, ...profile } = document;
  const rules = document.rules.flatMap((rule) => {
    const { when, ...plain } = rule as { when?: unknown };
    return ruleApplies(when, choices) ? [plain] : [];
  });
  return { ...profile, rules };
}
