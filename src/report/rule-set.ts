/**
 * The missing firewall rules as one rule set, the way a network admin applies
 * them: one line per protocol, port and destination set, whatever profile rules
 * asked for it (their purposes joined), and the rules a browser cannot test
 * under "also check" in the same copy. The same lines export as CSV for
 * firewall import (rule-set-csv.ts, kept apart so the popup loads papaparse
 * only when someone asks for the file).
 */
import { formatDestinations, formatFirewallLine } from '../checks/firewall-text';
import type { RuleAdvice } from '../checks/missing-rules';
import type { FirewallLine } from '../checks/types';
import type { Report } from './types';

export interface RuleSetLine {
  protocol: FirewallLine['protocol'];
  ports: string;
  destinations: string[];
  /** The destinations as an admin reads them ("any destination", never empty). */
  destination: string;
  /** What runs on it ("STUN", "TURN over UDP"); several when rules share a port. */
  services: string[];
  /** The vendor's words for every profile rule behind this line. */
  purposes: string[];
  ruleIds: string[];
  /** False only when every rule behind it is optional. */
  required: boolean;
  /** TCP only: the vendor asks to exclude it from SSL inspection. */
  excludeFromInspection: boolean;
  /** Paste-ready. */
  text: string;
}

export interface RuleSet {
  /** Missing rules (cause firewall), required first. */
  missing: RuleSetLine[];
  /** Rules a browser cannot test: "also check on your firewall". A line already missing is not repeated. */
  alsoCheck: RuleSetLine[];
}

const keyOf = (line: FirewallLine) => `${line.protocol} ${line.ports} ${[...line.destinations].sort().join(',')}`;

function merge(rules: readonly RuleAdvice[], skip: ReadonlySet<string> = new Set()): RuleSetLine[] {
  const byKey = new Map<string, RuleSetLine>();
  for (const rule of rules) {
    for (const line of rule.firewall) {
      const key = keyOf(line);
      if (skip.has(key)) continue;
      const merged = byKey.get(key) ?? {
        protocol: line.protocol,
        ports: line.ports,
        destinations: [...line.destinations],
        destination: formatDestinations(line.destinations),
        services: [],
        purposes: [],
        ruleIds: [],
        required: false,
        excludeFromInspection: false,
        text: '',
      };
      if (line.service !== null && !merged.services.includes(line.service)) merged.services.push(line.service);
      if (!merged.purposes.includes(rule.purpose)) merged.purposes.push(rule.purpose);
      if (!merged.ruleIds.includes(rule.ruleId)) merged.ruleIds.push(rule.ruleId);
      merged.required ||= rule.required;
      // No filter inspects UDP: the advice belongs on TCP/TLS rules only.
      merged.excludeFromInspection ||= rule.noInspection && line.protocol === 'TCP';
      byKey.set(key, merged);
    }
  }
  const lines = [...byKey.values()].map((l) => ({ ...l, text: lineText(l) }));
  return lines.sort((a, b) => Number(b.required) - Number(a.required));
}

function lineText(l: Omit<RuleSetLine, 'text'>): string {
  const rule = formatFirewallLine({
    direction: 'outbound',
    protocol: l.protocol,
    ports: l.ports,
    destinations: l.destinations,
    service: l.services.join(', ') || null,
  });
  const optional = l.required ? '' : ' (optional)';
  return `${rule}: ${l.purposes.join('; ')}${optional}.${l.excludeFromInspection ? ' Exclude from SSL inspection.' : ''}`;
}

export function ruleSet(report: Pick<Report, 'missingRules' | 'verifyRules'>): RuleSet {
  const missing = merge(report.missingRules);
  const missingKeys = new Set(report.missingRules.flatMap((r) => r.firewall.map(keyOf)));
  return { missing, alsoCheck: merge(report.verifyRules, missingKeys) };
}
