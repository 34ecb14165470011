import { inEnglish } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { LAB_ENVIRONMENT } from '../../test/fixtures/environment';
import example from '../../test/fixtures/profiles/example.json';
import { candidate, cutByDeadline, errorTexts, gather, iceError, lines } from '../../test/fixtures/gather';
import { iceCheckResults } from '../checks/ice-results';
import { planChecks } from '../checks/plan';
import { untestableResult } from '../checks/result';
import type { CheckResult, PlannedIceCheck } from '../checks/types';
import { fetchCheckResult, webSocketCheckResult } from '../checks/web-results';
import type { GatherResult } from '../ice/types';
import type { Profile } from '../profile/types';
import { validateProfile } from '../profile/validate';
import { buildReport, type Gathering, type ReportInput } from './build';
import { REDACTED } from './redact';
import { validateReport } from '../../test/fixtures/schemas';

const profile = validateProfile(example).profile as Profile;
const environment = LAB_ENVIRONMENT;

/**
 * A school network seen through the example profile (region eu): STUN works
 * (one mapping), TURN/UDP allocates, TURN/TCP rejects the credentials, TURNS is
 * refused, the web app answers, the signalling host does not resolve.
 */
function schoolRun(overrides: Partial<Record<string, GatherResult>> = {}): ReportInput {
  const plan = planChecks(profile, { region: 'eu', deadlineMs: 5_000 });
  const gatherFor: Record<string, GatherResult> = {
    'stun-batch': gather({ candidates: [candidate(lines.hostUdp), candidate(lines.srflx, 'stun:stun1.senso.cloud:3478')] }),
    // Each STUN server alone in its connection: both give the srflx (same mapping).
    'stun#1': gather({ candidates: [candidate(lines.hostUdp), candidate(lines.srflx, 'stun:stun1.senso.cloud:3478')] }),
    'stun#2': gather({ candidates: [candidate(lines.hostUdp), candidate(lines.srflx, 'stun:stun2.senso.cloud:19302')] }),
    'turn-eu#1': gather({ candidates: [candidate(lines.hostUdp), candidate(lines.relayUdp, 'turn:turn-eu.senso.cloud:3478?transport=udp', 90)] }),
    'turn-eu#2': gather({ errors: [iceError(errorTexts.unauthorized, 'turn:turn-eu.senso.cloud:3478?transport=tcp', 70)] }),
    'turn-eu#3': gather({ errors: [iceError(errorTexts.connectFailed, 'turns:turn-eu.senso.cloud:443?transport=tcp', 60)] }),
    ...overrides,
  };
  const gatherings: Gathering[] = [];
  const checks: CheckResult[] = plan.flatMap((check): CheckResult[] => {
    switch (check.type) {
      case 'ice': {
        const result = gatherFor[check.id]!;
        gatherings.push({ check: check as PlannedIceCheck, result });
        return iceCheckResults(check, result);
      }
      case 'fetch':
        return [
          fetchCheckResult(
            check,
            check.ruleId === 'web-app'
              ? { httpStatus: 200, netError: null, timedOut: false, durationMs: 80 }
              : { httpStatus: null, netError: 'net::ERR_ABORTED', timedOut: true, durationMs: 5_000 },
          ),
        ];
      case 'wss':
        return [webSocketCheckResult(check, { opened: false, httpStatus: null, netError: 'net::ERR_NAME_NOT_RESOLVED', timedOut: false, durationMs: 4 })];
      case 'untestable':
        return [untestableResult(check)];
    }
  });
  return {
    id: 'run-school-1',
    trigger: 'user',
    choices: { region: 'eu' },
    redaction: { ipAddresses: false },
    profile,
    plan,
    profileErrors: [],
    region: 'eu',
    deadlineMs: 5_000,
    startedAt: '2024-09-02T08:00:00.000Z',
    durationMs: 5_120,
    environment,
    checks,
    gatherings: gatherings.reverse(),
  };
}

