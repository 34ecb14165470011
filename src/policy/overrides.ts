/**
 * Per-rule overrides an admin pushes for the profile in use: a concrete host
 * to probe for a wildcard/range rule, and TURN credentials the vendor gave
 * the school. Both are keyed by rule id.
 */
import { profileErrorPhraseOf } from '../profile/error-phrase';
import { phrase } from '../i18n/phrase';
import { fieldName, isObject } from '../profile/fields';
import { isConcreteHost } from '../profile/hosts';
import type { Profile, ProfileRule } from '../profile/types';
import { validateProfile } from '../profile/validate';
import type { PolicyOverlay, TurnCredentials } from '../settings/types';
import { readStringMap, type PolicyProblems } from './problems';

const MAX_SECRET = 512;

/** Sets an own property even for a key like `__proto__`, which plain assignment would turn into a prototype change. */
function own<T>(map: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}

function findRule(profile: Profile, id: string, field: string, problems: PolicyProblems): ProfileRule | undefined {
  const rule = profile.rules.find((candidate) => candidate.id === id);
  return rule ?? problems.add(field, phrase('policy_no_such_rule', { profile: profile.id }));
}

/** `probeHosts`: checked against the rule's own hosts by the profile validator when the policy names the profile. */
export function readProbeHosts(value: unknown, profile: Profile | null, problems: PolicyProblems): Record<string, string> | undefined {
  const map = readStringMap(value, 'probeHosts', problems);
  if (!map) return undefined;
  const accepted: Record<string, string> = {};
  for (const [ruleId, host] of Object.entries(map)) {
    const field = `probeHosts.${fieldName(ruleId)}`;
    if (!isConcreteHost(host)) {
      problems.add(field, phrase('policy_probe_host_not_concrete'));
      continue;
    }
    if (profile) {
      const rule = findRule(profile, ruleId, field, problems);
      if (!rule) continue;
      if (rule.kind !== 'tcp' && rule.kind !== 'udp') {
        problems.add(field, phrase('policy_probe_host_kind', { kind: rule.kind }));
        continue;
      }
      const { errors } = validateProfile({
        id: profile.id,
        name: profile.name,
        version: profile.version,
        regions: profile.regions,
        rules: [{ ...rule, probeHost: host }],
      });
      const wrong = errors.find((error) => error.path === 'rules[0].probeHost');
      if (wrong) {
        problems.add(field, profileErrorPhraseOf(wrong.code));
        continue;
      }
    }
    own(accepted, ruleId, host);
  }
  return accepted;
}

/** `turnCredentials`: messages never quote a value, right or wrong — it may be a secret. */
export function readTurnCredentials(value: unknown, profile: Profile | null, problems: PolicyProblems): Record<string, TurnCredentials> | undefined {
  if (!isObject(value)) {
    // The kind only: even a string's length would say something about a secret.
    const kind = Array.isArray(value) ? phrase('type_list') : value === null ? phrase('type_null') : phrase('type_other', { type: typeof value });
    return problems.add('turnCredentials', phrase('policy_credentials_type', { got: kind }));
  }
  const accepted: Record<string, TurnCredentials> = {};
  for (const [ruleId, entry] of Object.entries(value)) {
    const field = `turnCredentials.${fieldName(ruleId)}`;
    const secret = (key: 'username' | 'credential'): string | undefined => {
      const text = isObject(entry) ? entry[key] : undefined;
      if (typeof text === 'string' && text.length > 0 && text.length <= MAX_SECRET) return text;
      return problems.add(`${field}.${key}`, phrase('policy_secret_string', { max: MAX_SECRET }));
    };
    if (!isObject(entry)) {
      problems.add(field, phrase('policy_credentials_object'));
      continue;
    }
    const username = secret('username');
    const credential = secret('credential');
    if (username === undefined || credential === undefined) continue;
    if (profile) {
      const rule = findRule(profile, ruleId, field, problems);
      if (!rule) continue;
      if (rule.kind !== 'turn') {
        problems.add(field, phrase('policy_credentials_kind', { kind: rule.kind }));
        continue;
      }
    }
    own(accepted, ruleId, { username, credential });
  }
  return accepted;
}

/** The profile as the run uses it: policy probe hosts and TURN credentials put on the rules they name. */
export function applyPolicyOverrides(profile: Profile, policy: Pick<PolicyOverlay, 'probeHosts' | 'turnCredentials'>): Profile {
  const probeHosts = policy.probeHosts ?? {};
  const credentials = policy.turnCredentials ?? {};
  return {
    ...profile,
    rules: profile.rules.map((rule) => {
      // Own keys only: a rule called `constructor` must not pick up Object.prototype.constructor.
      if ((rule.kind === 'tcp' || rule.kind === 'udp') && Object.hasOwn(probeHosts, rule.id)) return { ...rule, probeHost: probeHosts[rule.id]! };
      if (rule.kind === 'turn' && Object.hasOwn(credentials, rule.id)) return { ...rule, ...credentials[rule.id] };
      return rule;
    }),
  };
}
