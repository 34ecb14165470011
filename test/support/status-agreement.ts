/**
 * Issue 28's walk: for a report from any network the lab builds, every surface
 * says the report's one status (src/view/status.ts) and nothing under it
 * contradicts it. Called on every run of the shared lab browser
 * (test/support/lab-browser.ts) and by the fault networks' oracle comparison
 * (test/e2e/fault-harness.ts), so the generated and fault networks are walked
 * in full, in Chromium and Firefox.
 */
import { english } from '../../src/i18n/english';
import { recordAttributes, severity } from '../../src/fleet/record';
import { mdText } from '../../src/report/markdown';
import type { Report } from '../../src/report/types';
import { BADGE_COLOURS, badgeFor } from '../../src/view/badge';
import { diagramLinks } from '../../src/view/diagram';
import { headlineText } from '../../src/view/headline';
import { methodRows } from '../../src/view/methods';
import { plainOutcomes, usageWord } from '../../src/view/plain';
import { statusOf } from '../../src/view/status';
import { renderTicketText } from '../../src/view/ticket-text';

const works = (status: string | undefined) => status === 'available' || status === 'unverified';

/** Contradictions between the report's status and what any surface or row shows, in words; empty when they agree. */
export function statusDisagreements(report: Report): string[] {
  const s = statusOf(report);
  const t = english;
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${s.kind}: ${what}`);

  // The ticket's first lines: what the user saw, and the one next step.
  const ticket = renderTicketText(report, t).split('\n').slice(2, 5);
  const wantTicket = [t('report_user_saw', [mdText(headlineText(s.headline, t))]), '', t(s.nextStepKey, [usageWord(report.profile.id, t)])];
  if (ticket.join('\n') !== wantTicket.join('\n')) say(`ticket begins ${JSON.stringify(ticket)}, not ${JSON.stringify(wantTicket)}`);

  // The fleet record and the badge.
  const attributes = recordAttributes(report, { site: null });
  if (attributes['wnc.status'] !== s.kind || attributes['wnc.next_actor'] !== s.actor)
    say(`fleet record says ${String(attributes['wnc.status'])}/${String(attributes['wnc.next_actor'])}`);
  if ((severity(report) === 'ERROR') !== (s.kind === 'no-calls')) say(`fleet severity ${severity(report)}`);
  const badge = badgeFor(report);
  if (badge.status !== s.kind || badge.colour !== BADGE_COLOURS[s.tone]) say(`badge ${badge.status} in ${badge.colour}`);
  if (/\d/.test(badge.text) !== report.missingRules.length > 0) say(`badge text ${badge.text} with ${report.missingRules.length} missing rules`);

  // The top layer's rows.
  const rows = plainOutcomes(report, s.kind);
  if (s.kind === 'offline' && rows.length > 0) say('rows shown for a device off the network');
  if (s.kind === 'no-calls' && rows.some((r) => r.tone === 'good')) say('a green row under "will not connect"');
  const serviceRows = rows.filter((r) => r.group === 'service').map((r) => r.service);
  const blocked = s.kind === 'offline' ? [] : report.outcome.blockedServices.map((b) => b.purpose);
  if (serviceRows.join('|') !== blocked.join('|')) say(`service rows ${serviceRows.join(', ')} for blocked ${blocked.join(', ')}`);
  if (rows.some((r) => r.passing && r.tone === 'bad')) say('a failure folded under "What works"');

  // "Details for IT": the methods and the diagram.
  const methods = methodRows(report.verdict, report.checks, report.loopbacks);
  const method = (group: string) => methods.find((m) => m.group === group)?.status;
  if (s.kind === 'direct' && !works(method('hole-punching'))) say(`hole punching ${method('hole-punching')} under "direct"`);
  if (s.kind === 'relayed' && !works(method('relay'))) say(`relay ${method('relay')} under "relayed"`);
  if (s.kind === 'no-calls' && (method('hole-punching') === 'available' || method('relay') === 'available')) say('a method available under "will not connect"');
  const links = diagramLinks(report);
  const passed = (kinds: string[]) => report.checks.some((c) => kinds.includes(c.kind) && (c.status === 'pass' || c.status === 'warn'));
  if (links.stun === 'failed' && passed(['stun'])) say('STUN drawn ✕ while a STUN server answered');
  if (links.vendor === 'failed' && passed(['https', 'wss', 'tcp', 'udp'])) say("the vendor's services drawn ✕ while one answered");
  if (s.kind === 'relayed' && links.turn === 'failed') say('TURN drawn ✕ under "relayed"');
  if (s.kind === 'no-calls' && links.turn === 'ok') say('TURN drawn ✓ under "will not connect"');
  return problems;
}
