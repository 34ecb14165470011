import { inEnglish } from '../i18n/english';
import { phrase } from '../i18n/phrase';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../profile/types';
import { causeContext, causeFindingOf, causeOf } from './cause';
import { adviseRules, withBrowserPolicyNote, type CausedCheck } from './missing-rules';
import { planChecks } from './plan';
import { checkResult, untestableResult } from './result';
import type { CheckOutcome, CheckResult } from './types';
import { fetchCheckResult } from './web-results';

const profile: Profile = {
  id: 'p',
  name: 'P',
  version: '1',
  rules: [
    {
      id: 'turn',
      kind: 'turn',
      purpose: 'Media relay',
      required: true,
      noInspection: true,
      urls: ['turn:t.example.org?transport=tcp', 'turns:t.example.org:443'],
    },
    { id: 'media', kind: 'udp', purpose: 'Media', required: true, noInspection: false, hosts: ['*.example.org'], ports: ['49152-65535'] },
  ],
};
const plan = planChecks(profile);

function results(outcomes: Record<string, CheckOutcome>): CausedCheck[] {
  const raw: CheckResult[] = plan.flatMap((check) =>
    check.type === 'untestable' ? [untestableResult(check)] : check.type === 'ice' ? check.targets.map((t) => checkResult(t, outcomes[t.checkId]!, 50)) : [],
  );
  const context = causeContext(raw, false);
  return raw.map((c) => ({ ...c, cause: causeOf(c, context) }));
}

const pass: CheckOutcome = { status: 'pass', reason: null, detail: phrase('detail_relay_allocated', { transport: 'TLS', address: '203.0.113.9:49200' }) };
const timeout: CheckOutcome = { status: 'fail', reason: 'timeout', detail: phrase('detail_no_answer_within', { seconds: '5 s' }) };
const challenged: CheckOutcome = { status: 'warn', reason: 'auth-401', detail: phrase('detail_auth_challenge', { transport: 'TLS' }) };

