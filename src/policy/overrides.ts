/**
 * Per-rule overrides an admin pushes for the profile in use: a concrete host
 * to probe for a wildcard/range rule, and TURN credentials the vendor gave
 * the school. Both are keyed by rule id.
 */
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
  return rule ?? problems.add(field, `the profile ${profile.id} has no rule with this id`);
}

/** `probeHosts`: checked against the rule's own hosts by the profile validator when the policy names the profile. */
export function readProbeHosts(value: unknown, profile: Profile | null, problems: PolicyProblems): Record<string, string> | undefined {
  const map = readStringMap(value, 'probeHosts', problems);
  if (!map) return undefined;
  const accepted: Record<string, string> = {};
  for (const [ruleId, host] of Object.entries(map)) {
    const field = `probeHosts.${fieldName(ruleId)}`;
    if (!isConcreteHost(host)) {
      problems.add(field, 'is not one concrete host name or address');
      continue;
    }
    if (profile) {
      const rule = findRule(profile, ruleId, field, problems);
      if (!rule) continue;
      if (rule.kind !== 'tcp' && rule.kind !== 'udp') {
        problems.add(field, `only tcp and udp rules take a probe host; this is a ${rule.kind} rule`);
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
        problems.add(field, wrong.message);
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
    const kind = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
    return problems.add('turnCredentials', `expected an object of rule ids to {username, credential}, got ${kind} (the value is not shown)`);
  }
  const accepted: Record<string, TurnCredentials> = {};
  for (const [ruleId, entry] of Object.entries(value)) {
    const field = `turnCredentials.${fieldName(ruleId)}`;
    const secret = (key: 'username' | 'credential'): string | undefined => {
      const text = isObject(entry) ? entry[key] : undefined;
      if (typeof text === 'string' && text.length > 0 && text.length <= MAX_SECRET) return text;
      return problems.add(`${field}.${key}`, `must be a non-empty string of at most ${MAX_SECRET} characters (the value is not shown)`);
    };
    if (!isObject(entry)) {
      problems.add(field, 'expected an object with username and credential');
      continue;
    }
    const username = secret('username');
    const credential = secret('credential');
    if (username === undefined || credential === undefined) continue;
    if (profile) {
      const rule = findRule(profile, ruleId, field, problems);
      if (!rule) continue;
      if (rule.kind !== 'turn') {
        problems.add(field, `only turn rules take credentials; this is a ${rule.kind} rule`);
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
