/** Validation of one profile rule, field by field. A rule with any error is dropped as a whole. */
import { Problems, describeType, isObject, pathOf, readBoolean, readRequiredString, readString, reportUnknownFields } from './fields';
import { readTargets } from './targets';
import { RULE_KINDS, type ProfileRule, type RuleKind } from './types';

export const LIMITS = {
  id: 64,
  text: 500,
  url: 2048,
} as const;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const COMMON_FIELDS = ['id', 'kind', 'purpose', 'required', 'region', 'noInspection'] as const;
const KIND_FIELDS: Record<RuleKind, readonly string[]> = {
  https: ['url'],
  wss: ['url'],
  stun: ['urls', 'username', 'credential', 'reference'],
  turn: ['urls', 'username', 'credential'],
  tcp: ['hosts', 'ports', 'probeHost'],
  udp: ['hosts', 'ports', 'probeHost'],
};

export interface RuleContext {
  /** The profile's regions; a rule's region must be one of them. */
  regions: readonly string[];
  /** Ids of rules already seen -> the path of the first, to catch duplicates. */
  seenIds: Map<string, string>;
}

export function readRuleId(value: unknown, path: string, problems: Problems): string | undefined {
  const limits = { max: LIMITS.id, pattern: ID_PATTERN, expected: 'letters, digits, ".", "_" or "-"' };
  return readRequiredString(value, path, problems, limits, 'the id');
}

export function validateRule(input: unknown, path: string, context: RuleContext, problems: Problems): ProfileRule | undefined {
  if (!isObject(input)) return problems.add(path, 'type', `a rule must be an object, got ${describeType(input)}`);
  const before = problems.count;

  const id = readRuleId(input.id, pathOf(path, 'id'), problems);
  if (id !== undefined) {
    const first = context.seenIds.get(id);
    if (first !== undefined) problems.add(pathOf(path, 'id'), 'duplicate-id', `the same id as ${first}: rule ids must be unique`);
    else context.seenIds.set(id, path);
  }
  const kind = readKind(input.kind, pathOf(path, 'kind'), problems);
  const purpose = readRequiredString(input.purpose, pathOf(path, 'purpose'), problems, { max: LIMITS.text }, "the vendor's purpose");
  const required = input.required === undefined ? true : readBoolean(input.required, pathOf(path, 'required'), problems);
  const noInspection = input.noInspection === undefined ? false : readBoolean(input.noInspection, pathOf(path, 'noInspection'), problems);
  const region = input.region === undefined ? undefined : readRegion(input.region, pathOf(path, 'region'), context.regions, problems);
  if (kind === undefined) return undefined;
  reportUnknownFields(input, [...COMMON_FIELDS, ...KIND_FIELDS[kind]], path, problems, `${kind} rules`);

  const targets = readTargets(kind, input, path, problems);
  const reference = kind === 'stun' && input.reference !== undefined ? readBoolean(input.reference, pathOf(path, 'reference'), problems) : undefined;
  if (problems.count !== before || targets === undefined) return undefined;
  const base = { id: id!, purpose: purpose!, required: required!, noInspection: noInspection!, ...(region === undefined ? {} : { region }) };
  return { ...base, ...targets, ...(reference ? { reference: true } : {}) } as ProfileRule;
}

function readKind(value: unknown, path: string, problems: Problems): RuleKind | undefined {
  if (value === undefined) return problems.add(path, 'required', `a rule needs a kind: ${RULE_KINDS.join(', ')}`);
  if (typeof value !== 'string' || !(RULE_KINDS as readonly string[]).includes(value)) {
    return problems.add(path, 'unknown-kind', `is not one of ${RULE_KINDS.join(', ')}`);
  }
  return value as RuleKind;
}

function readRegion(value: unknown, path: string, regions: readonly string[], problems: Problems): string | undefined {
  const region = readString(value, path, problems, { max: LIMITS.id });
  if (region === undefined) return undefined;
  if (!regions.includes(region)) {
    const known = regions.length === 0 ? 'the profile declares no regions' : `the profile's regions are ${regions.join(', ')}`;
    return problems.add(path, 'region', `is not one of the profile's regions: ${known}`);
  }
  return region;
}