describe('adviseRules', () => {
  it('lists only the failed targets of a rule, with paste-ready text', () => {
    const { missingRules } = adviseRules(profile, plan, results({ 'turn#1': pass, 'turn#2': timeout }));
    expect(missingRules).toEqual([
      {
        ruleId: 'turn',
        purpose: 'Media relay',
        required: true,
        noInspection: true,
        cause: 'firewall',
        checkIds: ['turn#2'],
        findings: [phrase('check_target_detail', { target: 'turns:t.example.org:443', detail: timeout.detail })],
        firewall: [{ direction: 'outbound', protocol: 'TCP', ports: '443', destinations: ['t.example.org'], service: 'TURN over TLS' }],
        lines: [expect.objectContaining({ code: 'fw_advice_no_inspection' })],
        text: 'Allow outbound TCP to t.example.org port 443 (TURN over TLS): Media relay. Exclude from SSL inspection.',
      },
    ]);
  });

  it('does not call a reachable server (warn) missing', () => {
    expect(adviseRules(profile, plan, results({ 'turn#1': challenged, 'turn#2': challenged })).missingRules).toEqual([]);
  });

  it('lists untestable rules apart, as "verify on your firewall"', () => {
    const { verifyRules, missingRules } = adviseRules(profile, plan, results({ 'turn#1': pass, 'turn#2': pass }));
    expect(missingRules).toEqual([]);
    expect(verifyRules.map((r) => r.text)).toEqual(['Allow outbound UDP to *.example.org ports 49152-65535: Media.']);
  });

  it('puts rejected TURN credentials in their own section, not among the firewall rules', () => {
    const rejected: CheckOutcome = { status: 'fail', reason: 'auth-401', detail: phrase('detail_auth_rejected', { transport: 'TCP' }) };
    const { missingRules, otherCauses } = adviseRules(profile, plan, results({ 'turn#1': rejected, 'turn#2': rejected }));
    expect(missingRules).toEqual([]);
    expect(otherCauses.map((s) => [s.cause, s.rules.map((r) => r.ruleId)])).toEqual([['relay-credentials', ['turn']]]);
    expect(otherCauses[0]!.text).toMatch(
      /^The TURN server turn:t\.example\.org\?transport=tcp answered and refused the login \(401\) for Media relay: .*turnCredentials/m,
    );
    expect(otherCauses[0]!.text).not.toMatch(/Allow outbound/);
  });

  it('asks the DNS admin, the proxy admin and the firewall admin each for their own fix', () => {
    const dns: CheckOutcome = { status: 'fail', reason: 'dns', detail: phrase('detail_server_dns') };
    const proxyAuth: CheckOutcome = { status: 'fail', reason: 'proxy-auth', detail: phrase('detail_proxy_auth') };
    const { missingRules, otherCauses } = adviseRules(profile, plan, results({ 'turn#1': dns, 'turn#2': proxyAuth }));
    expect(missingRules).toEqual([]);
    expect(otherCauses.map((s) => s.cause)).toEqual(['proxy', 'dns-filter']);
    expect(otherCauses[0]!.text).toBe(
      'Exempt from proxy authentication: t.example.org port 443 (TURN over TLS): Media relay. (WebRTC and background requests cannot log in to a proxy.)',
    );
    expect(otherCauses[1]!.text).toMatch(/^Let the DNS resolver answer for t\.example\.org /);
  });

  it('adds a browser policy that binds web apps to the this-device section, and nothing when it binds none', () => {
    const policy = { limitsWebApps: true, value: 'disable_non_proxied_udp', note: phrase('webrtc_ip_disable_non_proxied_udp') };
    expect(withBrowserPolicyNote([], { ...policy, limitsWebApps: false })).toEqual([]);
    const [device] = withBrowserPolicyNote([], policy);
    expect(device).toMatchObject({ cause: 'this-device', rules: [] });
    expect(device!.notes.map(inEnglish)).toEqual([
      'Browser setting WebRTC IP handling = disable_non_proxied_udp: Web apps cannot send UDP unless a proxy relays it: direct calls, hole punching and relay over UDP are not available to them, only relay over TCP or TLS. ' +
        "Change it (WebRtcIPHandling policy or the extension that sets it) if the vendor's web app needs these routes.",
    ]);
    expect(device!.text).toBe(`On this device: ${inEnglish(device!.notes[0]!)}`);
  });
});

describe('a block page in words', () => {
  it('says the name resolved to a server with a certificate for another name, never that the DNS gave no address', () => {
    const webProfile: Profile = {
      id: 'w',
      name: 'W',
      version: '1',
      rules: [
        { id: 'app', kind: 'https', purpose: 'Web app', required: true, noInspection: false, url: 'https://app.example.com/' },
        { id: 'api', kind: 'https', purpose: 'API', required: true, noInspection: false, url: 'https://api.example.com/' },
      ],
    };
    const webPlan = planChecks(webProfile);
    const raw = webPlan.flatMap((check) =>
      check.type === 'fetch'
        ? [fetchCheckResult(check, { httpStatus: null, netError: 'net::ERR_CERT_COMMON_NAME_INVALID', timedOut: false, durationMs: 40 })]
        : [],
    );
    const context = causeContext(raw, false);
    const caused: CausedCheck[] = raw.map((c) => {
      const finding = causeFindingOf(c, context)!;
      return { ...c, cause: finding.cause, causeRow: finding.row };
    });
    expect(caused.map((c) => c.causeRow)).toEqual(['dns-filter.block-page', 'dns-filter.block-page']);
    const { otherCauses } = adviseRules(webProfile, webPlan, caused);
    const text = otherCauses.map((s) => s.text).join('\n');
    expect(text).toContain(
      'Let the content filter pass app.example.com (behind a captive portal: sign in to it): a server answered for it with a certificate for another name',
    );
    expect(text).not.toMatch(/gave no address/);
  });
});
