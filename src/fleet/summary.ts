/**
 * The district's view over the reports its collector received: per site and
 * per device, what changed since the previous week, what is missing most
 * often and why, who has not reported, and which site got worse. Pure: the
 * reports come in as parsed JSON (cli/fleet-input.ts reads them), the clock
 * as a number. Used by `npm run fleet` (cli/fleet.ts) and its HTML page.
 *
 * Causes are read from the reports as data (`checks[].cause`,
 * `otherCauses[].cause`): whatever strings a build wrote, including causes this
 * code has never heard of.
 */
import { suspectRecords, type Suspect } from './suspect';

/** One report, reduced to what the fleet view groups and compares. */
export interface FleetReport {
  id: string;
  site: string;
  /** Device key: the ChromeOS directory device id, serial, asset id or host name; NO_DEVICE_ID without them. */
  device: string;
  /** For people: host name / asset id / location, else the key. */
  deviceLabel: string;
  /** ms since the epoch. */
  startedAt: number;
  trigger: string;
  route: string;
  routeVerified: boolean;
  /** `outcome.tone`: good, slow, limited, bad, untested. */
  tone: string;
  missingRules: string[];
  causes: string[];
  extensionVersion: string;
  /** The report's `schema` (`webrtc-network-check/report@3`), 'unknown' without one. */
  schema: string;
}

/** The device key of reports without ChromeOS device attributes (other systems, or not force-installed). */
export const NO_DEVICE_ID = '(no device id)';
export const NO_SITE = '(no site)';

/**
 * Routes from best to worst: a higher rank is worse. `untested` and routes
 * this code does not know have no rank: they are neither better nor worse.
 */
const ROUTE_RANK: Record<string, number> = { 'hole-punching': 0, 'relay-udp': 1, 'relay-tcp': 2, 'relay-tls': 3, none: 4 };

