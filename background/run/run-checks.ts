import { iceCheckResults } from '../../src/checks/ice-results';
import { untestableResult } from '../../src/checks/result';
import type { CheckResult, PlannedCheck, PlannedIceCheck, PlannedWebSocketCheck } from '../../src/checks/types';
import type { FetchEvidence } from '../../src/checks/evidence';
import type { GatherResult } from '../../src/ice/types';
import { gatherReportingDocument } from '../gather-run';
import { platform } from '#platform';
import { probeFetch } from '../probes/fetch-probe';
import { probeWebSocket } from '../probes/websocket-probe';
import { fetchResult, webSocketResult } from '../../src/checks/web-evidence';
import { localProbe } from '../../src/profile/local-targets';

export interface IceGathering {
  check: PlannedIceCheck;
  result: GatherResult;
}

export interface RunEvidence {
  results: CheckResult[];
  gatherings: IceGathering[];
}

/** A one-server connection has its proof with the first candidate of this type (see OffscreenGatherRequest). */
const FINISH_ON: Record<PlannedIceCheck['role'], 'srflx' | 'relay' | undefined> = { 'stun-batch': undefined, stun: 'srflx', turn: 'relay' };

/** Called as each check finishes, so the popup can tick it off while the run goes on. */
export type OnCheckDone = (result: CheckResult, done: number, total: number) => void;

/** How many results a plan yields: an ICE check gives one per server it asks. */
export function expectedResults(plan: PlannedCheck[]): number {
  return plan.reduce((n, check) => n + (check.type === 'ice' ? check.targets.length : 1), 0);
}

/** The origin of a wss: URL as https:, probed beside the socket to explain its failure. */
function sameOriginHttps(check: PlannedWebSocketCheck): string | null {
  try {
    const u = new URL(check.url);
    return `https://${u.host}/`;
  } catch {
    return null;
  }
}

/**
 * Runs every planned check at once (each has its own deadline, so the run
 * ends within one deadline plus overhead, two when a check had to be retried
 * in a fresh offscreen document) and reports each as it finishes.
 */
export async function runChecks(plan: PlannedCheck[], onDone: OnCheckDone): Promise<RunEvidence> {
  const total = expectedResults(plan);
  // One request per URL and run: a wss check's same-origin probe often is an https rule's URL too.
  const fetches = new Map<string, Promise<FetchEvidence>>();
  const fetchOnce = (url: string, deadlineMs: number) => {
    let pending = fetches.get(url);
    if (!pending) fetches.set(url, (pending = probeFetch(url, deadlineMs)));
    return pending;
  };
  const results: CheckResult[] = [];
  const gatherings: IceGathering[] = [];
  // A check whose offscreen document failed (did not start, died, never answered) is
  // tried once more in a fresh document, shared by every such check of this run. A
  // server the browser refuses is not retried: a new document would refuse it too, and
  // recreating it would cut every other gathering of the run short.
  let freshDocument: Promise<void> | null = null;
  const gatherOnce = async (check: PlannedIceCheck): Promise<GatherResult> => {
    const finishOn = FINISH_ON[check.role];
    const first = await gatherReportingDocument(check.iceServers, check.deadlineMs, finishOn);
    if (!first.documentFailed) return first.result;
    freshDocument ??= platform.webrtc.reset().catch(() => undefined);
    await freshDocument;
    const second = await gatherReportingDocument(check.iceServers, check.deadlineMs, finishOn);
    return second.result.setupError === null ? second.result : { ...second.result, setupError: `${second.result.setupError} (tried twice)` };
  };
  const done = (...finished: CheckResult[]) => {
    for (const r of finished) {
      results.push(r);
      onDone(r, results.length, total);
    }
  };

  await Promise.all(
    plan.map(async (check) => {
      switch (check.type) {
        case 'untestable':
          return done(untestableResult(check));
        case 'ice': {
          const result = await gatherOnce(check);
          gatherings.push({ check, result });
          return done(...iceCheckResults(check, result));
        }
        case 'fetch': {
          // A host in the user's own network: its origin only, never a path the profile names.
          const probe = localProbe(check);
          return done(fetchResult(probe, await fetchOnce(probe.url, check.deadlineMs)));
        }
        case 'wss': {
          const httpsUrl = sameOriginHttps(check);
          const [socket, https] = await Promise.all([
            probeWebSocket(localProbe(check).url, check.deadlineMs),
            httpsUrl ? fetchOnce(httpsUrl, check.deadlineMs) : Promise.resolve(null),
          ]);
          return done(webSocketResult(check, socket, https));
        }
      }
    }),
  );
  // Report order follows the plan, not the finishing order. Evidence across
  // checks (a proxy's 407, a name that did not resolve) is weighed in buildReport.
  const order = new Map(plan.flatMap((c) => (c.type === 'ice' ? c.targets.map((t) => t.checkId) : [c.checkId])).map((id, i) => [id, i]));
  results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { results, gatherings };
}
