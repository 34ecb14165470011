import { planChecks } from '../../src/checks/plan';
import type { Profile, ProfileError } from '../../src/profile/types';
import { buildReport } from '../../src/report/build';
import { fitReport } from '../../src/report/fit';
import type { Report, RunTrigger } from '../../src/report/types';
import type { RunProgress } from '../../src/contract/progress';
import { readEnvironment } from './environment';
import { broadcast } from './progress-ports';
import { runChecks } from './run-checks';
import { loopbackCalls } from './loopback-calls';
import { saveReport } from './report-store';
import { queueWrite } from './pending-writes';
import { platform } from '#platform';
import { showBadge } from '../badge/badge';
import { sendToCollector } from '../fleet/sender';

export interface RunRequest {
  profile: Profile;
  /** Problems the validator found and dropped; they travel into the report. */
  profileErrors: ProfileError[];
  region?: string;
  /** Region and options as chosen, quoted in the report. */
  choices?: Record<string, string>;
  deadlineMs: number;
  /** Who started the run; automation when a message named the profile. */
  trigger?: RunTrigger;
}

let active: Promise<Report> | null = null;

/**
 * Starts a run, or joins the one already running: a second click, a second
 * popup or an automation call while checks are out all get the same report.
 * The report is written once, whole, at the end, so a service worker stopped
 * mid-run leaves the previous report in place rather than half of a new one.
 */
export function startRun(request: RunRequest): Promise<Report> {
  active ??= execute(request)
    .catch((err: unknown) => {
      // Open popups must not keep showing a run that will never finish.
      broadcast({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
      throw err;
    })
    .finally(() => {
      active = null;
    });
  return active;
}

async function execute(request: RunRequest): Promise<Report> {
  const startedAt = new Date();
  const started = performance.now();
  const plan = planChecks(request.profile, { region: request.region, deadlineMs: request.deadlineMs });
  const progress: RunProgress = {
    runId: crypto.randomUUID(),
    profileId: request.profile.id,
    startedAt: startedAt.toISOString(),
    total: 0,
    done: [],
  };
  // Read while the checks run: nothing in it depends on them, and it is on the path to the verdict.
  const environment = readEnvironment();
  // Data through the routes that allocated (what gathering only suggests), each call started as soon as its relay is there.
  const calls = loopbackCalls(plan);
  const evidence = await runChecks(plan, (result, _done, total) => {
    progress.total = total;
    progress.done.push(result);
    broadcast({ type: 'progress', progress: { ...progress, done: [...progress.done] } });
    if (result.kind === 'turn' && result.status === 'pass') calls.consider(progress.done);
  });
  const loopbacks = await calls.finish(evidence.results);
  // Cut to what storage can keep before anyone sees it: the reply, the popup and storage all hold the same report.
  const report = fitReport(
    buildReport({
      id: progress.runId,
      trigger: request.trigger ?? 'automation',
      choices: request.choices ?? (request.region ? { region: request.region } : {}),
      redaction: { ipAddresses: false },
      profile: request.profile,
      plan,
      profileErrors: request.profileErrors,
      region: request.region ?? null,
      deadlineMs: request.deadlineMs,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - started),
      environment: await environment,
      checks: evidence.results,
      gatherings: evidence.gatherings,
      loopbacks,
      certificatesVisible: platform.securityInfo !== null,
    }),
  );
  // The caller and open popups get the report now; the write follows, and readers of stored reports wait for it.
  const stored = queueWrite(() => saveReport(report)).catch((err: unknown) =>
    console.error('The report could not be stored:', err instanceof Error ? err.message : String(err)),
  );
  // Written or not, the stored report is no longer the one the popup's copy shows.
  void stored.finally(() => platform.forgetPopupCopy());
  // The badge is a convenience: a failure to set it must not lose the report.
  void stored.then(() => showBadge(report)).catch(() => undefined);
  // Sending follows storing and never holds up the run, the badge or a reader of the report.
  void stored.then(() => sendToCollector(report)).catch(() => undefined);
  broadcast({ type: 'finished', report });
  return report;
}
