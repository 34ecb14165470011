import { inEnglish } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import example from '../../test/fixtures/profiles/example.json';
import { validateProfile } from '../profile/validate';
import type { Profile } from '../profile/types';
import { BROWSER_BLOCKED_PORTS } from './blocked-ports';
import { MAX_PEER_CONNECTIONS_PER_RUN, PLACEHOLDER_CREDENTIALS, planChecks, plannedTargets, STUN_BATCH_ID } from './plan';
import type { PlannedCheck, PlannedFetchCheck, PlannedIceCheck, PlannedUntestable } from './types';

const profile = validateProfile(example).profile as Profile;
const byId = (plan: PlannedCheck[], id: string) => plannedTargets(plan).find((t) => t.checkId === id);
const single = <T extends PlannedCheck>(plan: PlannedCheck[], id: string) => plan.find((c) => c.type !== 'ice' && c.checkId === id) as T;

describe('planChecks', () => {
  const plan = planChecks(profile, { region: 'eu', deadlineMs: 4_000 });

  it('asks every STUN server in one batch connection (NAT mapping, host candidates) that yields no result of its own', () => {
    const batch = plan[0] as PlannedIceCheck;
    expect(batch).toMatchObject({ type: 'ice', id: STUN_BATCH_ID, role: 'stun-batch', deadlineMs: 4_000, targets: [] });
    expect(batch.iceServers).toEqual([{ urls: ['stun:stun1.senso.cloud:3478', 'stun:stun2.senso.cloud:19302'] }]);
    expect(plan.filter((c) => c.type === 'ice' && c.role === 'stun-batch')).toHaveLength(1);
  });

  it('asks each STUN server again in a connection of its own, one result each, so that silence is unambiguous', () => {
    const stuns = plan.filter((c): c is PlannedIceCheck => c.type === 'ice' && c.role === 'stun');
    expect(stuns.map((c) => [c.id, c.targets.map((t) => t.checkId), c.iceServers])).toEqual([
      ['stun#1', ['stun#1'], [{ urls: ['stun:stun1.senso.cloud:3478'] }]],
      ['stun#2', ['stun#2'], [{ urls: ['stun:stun2.senso.cloud:19302'] }]],
    ]);
  });

  it('plans the local gathering (no ICE server) even for a profile without STUN/TURN, so host candidates are always gathered', () => {
    const rule = { id: 'web', kind: 'https' as const, purpose: 'x', required: true, noInspection: false, url: 'https://a.example/' };
    const [first] = planChecks({ ...profile, rules: [rule] });
    expect(first).toMatchObject({ type: 'ice', role: 'stun-batch', iceServers: [], targets: [] });
  });

  it(`stops at ${MAX_PEER_CONNECTIONS_PER_RUN} peer connections a run: the rest are not run, as our limit, never as a network failure`, () => {
    const urls = Array.from({ length: 150 }, (_, i) => `turn:t${i}.example.org:3478?transport=udp`);
    const big = planChecks({ ...profile, rules: [{ id: 'many', kind: 'turn', purpose: 'x', required: true, noInspection: false, urls }] });
    expect(big.filter((c) => c.type === 'ice')).toHaveLength(MAX_PEER_CONNECTIONS_PER_RUN);
    const skipped = big.filter((c): c is PlannedUntestable => c.type === 'untestable');
    expect(skipped).toHaveLength(150 - (MAX_PEER_CONNECTIONS_PER_RUN - 1));
    expect(skipped[0]!.outcome).toMatchObject({ status: 'error', reason: 'setup' });
  });

  it('asks each TURN URL in its own peer connection, with the profile credentials', () => {
    const turns = plan.filter((c): c is PlannedIceCheck => c.type === 'ice' && c.role === 'turn');
    expect(turns.map((c) => [c.id, c.targets[0]!.transport])).toEqual([
      ['turn-eu#1', 'udp'],
      ['turn-eu#2', 'tcp'],
      ['turn-eu#3', 'tls'],
    ]);
    expect(turns[0]!.iceServers).toEqual([{ urls: ['turn:turn-eu.senso.cloud:3478?transport=udp'], username: 'demo-user', credential: 'demo-secret-123' }]);
    expect(turns[0]!.targets[0]!.hasCredentials).toBe(true);
  });

  it('gives a TURN server without credentials a placeholder pair, so that it answers 401', () => {
    const na = planChecks(profile, { region: 'na' }).find((c): c is PlannedIceCheck => c.type === 'ice' && c.id === 'turn-na#1')!;
    expect(na.iceServers[0]).toMatchObject(PLACEHOLDER_CREDENTIALS);
    expect(na.targets[0]!.hasCredentials).toBe(false);
    expect(na.deadlineMs).toBe(5_000);
  });

  it('keeps regional rules out unless their region is chosen', () => {
    const ids = (region?: string) => plannedTargets(planChecks(profile, region ? { region } : {})).map((t) => t.ruleId);
    expect(ids('eu')).toContain('turn-eu');
    expect(ids('eu')).not.toContain('turn-na');
    expect(ids()).not.toContain('turn-eu');
    expect(ids()).toContain('web-app');
  });

  it('plans fetch checks for https rules and WebSocket checks for wss rules', () => {
    expect(plan.find((c) => c.type === 'fetch' && c.ruleId === 'web-app')).toMatchObject({ url: 'https://app.senso.cloud/', note: null });
    expect(plan.find((c) => c.type === 'wss')).toMatchObject({ checkId: 'signalling#1', url: 'wss://signal.senso.cloud/ws' });
  });

  it('probes a tcp/443 rule through its probe host, and says so', () => {
    expect(byId(plan, 'web-tcp#1')).toMatchObject({ type: 'fetch', url: 'https://media.senso.cloud/', target: 'media.senso.cloud:443' });
    expect(inEnglish(single<PlannedFetchCheck>(plan, 'web-tcp#1').note!)).toMatch(/HTTPS request to media\.senso\.cloud/);
  });

  it('marks raw UDP, SIP and push ports untestable, each with its reason', () => {
    expect(byId(plan, 'relay-ports#1')).toMatchObject({ type: 'untestable', outcome: { status: 'untestable', reason: 'raw-udp' } });
    expect(byId(plan, 'sip#1')).toMatchObject({ type: 'untestable', outcome: { reason: 'unsafe-port' } });
    expect(byId(plan, 'push#1')).toMatchObject({ type: 'untestable', outcome: { reason: 'raw-tcp' } });
    expect(inEnglish(single<PlannedUntestable>(plan, 'push#1').outcome.detail)).toMatch(/Firebase Cloud Messaging/);
  });

  it('marks STUN/TURN URLs on blocked ports untestable instead of waiting for them', () => {
    const rule = { id: 'sip-turn', kind: 'turn' as const, purpose: 'x', required: true, noInspection: false, urls: ['turn:t.example.org:5060?transport=tcp'] };
    const [, check] = planChecks({ ...profile, rules: [rule] });
    expect(check).toMatchObject({ type: 'untestable', checkId: 'sip-turn#1', outcome: { reason: 'unsafe-port' } });
  });

  it('says why a tcp/443 rule with only a wildcard is untestable', () => {
    const rule = { id: 'w', kind: 'tcp' as const, purpose: 'x', required: true, noInspection: false, hosts: ['*.example.org'], ports: [443] as [number] };
    expect(planChecks({ ...profile, rules: [rule] })[1]).toMatchObject({ outcome: { reason: 'no-probe-host' } });
  });

  it('attaches to every check the firewall rule it stands for', () => {
    expect(byId(plan, 'turn-eu#3')!.firewall).toEqual({
      direction: 'outbound',
      protocol: 'TCP',
      ports: '443',
      destinations: ['turn-eu.senso.cloud'],
      service: 'TURN over TLS',
    });
    expect(byId(plan, 'relay-ports#1')!.firewall).toMatchObject({ protocol: 'UDP', ports: '49152-65535', destinations: ['*.senso.cloud'] });
  });

  it('knows the browser blocked-port list', () => {
    for (const port of [5060, 5061, 6000, 6665, 10080]) expect(BROWSER_BLOCKED_PORTS.has(port)).toBe(true);
    expect(BROWSER_BLOCKED_PORTS.has(3478)).toBe(false);
    expect(BROWSER_BLOCKED_PORTS.has(443)).toBe(false);
  });
});
