/**
 * The rule set as one copy for the firewall admin: missing rules, then "also
 * check". Apart from rule-set.ts (which merges rules, in the service worker)
 * so that the popup, which only joins the lines, stays small.
 */
import type { RuleSetLine } from './rule-set';

/** Headings come from the caller (translated); the rule lines stay in the vendor's words. */
export interface RuleSetHeadings {
  missing: string;
  alsoCheck: string;
}

/** The copy for the firewall admin: missing rules, then "also check", one line each. Empty when there is neither. */
export function ruleSetText(
  set: { missing: readonly Pick<RuleSetLine, 'text'>[]; alsoCheck: readonly Pick<RuleSetLine, 'text'>[] },
  headings: RuleSetHeadings,
): string {
  const parts: string[] = [];
  if (set.missing.length > 0) parts.push(headings.missing, ...set.missing.map((l) => l.text));
  if (set.alsoCheck.length > 0) parts.push(...(parts.length > 0 ? [''] : []), headings.alsoCheck, ...set.alsoCheck.map((l) => l.text));
  return parts.join('\n');
}
