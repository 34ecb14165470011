import { describe, expect, it } from 'vitest';
import type { Profile } from '../profile/types';
import { planLoopbacks } from './loopback-plan';
import { planChecks } from './plan';
import type { CheckResult } from './types';
import { attributeUdpSilence } from './udp-silence';
import type { LoopbackResult } from '../ice/loopback';

const creds = { username: 'u', credential: 'secret-c' };
const profile: Profile = {
  id: 'p',
  name: 'p',
  version: '1',
  rules: [
    { id: 'stun', kind: 'stun', purpose: 'x', required: true, noInspection: false, urls: ['stun:203.0.113.10:3478', 'stun:203.0.113.11:19302'] },
    {
      id: 'turn',
      kind: 'turn',
      purpose: 'x',
      required: true,
      noInspection: false,
      urls: ['turn:203.0.113.10:3478?transport=udp', 'turns:t.example.org:443?transport=tcp'],
      ...creds,
    },
    { id: 'turn-nocred', kind: 'turn', purpose: 'x', required: true, noInspection: false, urls: ['turn:203.0.113.11:3478?transport=tcp'] },
  ],
} as Profile;
const plan = planChecks(profile);
const pass = (id: string): CheckResult => ({
  id,
  ruleId: id.split('#')[0]!,
  kind: 'turn',
  target: '',
  transport: 'udp',
  status: 'pass',
  reason: null,
  detail: '',
  durationMs: 1,
});

describe('planLoopbacks', () => {
  it('calls through every transport that allocated with the profile credentials, and from this network to the UDP relay', () => {
    const calls = planLoopbacks(plan, [pass('turn#1'), pass('turn#2'), pass('turn-nocred#1')]);
    expect(calls.map((c) => [c.path, c.transport, c.turnUrl])).toEqual([
      ['relay-relay', 'udp', 'turn:203.0.113.10:3478?transport=udp'],
      ['relay-direct', 'udp', 'turn:203.0.113.10:3478?transport=udp'],
      ['relay-relay', 'tls', 'turns:t.example.org:443?transport=tcp'],
    ]);
    const direct = calls[1]!;
    expect(direct.caller).toMatchObject({ iceTransportPolicy: 'relay', iceServers: [{ urls: ['turn:203.0.113.10:3478?transport=udp'], ...creds }] });
    // The direct end asks the TURN server as a STUN server, with no credentials.
    expect(direct.callee).toEqual({ iceTransportPolicy: 'all', iceServers: [{ urls: ['stun:203.0.113.10:3478'] }] });
  });

  it('makes no call without an allocation or without credentials (a 401 proves no relay)', () => {
    expect(planLoopbacks(plan, [])).toEqual([]);
    // A relay that allocated at once gets the base budget; a slow one six allocations plus a second (callBudgetMs).
    expect(planLoopbacks(plan, [pass('turn#1')]).map((c) => c.budgetMs)).toEqual([2_500, 2_500]);
    expect(planLoopbacks(plan, [{ ...pass('turn#1'), durationMs: 700 }]).map((c) => c.budgetMs)).toEqual([5_200, 5_200]);
    expect(planLoopbacks(plan, [{ ...pass('turn#1'), status: 'warn', reason: 'auth-401' }])).toEqual([]);
  });
});

describe('attributeUdpSilence', () => {
  const silent: CheckResult = {
    id: 'stun#2',
    ruleId: 'stun',
    kind: 'stun',
    target: 'stun:203.0.113.11:19302',
    transport: 'udp',
    status: 'fail',
    reason: 'timeout',
    detail: 'no answer within 2 s',
    durationMs: 2000,
  };
  const direct = (received: number) =>
    ({ path: 'relay-direct', setupError: null, received, selectedPair: { localType: 'relay', localPort: 49170 } }) as unknown as LoopbackResult;

  it('calls a silent UDP server the server once UDP reached a relay port', () => {
    const [check] = attributeUdpSilence([silent], [direct(30)]);
    expect(check).toMatchObject({ status: 'fail', reason: 'server-silent' });
    expect(check!.detail).toMatch(/49170.*likely down/);
  });

  it('leaves silence alone when no call showed UDP reaching other ports', () => {
    expect(attributeUdpSilence([silent], [direct(0)])).toEqual([silent]);
    expect(attributeUdpSilence([silent], [])).toEqual([silent]);
  });
});