/** A route's rank (0 best … 4 = no route), or null when it cannot be compared. */
export function routeRank(route: string): number | null {
  return Object.hasOwn(ROUTE_RANK, route) ? ROUTE_RANK[route]! : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * A report document (report JSON, `docs/report.schema.json`) -> its fleet
 * row, or a reason it cannot be one (the document is data from a file:
 * nothing in it is trusted).
 */
export function fleetRow(doc: unknown): FleetReport | { skipped: string } {
  if (!isObject(doc)) return { skipped: 'not a JSON object' };
  const id = str(doc.id);
  if (!id) return { skipped: 'no report id' };
  const startedAt = Date.parse(str(doc.startedAt) ?? '');
  if (Number.isNaN(startedAt)) return { skipped: `report ${id}: no startedAt time` };
  const verdict = isObject(doc.verdict) ? doc.verdict : {};
  const route = str(verdict.route);
  if (!route) return { skipped: `report ${id}: no verdict.route` };
  const env = isObject(doc.environment) ? doc.environment : {};
  const policy = isObject(env.policy) ? env.policy : {};
  const sentTo = isObject(policy.reportsSentTo) ? policy.reportsSentTo : {};
  const device = isObject(env.device) ? env.device : {};
  const facts = isObject(device.facts) ? device.facts : {};
  const fact = (name: string) => str(facts[name]) || null;
  const key = fact('directoryDeviceId') ?? fact('serialNumber') ?? fact('assetId') ?? fact('hostname');
  const label = [fact('hostname'), fact('assetId'), fact('annotatedLocation')].filter(Boolean).join(' · ');
  const checks = Array.isArray(doc.checks) ? doc.checks : [];
  const others = Array.isArray(doc.otherCauses) ? doc.otherCauses : [];
  const causes = new Set<string>();
  for (const c of [...checks, ...others]) if (isObject(c) && typeof c.cause === 'string') causes.add(c.cause);
  const missing = Array.isArray(doc.missingRules) ? doc.missingRules : [];
  return {
    id,
    site: str(sentTo.site) || NO_SITE,
    device: key ?? NO_DEVICE_ID,
    deviceLabel: label || key || NO_DEVICE_ID,
    startedAt,
    trigger: str(doc.trigger) ?? 'unknown',
    route,
    routeVerified: verdict.routeVerified === true,
    tone: str(isObject(doc.outcome) ? doc.outcome.tone : null) ?? 'unknown',
    missingRules: [...new Set(missing.map((m) => (isObject(m) ? str(m.ruleId) : null)).filter((r): r is string => r !== null))].sort(),
    causes: [...causes].sort(),
    extensionVersion: str(env.extensionVersion) ?? 'unknown',
    schema: str(doc.schema) ?? 'unknown',
  };
}

export type Change = 'worse' | 'better' | 'same' | 'changed' | 'new';

/** How `now` compares with `before`: the route's rank first, then the missing rules. */
export function compare(before: FleetReport | null, now: FleetReport): { change: Change; added: string[]; removed: string[] } {
  if (!before) return { change: 'new', added: now.missingRules, removed: [] };
  const added = now.missingRules.filter((r) => !before.missingRules.includes(r));
  const removed = before.missingRules.filter((r) => !now.missingRules.includes(r));
  const [a, b] = [routeRank(before.route), routeRank(now.route)];
  if (a !== null && b !== null && a !== b) return { change: b > a ? 'worse' : 'better', added, removed };
  if (added.length > 0 && removed.length === 0) return { change: 'worse', added, removed };
  if (removed.length > 0 && added.length === 0) return { change: 'better', added, removed };
  if (added.length > 0 || before.route !== now.route) return { change: 'changed', added, removed };
  return { change: 'same', added, removed };
}

export interface SiteSummary {
  site: string;
  reports: number;
  devices: number;
  /**
   * The site now: the worst of its devices' latest reports, so a device that
   * passes cannot hide a classroom that fails.
   */
  latest: FleetReport;
  /** The site a week before `now`, the same way (the worst of each device's latest report by then); null without one. */
  weekBefore: FleetReport | null;
  change: Change;
  addedRules: string[];
  removedRules: string[];
  /** Every report of the site, oldest first: the time line (one line per device). */
  timeline: { at: number; route: string; device: string; id: string }[];
  /** When the latest report of the site came in (any device). */
  lastReportAt: number;
}

export interface DeviceSummary {
  site: string;
  device: string;
  label: string;
  reports: number;
  latest: FleetReport;
  /** No report within twice the schedule before `now` (never for NO_DEVICE_ID: it is many devices). */
  silent: boolean;
}

export interface Ranked {
  name: string;
  /** Reports that have it. */
  reports: number;
  sites: string[];
}

export interface Regression {
  site: string;
  device: string;
  deviceLabel: string;
  /** The last report before `since` (the baseline). */
  before: FleetReport;
  /** The first report from `since` on that is worse than the baseline. */
  first: FleetReport;
  routeWorse: boolean;
  addedRules: string[];
}

export interface FleetSummary {
  now: number;
  since: number | null;
  scheduleMs: number;
  reports: number;
  sites: SiteSummary[];
  /** Worst first. */
  devices: DeviceSummary[];
  missingRules: Ranked[];
  causes: Ranked[];
  /** Only when `since` is given. */
  regressions: Regression[];
  /** Where the recent window of `suspects` begins: `since`, or twice the schedule before `now`. */
  windowStart: number;
  /** Records that look forged (src/fleet/suspect.ts): flags for a person to look at, not proof. */
  suspects: Suspect[];
}

export const WEEK_MS = 7 * 24 * 3600_000;

/** Worse first: no route, then by route rank, missing rules, a non-good outcome. */
function badness(r: FleetReport): number {
  const rank = routeRank(r.route);
  const tone = { bad: 3, limited: 2, untested: 1, slow: 1 }[r.tone] ?? 0;
  return (rank ?? 2.5) * 1000 + r.missingRules.length * 10 + tone;
}

/** The worst of each device's latest report at or before `at`; null when no device had reported by then. */
function worstState(list: FleetReport[], at: number): FleetReport | null {
  const latest = new Map<string, FleetReport>();
  for (const r of list) if (r.startedAt <= at) latest.set(r.device, r);
  return [...latest.values()].sort((a, b) => badness(b) - badness(a) || b.startedAt - a.startedAt)[0] ?? null;
}

function ranked(rows: FleetReport[], pick: (r: FleetReport) => string[]): Ranked[] {
  const by = new Map<string, { reports: number; sites: Set<string> }>();
  for (const r of rows)
    for (const name of pick(r)) {
      const e = by.get(name) ?? { reports: 0, sites: new Set<string>() };
      e.reports++;
      e.sites.add(r.site);
      by.set(name, e);
    }
  return [...by]
    .map(([name, e]) => ({ name, reports: e.reports, sites: [...e.sites].sort() }))
    .sort((a, b) => b.reports - a.reports || b.sites.length - a.sites.length || a.name.localeCompare(b.name));
}

/** `rows` by `key`, each list in the order of `rows`. */
export function groupBy<K>(rows: FleetReport[], key: (r: FleetReport) => K): Map<K, FleetReport[]> {
  const map = new Map<K, FleetReport[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    // Pushed, not copied: a copy per row is quadratic in a site's reports.
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/**
 * The fleet view over `rows` (any order; a report id seen twice, as a record
 * the extension had to send again, counts once). `now` and `since` in ms;
 * `scheduleMs`: how often devices are meant to report (the policy's
 * runEveryMinutes). Reports after `now` are ignored.
 */
export function summarize(rows: FleetReport[], options: { now: number; since?: number | null; scheduleMs: number }): FleetSummary {
  const { now, scheduleMs } = options;
  const since = options.since ?? null;
  const unique = [...new Map(rows.filter((r) => r.startedAt <= now).map((r) => [r.id, r])).values()].sort(
    (a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id),
  );
  const sites: SiteSummary[] = [...groupBy(unique, (r) => r.site)]
    .map(([site, list]) => {
      const latest = worstState(list, now)!;
      const weekBefore = worstState(list, now - WEEK_MS);
      const { change, added, removed } = compare(weekBefore, latest);
      return {
        site,
        reports: list.length,
        devices: new Set(list.map((r) => r.device)).size,
        latest,
        weekBefore,
        change,
        addedRules: added,
        removedRules: removed,
        timeline: list.map((r) => ({ at: r.startedAt, route: r.route, device: r.deviceLabel, id: r.id })),
        lastReportAt: list[list.length - 1]!.startedAt,
      };
    })
    .sort((a, b) => a.site.localeCompare(b.site));
  const devices: DeviceSummary[] = [...groupBy(unique, (r) => `${r.site}\u0000${r.device}`).values()]
    .map((list) => {
      const latest = list[list.length - 1]!;
      return {
        site: latest.site,
        device: latest.device,
        label: latest.deviceLabel,
        reports: list.length,
        latest,
        silent: latest.device !== NO_DEVICE_ID && now - latest.startedAt > 2 * scheduleMs,
      };
    })
    .sort(
      (a, b) => badness(b.latest) - badness(a.latest) || Number(b.silent) - Number(a.silent) || a.site.localeCompare(b.site) || a.label.localeCompare(b.label),
    );
  const regressions: Regression[] = [];
  if (since !== null) {
    for (const list of groupBy(unique, (r) => `${r.site}\u0000${r.device}`).values()) {
      const before = list.filter((r) => r.startedAt < since).pop();
      if (!before) continue;
      for (const r of list.filter((x) => x.startedAt >= since)) {
        const { change, added } = compare(before, r);
        const [a, b] = [routeRank(before.route), routeRank(r.route)];
        const routeWorse = a !== null && b !== null && b > a;
        if (routeWorse || (change !== 'better' && added.length > 0)) {
          regressions.push({ site: r.site, device: r.device, deviceLabel: r.deviceLabel, before, first: r, routeWorse, addedRules: added });
          break;
        }
      }
    }
    regressions.sort((a, b) => a.first.startedAt - b.first.startedAt || a.site.localeCompare(b.site));
  }
  const windowStart = since ?? now - 2 * scheduleMs;
  return {
    now,
    since,
    scheduleMs,
    reports: unique.length,
    sites,
    devices,
    missingRules: ranked(unique, (r) => r.missingRules),
    causes: ranked(unique, (r) => r.causes),
    regressions,
    windowStart,
    suspects: suspectRecords(unique, { now, windowStart }),
  };
}

/**
 * `--since` / `--schedule` values: a duration (`90m`, `24h`, `7d`, `2w`) in ms.
 * Null when the text is not one.
 */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(m|min|h|d|w)$/i.exec(text.trim());
  if (!m) return null;
  const unit = { m: 60_000, min: 60_000, h: 3600_000, d: 86_400_000, w: WEEK_MS }[m[2]!.toLowerCase() as 'm']!;
  const ms = Number(m[1]) * unit;
  return ms > 0 ? ms : null;
}
