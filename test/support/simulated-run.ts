/**
 * A run without a browser: a profile's plan with one of a few fixed outcomes
 * per check (real candidate lines and error texts from chrome-156.json), built
 * into a report by the product's own buildReport. For tests that feed many
 * profiles through the report and its renderers (fuzzing, hostile input).
 */
import { iceCheckResults } from '../../src/checks/ice-results';
import { planChecks } from '../../src/checks/plan';
import { untestableResult } from '../../src/checks/result';
import type { CheckResult, PlannedIceCheck } from '../../src/checks/types';
import { fetchCheckResult, webSocketCheckResult } from '../../src/checks/web-results';
import type { GatherResult } from '../../src/ice/types';
import type { Profile, ProfileError } from '../../src/profile/types';
import { buildReport, type Gathering } from '../../src/report/build';
import type { Environment, Report } from '../../src/report/types';
import { LAB_ENVIRONMENT } from '../fixtures/environment';
import { candidate, errorTexts, gather, iceError, lines } from '../fixtures/gather';

/** `outcome` picks what every check of the run sees: 0 all answer, 1 all silent, 2 refused / setup failures. */
export function simulatedReport(
  profile: Profile,
  options: { errors?: ProfileError[]; outcome?: 0 | 1 | 2; environment?: Environment; region?: string } = {},
): Report {
  const outcome = options.outcome ?? 0;
  const plan = planChecks(profile, { deadlineMs: 2_000, ...(options.region === undefined ? {} : { region: options.region }) });
  const gatherings: Gathering[] = [];
  const ice = (check: PlannedIceCheck): GatherResult => {
    const url = check.targets[0]?.target ?? 'stun:stun.example.org';
    if (outcome === 1)
      return gather({ gatheringComplete: false, deadlineReached: true, durationMs: 2_000, errors: [iceError(errorTexts.unauthorized, url, 1_900)] });
    if (outcome === 2) return gather({ candidates: [], setupError: 'InvalidAccessError: simulated setup failure' });
    return gather({ candidates: [candidate(lines.hostUdp), candidate(lines.srflx, url)] });
  };
  const checks: CheckResult[] = plan.flatMap((check): CheckResult[] => {
    switch (check.type) {
      case 'ice': {
        const result = ice(check);
        gatherings.push({ check, result });
        return iceCheckResults(check, result);
      }
      case 'fetch':
        return [
          fetchCheckResult(
            check,
            outcome === 0
              ? { httpStatus: 200, netError: null, timedOut: false, durationMs: 40 }
              : { httpStatus: null, netError: 'net::ERR_CONNECTION_REFUSED', timedOut: false, durationMs: 3 },
          ),
        ];
      case 'wss':
        return [
          webSocketCheckResult(check, {
            opened: outcome === 0,
            httpStatus: null,
            netError: outcome === 0 ? null : 'net::ERR_FAILED',
            timedOut: false,
            durationMs: 5,
          }),
        ];
      case 'untestable':
        return [untestableResult(check)];
    }
  });
  return buildReport({
    id: 'simulated-run',
    trigger: 'automation',
    choices: {},
    redaction: { ipAddresses: false },
    profile,
    plan,
    profileErrors: options.errors ?? [],
    region: options.region ?? null,
    deadlineMs: 2_000,
    startedAt: '2026-01-05T08:00:00.000Z',
    durationMs: 2_100,
    environment: options.environment ?? LAB_ENVIRONMENT,
    checks,
    gatherings,
  });
}
