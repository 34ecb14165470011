/**
 * docs/profiles.md transcribes every row of every vendor guide and names the
 * rule that carries it. These tests keep that table and the profile JSON from
 * drifting apart: a host, range or port named in the table must be in the
 * rule named beside it, every rule must appear in the table, and the "tested"
 * word must be what the planner really does with the rule.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planChecks } from '../../checks/plan';
import { effectivePort, parseIceUri } from '../../ice/uri';
import { parsePortSpec, portRanges, type PortRange } from '../ports';
import type { ProfileRule } from '../types';
import { validateProfile } from '../validate';
import { coverageTables, type CoverageRow, type Tested } from '../../../test/support/coverage-table';
import { BUILTIN_PROFILES, type ProfileDocument } from './index';

/** A rule as stored in the JSON: a profile rule that may carry `when`. */
type StoredRule = ProfileRule & { when?: unknown };

const tables = coverageTables(readFileSync(new URL('../../../docs/profiles.md', import.meta.url), 'utf8'));
const vendorProfiles = BUILTIN_PROFILES.filter((document) => document.rules.length > 0);

function rulesOf(document: ProfileDocument): Map<string, StoredRule> {
  return new Map((document.rules as StoredRule[]).map((rule) => [rule.id, rule]));
}

/** Every host and port a rule names, whatever its kind. */
function targetsOf(rule: StoredRule): { hosts: string[]; ports: PortRange[] } {
  switch (rule.kind) {
    case 'https':
    case 'wss': {
      const url = new URL(rule.url);
      return { hosts: [url.hostname], ports: [single(url.port === '' ? 443 : Number(url.port))] };
    }
    case 'stun':
    case 'turn': {
      const uris = rule.urls.flatMap((text) => {
        const parsed = parseIceUri(text);
        return parsed.ok ? [parsed.value] : [];
      });
      return { hosts: uris.map((uri) => uri.host), ports: uris.map((uri) => single(effectivePort(uri))) };
    }
    case 'tcp':
    case 'udp':
      return { hosts: [...rule.hosts, ...(rule.probeHost === undefined ? [] : [rule.probeHost])], ports: portRanges(rule.ports) };
  }
}

function single(port: number): PortRange {
  return { from: port, to: port };
}

/** Hosts and ports of a row that none of its rules carries. */
function missingFromRules(row: CoverageRow, rules: Map<string, StoredRule>): string[] {
  const targets = row.ruleIds.flatMap((id) => {
    const rule = rules.get(id);
    return rule === undefined ? [] : [targetsOf(rule)];
  });
  const missingHosts = row.hosts.filter((host) => !targets.some((target) => target.hosts.includes(host)));
  const missingPorts = row.ports.filter((token) => {
    const wanted = parsePortSpec(/^\d+$/.test(token) ? Number(token) : token);
    if (wanted === null) return true;
    return !targets.some((target) => target.ports.some((range) => range.from <= wanted.from && wanted.to <= range.to));
  });
  return [...missingHosts, ...missingPorts];
}

/** What the planner does with one rule on its own, in the words of the table. */
function testedBy(document: ProfileDocument, rule: StoredRule): Tested {
  // A rule whose host was lost from the guide has nothing to probe until an admin names one.
  if ((rule.kind === 'tcp' || rule.kind === 'udp') && rule.hosts.length === 0) return 'untestable';
  const { when: _when, ...plain } = rule;
  const { profile, errors } = validateProfile({ id: 'one-rule', name: 'one rule', version: '1', regions: document.regions, rules: [plain] });
  expect(errors).toEqual([]);
  // The local gathering (`stun-batch`) is planned on every run, whatever the rule.
  const checks = planChecks(profile!, rule.region === undefined ? {} : { region: rule.region }).filter((c) => !(c.type === 'ice' && c.role === 'stun-batch'));
  if (checks.every((check) => check.type === 'untestable')) return 'untestable';
  // A tcp/udp rule that is probed at all is probed through an HTTPS request standing in for it.
  return rule.kind === 'tcp' || rule.kind === 'udp' ? 'indirect' : 'direct';
}

describe.each(vendorProfiles)('docs/profiles.md coverage of $name', (document) => {
  const rows = tables.get(document.id) ?? [];
  const rules = rulesOf(document);

  it('has a coverage table', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it('names only rules that exist, and a rule on every row that names a host or port', () => {
    for (const row of rows) {
      for (const id of row.ruleIds) expect(rules.has(id), `unknown rule ${id} in: ${row.line}`).toBe(true);
      const namesTarget = row.hosts.length > 0 || row.ports.length > 0;
      expect(!namesTarget || row.ruleIds.length > 0, `a host or port with no rule: ${row.line}`).toBe(true);
      expect(row.tested === null, `note rows have no rule and say "—": ${row.line}`).toBe(row.ruleIds.length === 0);
    }
  });

  it('finds every host, IP range and port of the table in the rules named beside it', () => {
    for (const row of rows) expect(missingFromRules(row, rules), row.line).toEqual([]);
  });

  it('lists every rule of the profile in its table', () => {
    const listed = new Set(rows.flatMap((row) => row.ruleIds));
    expect([...rules.keys()].filter((id) => !listed.has(id))).toEqual([]);
  });

  it('says how each rule is tested, as the planner plans it', () => {
    for (const row of rows) {
      for (const id of row.ruleIds) expect(testedBy(document, rules.get(id)!), `${id} in: ${row.line}`).toBe(row.tested);
    }
  });
});

describe('the coverage check itself', () => {
  const senso = BUILTIN_PROFILES.find((document) => document.id === 'senso')!;
  const row = tables.get('senso')!.find((candidate) => candidate.ruleIds.includes('relay-centralusa'))!;

  it('notices a host or port that a rule no longer carries', () => {
    const rules = rulesOf(senso);
    rules.set('relay-centralusa', { ...rules.get('relay-centralusa')!, hosts: ['senso-sturn-northeu.cloudapp.net'], ports: ['49152-60000'] } as StoredRule);
    expect(missingFromRules(row, rules)).toEqual(['senso-sturn-centralusa.cloudapp.net', '49152-65535']);
  });

  it('refuses a table whose columns moved', () => {
    expect(() => coverageTables('<!-- coverage: x -->\n| guide | host |\n|---|---|\n')).toThrow(/header/);
  });
});
