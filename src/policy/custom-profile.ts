import { profileErrorPhraseOf } from '../profile/error-phrase';
import { phrase } from '../i18n/phrase';
import { BUILTIN_PROFILES } from '../profile/builtin';
import { isObject } from '../profile/fields';
import type { Profile } from '../profile/types';
import { validateProfile } from '../profile/validate';
import { got, type PolicyProblems } from './problems';

const FIELD = 'customProfile';
const SECRET_PATH = /\.(username|credential)$/;

/**
 * Chrome's policy schemas cannot say "number or string", so the managed schema
 * declares ports as strings: "443" is turned back into 443 here and the
 * profile then goes through the same validator as an imported one.
 */
function portsAsNumbers(input: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(input.rules)) return input;
  const rules = input.rules.map((rule: unknown) => {
    if (!isObject(rule) || !Array.isArray(rule.ports)) return rule;
    return { ...rule, ports: rule.ports.map((port: unknown) => (typeof port === 'string' && /^\d{1,5}$/.test(port) ? Number(port) : port)) };
  });
  return { ...input, rules };
}

/** The pushed profile, validated like a user's import; each dropped part becomes a problem named `customProfile.<path>`. */
export function readCustomProfile(value: unknown, problems: PolicyProblems): Profile | null {
  if (!isObject(value)) return problems.add(FIELD, phrase('policy_expected_profile_object', { got: got(value) })) ?? null;
  const { profile, errors } = validateProfile(portsAsNumbers(value));
  for (const error of errors) {
    const field = error.path === '' ? FIELD : `${FIELD}.${error.path}`;
    // The validator never quotes a value; secret fields say so in as many words.
    const problem = profileErrorPhraseOf(error.code);
    problems.add(field, SECRET_PATH.test(error.path) ? phrase('policy_value_hidden', { problem }) : problem);
  }
  if (!profile) return problems.add(FIELD, phrase('policy_custom_profile_unusable')) ?? null;
  if (BUILTIN_PROFILES.some((builtin) => builtin.id === profile.id)) {
    return problems.add(`${FIELD}.id`, phrase('policy_custom_profile_builtin_id')) ?? null;
  }
  return profile;
}
