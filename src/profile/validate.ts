/**
 * The only way a profile gets in, whether pushed by policy, imported by a user
 * or built in. Checks field by field (Dark Reader style): every problem becomes
 * a named error with its path, every valid rule is kept, so a profile with a
 * few bad rules still yields a run plan for the good ones.
 */
import { Problems, describeType, isObject, pathOf, readList, readRequiredString, readString, reportUnknownFields } from './fields';
import { LIMITS, readRuleId, validateRule, type RuleContext } from './rule';
import type { Profile, ProfileError, ProfileRule } from './types';

export interface ProfileValidation {
  /**
   * null when the document cannot be run as a whole: not an object, nested
   * deeper than any profile, an unusable id, name or version, or not one
   * usable rule (a run of nothing would read as "calls will fail").
   */
  profile: Profile | null;
  /** Errors and warnings (`unknown-field`, see `isWarning`), each naming its field and never quoting a value. */
  errors: ProfileError[];
}

export const MAX_RULES = 500;
/**
 * Targets (URLs, STUN/TURN URLs, hosts) in all the rules together. Each is at
 * least one check; a run's report must fit storage (src/report/fit.ts) and
 * the run must end within its deadline. 200 rules of 100 hosts (20,000
 * checks) made a 23 MB report that no storage write took, so the previous
 * report stayed on show as this run's (issue 29). The built-in profiles name
 * a few dozen.
 */
export const MAX_TARGETS = 1_000;
/** A profile is 4 levels deep (profile > rules > rule > urls); 32 leaves room for `$comment` objects and stops a 5000-level document before anything recurses over it. */
export const MAX_DEPTH = 32;
const TOP_LEVEL_FIELDS = ['$schema', 'description', 'id', 'name', 'version', 'regions', 'source', 'rules'];
const REGION_PATTERN = /^[a-z][a-z0-9-]{0,15}$/;

export function validateProfile(input: unknown): ProfileValidation {
  const problems = new Problems();
  if (!isObject(input)) {
    problems.add('', 'not-an-object', `a profile is a JSON object, got ${describeType(input)}`);
    return { profile: null, errors: problems.list };
  }
  if (nestingExceeds(input, MAX_DEPTH)) {
    problems.add('', 'too-deep', `the document is nested more than ${MAX_DEPTH} levels deep; a profile needs 4`);
    return { profile: null, errors: problems.list };
  }
  reportUnknownFields(input, TOP_LEVEL_FIELDS, '', problems, 'a profile');

  const id = readRuleId(input.id, 'id', problems);
  const name = readRequiredText(input, 'name', LIMITS.text, problems);
  const version = readRequiredText(input, 'version', LIMITS.id, problems);
  const source = input.source === undefined ? undefined : readString(input.source, 'source', problems, { max: LIMITS.url });
  const regions =
    input.regions === undefined
      ? undefined
      : readList(input.regions, 'regions', problems, 20, (item, path) =>
          readString(item, path, problems, { max: 16, pattern: REGION_PATTERN, expected: 'a short lower-case region code such as "eu"' }),
        );
  const rules = readRules(input.rules, { regions: regions ?? [], seenIds: new Map() }, problems);

  if (id === undefined || name === undefined || version === undefined || rules.length === 0) return { profile: null, errors: problems.list };
  const profile: Profile = {
    id,
    name,
    version,
    ...(regions === undefined ? {} : { regions }),
    ...(source === undefined ? {} : { source }),
    rules,
  };
  return { profile, errors: problems.list };
}

function readRequiredText(input: Record<string, unknown>, key: string, max: number, problems: Problems): string | undefined {
  return readRequiredString(input[key], key, problems, { max }, `the profile's ${key}`);
}

function readRules(value: unknown, context: RuleContext, problems: Problems): ProfileRule[] {
  if (value === undefined) return problems.add('rules', 'required', 'a profile needs a list of rules') ?? [];
  if (!Array.isArray(value)) return problems.add('rules', 'type', `rules must be a list, got ${describeType(value)}`) ?? [];
  if (value.length === 0) problems.add('rules', 'empty', 'the profile has no rules: there is nothing to check');
  if (value.length > MAX_RULES) {
    problems.add('rules', 'too-many', `has ${value.length} rules; only the first ${MAX_RULES} are read`);
  }
  const rules: ProfileRule[] = [];
  let targets = 0;
  for (const [index, item] of value.slice(0, MAX_RULES).entries()) {
    const rule = validateRule(item, pathOf('rules', index), context, problems);
    if (rule === undefined) continue;
    targets += targetCount(rule);
    if (targets > MAX_TARGETS) {
      const left = Math.min(value.length, MAX_RULES) - index;
      problems.add(
        pathOf('rules', index),
        'too-many',
        `the rules name more than ${MAX_TARGETS} targets (URLs and hosts) in all, more than one run can check; this rule and the ${left - 1} after it are left out`,
      );
      break;
    }
    rules.push(rule);
  }
  if (value.length > 0 && rules.length === 0)
    problems.add('rules', 'no-usable-rule', `none of the ${value.length} rules is usable (see the errors above): there is nothing to check`);
  return rules;
}

/** How many targets a rule names: each becomes at least one check. */
function targetCount(rule: ProfileRule): number {
  switch (rule.kind) {
    case 'https':
    case 'wss':
      return 1;
    case 'stun':
    case 'turn':
      return rule.urls.length;
    case 'tcp':
    case 'udp':
      return Math.max(1, rule.hosts.length);
  }
}

/** Whether objects and lists nest deeper than `max`, walked without recursion so that no depth can overflow the stack. */
export function nestingExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(item)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/** One line per error, for logs and the options page. */
export function formatProfileError(error: ProfileError): string {
  return `${error.path === '' ? 'profile' : error.path}: ${error.message} [${error.code}]`;
}
