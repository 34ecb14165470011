/**
 * Profile -> planned checks: one check per thing the browser does, and one
 * `untestable` check per rule (or part of a rule) a browser cannot test, so
 * that no rule silently drops out of the report.
 */
import { phrase } from '../i18n/phrase';
import type { IceServerConfig } from '../ice/types';
import { effectivePort, parseIceUri, serverTransport } from '../ice/uri';
import type { IceServerRule, Profile, ProfileRule, WebRule } from '../profile/types';
import { planHostPortRule } from './plan-host-port';
import type { CheckTarget, IceTarget, PlannedCheck, PlannedIceCheck, PlannedUntestable } from './types';
import { isBrowserBlockedPort } from './blocked-ports';
import { iceFirewallLine, webFirewallLine } from './firewall';
import { untestableBlockedPort } from './untestable';

export { DEFAULT_DEADLINE_MS, MAX_DEADLINE_MS, MIN_DEADLINE_MS } from './deadline';
import { DEFAULT_DEADLINE_MS } from './deadline';
export const STUN_BATCH_ID = 'stun-batch';

/**
 * Chrome refuses a turn:/turns: server without credentials (InvalidAccessError).
 * Any non-empty pair makes the server answer with a 401 challenge, which proves
 * server and transport reachable without proving an allocation.
 */
export const PLACEHOLDER_CREDENTIALS = { username: 'webrtc-network-check', credential: 'placeholder' } as const;

export interface PlanOptions {
  /** Rules limited to a region apply only when that region is chosen. */
  region?: string;
  deadlineMs?: number;
}

/**
 * At most this many peer connections per run. Chromium refuses `new
 * RTCPeerConnection` past 500 live ones, and closed ones count until garbage
 * collection (measured: 1 STUN + 20 TURN URLs broke the 24th run in one
 * session). The service worker recycles the offscreen document before a run
 * that would cross the browser's limit; this cap keeps one profile from
 * needing more than a fresh document can give. ICE servers past it are not
 * run and say so (status `error`): our limit is no evidence about the network.
 */
export const MAX_PEER_CONNECTIONS_PER_RUN = 100;

export function planChecks(profile: Profile, options: PlanOptions = {}): PlannedCheck[] {
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const rules = profile.rules.filter((rule) => rule.region === undefined || rule.region === options.region);
  const checks: PlannedCheck[] = [];
  // The batch connection is one of the budget.
  let connections = 1;
  for (const rule of rules) {
    for (const check of planRule(rule, deadlineMs)) {
      if (check.type !== 'ice') {
        checks.push(check);
      } else if (connections < MAX_PEER_CONNECTIONS_PER_RUN) {
        connections++;
        checks.push(check);
      } else {
        checks.push(overBudget(check.targets[0]!));
      }
    }
  }
  const stunUrls = checks.flatMap((c) => (c.type === 'ice' && c.role === 'stun' ? c.urls : []));
  return [stunBatch(stunUrls, deadlineMs), ...checks];
}

function overBudget(target: IceTarget): PlannedUntestable {
  const detail = phrase('detail_over_budget', { count: MAX_PEER_CONNECTIONS_PER_RUN - 1 });
  return { type: 'untestable', ...target, outcome: { status: 'error', reason: 'setup', detail } };
}

function planRule(rule: ProfileRule, deadlineMs: number): PlannedCheck[] {
  switch (rule.kind) {
    case 'https':
    case 'wss':
      return [planWebRule(rule, deadlineMs)];
    case 'stun':
    case 'turn':
      return planIceRule(rule, deadlineMs);
    case 'tcp':
    case 'udp':
      return planHostPortRule(rule, deadlineMs);
  }
}

function planWebRule(rule: WebRule, deadlineMs: number): PlannedCheck {
  const target: CheckTarget = {
    checkId: `${rule.id}#1`,
    ruleId: rule.id,
    kind: rule.kind,
    target: rule.url,
    transport: 'tls',
    firewall: webFirewallLine(new URL(rule.url)),
  };
  return rule.kind === 'https' ? { type: 'fetch', ...target, url: rule.url, deadlineMs, note: null } : { type: 'wss', ...target, url: rule.url, deadlineMs };
}

/** One peer connection per STUN/TURN URL (see `IceRole` for why). */
function planIceRule(rule: IceServerRule, deadlineMs: number): PlannedCheck[] {
  return rule.urls.map((url, index): PlannedCheck => {
    const uri = parseIceUri(url);
    // Profiles reach the planner only through validateProfile; a bad URL here is a bug, not bad input.
    if (!uri.ok) throw new Error(`planChecks needs a validated profile: ${uri.error.message}`);
    const target: IceTarget = {
      checkId: `${rule.id}#${index + 1}`,
      ruleId: rule.id,
      kind: rule.kind,
      target: url,
      transport: serverTransport(uri.value),
      firewall: iceFirewallLine(uri.value),
      hasCredentials: rule.username !== undefined,
      ...(rule.kind === 'stun' && rule.reference ? { reference: true as const } : {}),
    };
    const port = effectivePort(uri.value);
    if (isBrowserBlockedPort(port)) return untestableBlockedPort(target, port);
    if (rule.kind === 'stun')
      return { type: 'ice', id: target.checkId, role: 'stun', targets: [target], urls: [url], iceServers: [{ urls: [url] }], deadlineMs };
    return { type: 'ice', id: target.checkId, role: 'turn', targets: [target], urls: [url], iceServers: [turnServer(rule, url)], deadlineMs };
  });
}

function turnServer(rule: IceServerRule, url: string): IceServerConfig {
  const { username, credential } = rule.username !== undefined && rule.credential !== undefined ? rule : PLACEHOLDER_CREDENTIALS;
  return { urls: [url], username, credential };
}

/**
 * Every STUN server in one peer connection: the only way to compare mappings of
 * one local port. Planned on every run, with no server at all when the profile
 * has none, because its host candidates are what tell a device on a network
 * from one with no network.
 */
function stunBatch(stunUrls: string[], deadlineMs: number): PlannedIceCheck {
  const urls = [...new Set(stunUrls)];
  return { type: 'ice', id: STUN_BATCH_ID, role: 'stun-batch', targets: [], urls, iceServers: urls.length === 0 ? [] : [{ urls }], deadlineMs };
}

/** Every result a plan will yield, in plan order: an ICE check gives one per server it asks. */
export function plannedTargets(plan: readonly PlannedCheck[]): CheckTarget[] {
  return plan.flatMap((check): CheckTarget[] => (check.type === 'ice' ? check.targets : [check]));
}
