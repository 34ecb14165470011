/**
 * The missing firewall rules as one rule set, the way a network admin applies
 * them: one line per protocol, port and destination set, whatever profile rules
 * asked for it (their purposes joined), and the rules a browser cannot test
 * under "also check" in the same copy. The same lines export as CSV for
 * firewall import (popup/report/rule-set-csv.ts: papaparse stays at the edge,
 * out of the core and out of the popup's bundle).
 */
import { destinationsPhrase, firewallLinePhrase } from '../checks/firewall-text';
import { phrase, type Phrase } from '../i18n/phrase';
import { inEnglish } from '../i18n/english';
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
  /** Paste-ready, as a phrase every page says in its reader's language. */
  line: Phrase;
  /** The same line in English, for readers of the JSON (and the CSV) without the extension. */
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
  const byKey = new Map<string, Omit<RuleSetLine, 'line' | 'text'>>();
  for (const rule of rules) {
    for (const line of rule.firewall) {
      const key = keyOf(line);
      if (skip.has(key)) continue;
      const merged = byKey.get(key) ?? {
        protocol: line.protocol,
        ports: line.ports,
        destinations: [...line.destinations],
        destination: inEnglish(destinationsPhrase(line.destinations)),
        services: [],
        purposes: [],
        ruleIds: [],
        required: false,
        excludeFromInspection: false,
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
  const lines = [...byKey.values()].map((l) => {
    const line = linePhrase(l);
    return { ...l, line, text: inEnglish(line) };
  });
  return lines.sort((a, b) => Number(b.required) - Number(a.required));
}

function linePhrase(l: Omit<RuleSetLine, 'text' | 'line'>): Phrase {
  const rule = firewallLinePhrase({
    direction: 'outbound',
    protocol: l.protocol,
    ports: l.ports,
    destinations: l.destinations,
    service: l.services.join(', ') || null,
  });
  const purposes = l.purposes.join('; ');
  const what = l.required ? purposes : phrase('fw_optional', { purpose: purposes });
  return phrase(l.excludeFromInspection ? 'fw_advice_no_inspection' : 'fw_advice', { line: rule, what });
}

export function ruleSet(report: Pick<Report, 'missingRules' | 'verifyRules'>): RuleSet {
  const missing = merge(report.missingRules);
  const missingKeys = new Set(report.missingRules.flatMap((r) => r.firewall.map(keyOf)));
  return { missing, alsoCheck: merge(report.verifyRules, missingKeys) };
}
