/**
 * Which profile the policy names, and its region and options, checked
 * against that profile (a built-in one or the pushed custom profile).
 */
import { phrase } from '../i18n/phrase';
import { BUILTIN_PROFILES, builtinProfile } from '../profile/builtin';
import { resolveChoices } from '../profile/builtin/options';
import type { Profile } from '../profile/types';
import { got, readStringMap, type PolicyProblems } from './problems';
import { fieldName } from '../profile/fields';

const REGION = /^[a-z][a-z0-9-]{0,15}$/;
const PROFILE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The profile the policy names, for checking region, options and rule overrides against it. */
export interface NamedProfile {
  profileId: string;
  profile: Profile | null;
  regions: readonly string[];
  /** null: a custom profile, which has no options. */
  document: (typeof BUILTIN_PROFILES)[number] | null;
}

export function readProfileId(raw: Record<string, unknown>, custom: Profile | null, problems: PolicyProblems): NamedProfile | undefined {
  const value = raw.profileId;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !PROFILE_ID.test(value)) return problems.add('profileId', phrase('policy_expected_profile_id', { got: got(value) }));
  const document = BUILTIN_PROFILES.find((candidate) => candidate.id === value);
  if (document) return { profileId: value, profile: null, regions: document.regions ?? [], document };
  if (custom?.id === value) return { profileId: value, profile: custom, regions: custom.regions ?? [], document: null };
  const known = [...BUILTIN_PROFILES.map((p) => p.id), ...(custom ? [custom.id] : [])].join(', ');
  return problems.add('profileId', phrase('policy_unknown_profile', { known }));
}

/** Region and options as one `choices` object, checked against the named profile when there is one. */
export function readChoices(raw: Record<string, unknown>, named: NamedProfile | undefined, problems: PolicyProblems): Record<string, string> | undefined {
  const choices: Record<string, string> = {};
  if (raw.region !== undefined) {
    const region = raw.region;
    if (typeof region !== 'string' || !REGION.test(region)) problems.add('region', phrase('policy_expected_region', { got: got(region) }));
    else if (named && !named.regions.includes(region)) {
      problems.add(
        'region',
        named.regions.length === 0
          ? phrase('policy_region_none', { profile: named.profileId })
          : phrase('policy_region_unknown', { profile: named.profileId, known: named.regions.join(', ') }),
      );
    } else choices.region = region;
  }
  if (raw.profileOptions !== undefined) {
    const requested = readStringMap(raw.profileOptions, 'profileOptions', problems) ?? {};
    if (named) {
      // Unknown options and choices are named and dropped; the others stay.
      const { errors } = resolveChoices(named.document?.options ?? [], requested);
      const bad = new Set(errors.map((error) => error.path.replace(/^choices\./, '')));
      for (const error of errors) {
        const problem = error.code === 'unknown-field' ? phrase('policy_no_such_option') : phrase('policy_choice_not_allowed');
        problems.add(`profileOptions.${fieldName(error.path.replace(/^choices\./, ''))}`, problem);
      }
      for (const [option, choice] of Object.entries(requested)) if (!bad.has(option)) choices[option] = choice;
    } else Object.assign(choices, requested);
  }
  // Nothing usable: the user's choices (or the profile's defaults) stay, like any other key that falls back.
  return Object.keys(choices).length === 0 ? undefined : choices;
}

/** The run's profile as the policy names it, for rule checks: a built-in one with the pushed choices. */
export function namedProfile(named: NamedProfile | undefined, choices: Record<string, string> | undefined): Profile | null {
  if (!named) return null;
  if (named.profile) return named.profile;
  const { region: _region, ...options } = choices ?? {};
  return builtinProfile(named.profileId, options)?.profile ?? null;
}