describe('buildReport', () => {
  const report = buildReport(schoolRun());

  it('matches docs/report.schema.json', () => {
    expect(validateReport(report)).toEqual([]);
  });

  it('is deterministic, whatever order the gatherings finished in', () => {
    const input = schoolRun();
    expect(buildReport({ ...input, gatherings: [...input.gatherings].reverse() })).toEqual(report);
    expect(report.gatherings.map((g) => g.id)).toEqual(['stun-batch', 'stun#1', 'stun#2', 'turn-eu#1', 'turn-eu#2', 'turn-eu#3']);
  });

  it('never contains the profile credentials', () => {
    const json = JSON.stringify(report);
    expect(json).not.toContain('demo-secret-123');
    expect(json).not.toContain('demo-user');
  });

  it('strips a credential that slipped into evidence', () => {
    const leaky = buildReport(schoolRun({ 'turn-eu#3': gather({ setupError: 'bad server demo-user:demo-secret-123' }) }));
    expect(JSON.stringify(leaky)).not.toContain('demo-secret-123');
    expect(leaky.gatherings.find((g) => g.id === 'turn-eu#3')!.setupError).toBe(`bad server ${REDACTED}:${REDACTED}`);
  });

  it('classifies the NAT from the STUN batch and picks the route', () => {
    expect(report.nat).toMatchObject({ mapping: 'endpoint-independent', publicAddresses: ['203.0.113.1'] });
    // The profile names no reference server outside the vendor's: UDP was shown to reach the
    // vendor only, so hole punching is not proven and the proven relay is the route.
    expect(report.verdict).toMatchObject({ route: 'relay-udp', routeVerified: true, lan: 'possible', device: 'online' });
    expect(report.verdict.methods.map((m) => [m.method, m.status, m.rowId])).toEqual([
      ['lan', 'unverified', 'lan.host'],
      ['hole-punching', 'unverified', 'hole-punching.vendor-only'],
      ['relay-udp', 'available', 'relay-udp.allocated'],
      // 401 to the profile's credentials: server and transport reachable, no relay with this login.
      ['relay-tcp', 'unavailable', 'relay-tcp.credentials-rejected'],
      ['relay-tls', 'unavailable', 'relay-tls.failed'],
    ]);
  });

  it('lists candidates and errors with the peer connection they came from', () => {
    expect(report.candidates.filter((c) => c.type === 'relay')).toMatchObject([{ gatheringId: 'turn-eu#1', relayProtocol: 'udp' }]);
    expect(report.iceErrors.map((e) => [e.gatheringId, e.errorCode])).toEqual([
      ['turn-eu#2', 401],
      ['turn-eu#3', 701],
    ]);
  });

  it('lists as missing firewall rules only what the firewall blocked, with paste-ready text', () => {
    // TURN over TLS on 443 refused while the web app answered on 443: the port is let out, so the
    // firewall is not shown (the server, or a filter by destination) and the run asks for nothing.
    expect(report.missingRules).toEqual([]);
    expect(report.checks.find((c) => c.id === 'turn-eu#3')).toMatchObject({ cause: 'unknown', causeRow: 'unknown.undecided', doubt: 'destination-or-server' });
    expect(report.otherCauses.find((s) => s.cause === 'unknown')!.text).toMatch(/Another server answered on this port, so the network lets it out/);
    // TURN over TLS relays and TURN over TCP 3478 is silent, a port nothing answered on: the firewall's signature.
    const tcpSilent = buildReport(
      schoolRun({
        'turn-eu#2': cutByDeadline(),
        'turn-eu#3': gather({ candidates: [candidate(lines.hostUdp), candidate(lines.relayUdp, 'turns:turn-eu.senso.cloud:443?transport=tcp', 90)] }),
      }),
    );
    expect(tcpSilent.missingRules.map((r) => r.ruleId)).toEqual(['turn-eu']);
    expect(tcpSilent.missingRules.every((r) => r.cause === 'firewall')).toBe(true);
    const [turn] = tcpSilent.missingRules;
    expect(turn!.text.split('\n')).toEqual(['Allow outbound TCP to turn-eu.senso.cloud port 3478 (TURN over TCP): Media relay (Europe).']);
    // Its probe host was silent on 443 while the web app answered on 443: a host-level fault
    // (a DNS filter, a dead host, a blocked address), not a port rule, and the run cannot say which.
    expect(report.checks.find((c) => c.ruleId === 'web-tcp')).toMatchObject({ cause: 'unknown', causeRow: 'unknown.undecided', doubt: 'host-silent' });
  });

  it('gives every other cause its own section, addressed to who can fix it', () => {
    expect(report.otherCauses.map((s) => [s.cause, s.rules.map((r) => r.ruleId)])).toEqual([
      ['dns-filter', ['signalling']],
      ['relay-credentials', ['turn-eu']],
      ['unknown', ['turn-eu', 'web-tcp']],
    ]);
    expect(report.otherCauses[0]!.text).toBe(
      "Let the DNS resolver answer for signal.senso.cloud (this network's DNS gave no address; check the DNS or content filter): Call signalling.",
    );
    expect(inEnglish(report.otherCauses[1]!.rules[0]!.findings[0]!)).toMatch(/rejected the profile's credentials/);
    expect(report.checks.find((c) => c.id === 'turn-eu#2')?.cause).toBe('relay-credentials');
    expect(report.checks.find((c) => c.id === 'web-app#1')?.cause).toBeNull();
  });

  it('names the blocked required service in the outcome: calls connect, the app does not', () => {
    expect(report.outcome).toMatchObject({ tone: 'limited', calls: 'relayed', nothingTestable: false });
    expect(report.outcome.blockedServices.map((s) => [s.ruleId, s.cause])).toEqual([['signalling', 'dns-filter']]);
    expect(inEnglish(report.outcome.summary)).toMatch(/^Calls can connect .*, but “Call signalling” is blocked\.$/);
  });

  it('lists what a browser cannot test apart, never as passed', () => {
    expect(report.verifyRules.map((r) => [r.ruleId, r.text])).toEqual([
      ['relay-ports', 'Allow outbound UDP to *.senso.cloud ports 49152-65535: Media between the browser and the relay.'],
      ['sip', 'Allow outbound TCP to sip.senso.cloud, 198.51.100.0/24 ports 5060, 5061: SIP dial-in gateway (optional).'],
      ['push', 'Allow outbound TCP to mtalk.google.com ports 5228-5230: Mobile push notifications (optional).'],
    ]);
    const untested = new Set(report.verifyRules.flatMap((r) => r.checkIds));
    expect(report.checks.filter((c) => untested.has(c.id)).every((c) => c.status === 'untestable')).toBe(true);
  });
});
