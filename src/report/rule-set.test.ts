import { describe, expect, it } from 'vitest';
import type { RuleAdvice } from '../checks/missing-rules';
import type { FirewallLine } from '../checks/types';
import { ruleSet } from './rule-set';
import { ruleSetText } from './rule-set-text';

const line = (protocol: 'TCP' | 'UDP', ports: string, destinations: string[], service: string | null): FirewallLine => ({
  direction: 'outbound',
  protocol,
  ports,
  destinations,
  service,
});
const advice = (ruleId: string, purpose: string, firewall: FirewallLine[], more: Partial<RuleAdvice> = {}): RuleAdvice => ({
  ruleId,
  purpose,
  required: true,
  noInspection: false,
  cause: 'firewall',
  checkIds: [`${ruleId}#1`],
  findings: [],
  firewall,
  lines: [],
  text: '',
  ...more,
});

const stun = advice('stun', 'Hole punching', [line('UDP', '3478', ['turn.example.org'], 'STUN')], { noInspection: true });
const turnUdp = advice('turn-udp', 'Relay over UDP', [line('UDP', '3478', ['turn.example.org'], 'TURN over UDP')], { noInspection: true });
const turnTls = advice('turn-tls', 'Relay over TLS', [line('TCP', '443', ['turn.example.org'], 'TURN over TLS')], { noInspection: true });
const push = advice('push', 'Push', [line('TCP', '5228-5230', ['mtalk.google.com'], null)], { required: false, cause: null });
const media = advice('media', 'Media', [line('UDP', '49152-65535', ['0.0.0.0/0', '::/0'], null)], { cause: null });
const unnamed = advice('gw', 'Gateway', [line('TCP', '443', [], null)], { cause: null });

describe('rule set', () => {
  const set = ruleSet({ missingRules: [stun, turnUdp, turnTls], verifyRules: [push, media, unnamed] });

  it('merges rules that ask for the same protocol, port and destinations, purposes joined', () => {
    expect(set.missing.map((l) => l.text)).toEqual([
      'Allow outbound UDP to turn.example.org port 3478 (STUN, TURN over UDP): Hole punching; Relay over UDP.',
      'Allow outbound TCP to turn.example.org port 443 (TURN over TLS): Relay over TLS. Exclude from SSL inspection.',
    ]);
    expect(set.missing[0]!.ruleIds).toEqual(['stun', 'turn-udp']);
  });

  it('asks to exclude from SSL inspection only on TCP rules', () => {
    expect(set.missing.find((l) => l.protocol === 'UDP')!.excludeFromInspection).toBe(false);
    expect(set.missing.find((l) => l.protocol === 'TCP')!.excludeFromInspection).toBe(true);
  });

  it('lists the untestable rules under "also check": any destination, never an empty one, required first', () => {
    expect(set.alsoCheck.map((l) => l.text)).toEqual([
      'Allow outbound UDP to any destination ports 49152-65535: Media.',
      "Allow outbound TCP to the vendor's servers (the vendor's guide names no host: ask the vendor) port 443: Gateway.",
      'Allow outbound TCP to mtalk.google.com ports 5228-5230: Push (optional).',
    ]);
    for (const l of [...set.missing, ...set.alsoCheck]) {
      expect(l.text).not.toMatch(/0\.0\.0\.0\/0|::\/0/);
      expect(l.text).not.toMatch(/to {1,2}port/);
    }
  });

  it('does not repeat under "also check" a line already missing', () => {
    const both = ruleSet({ missingRules: [turnTls], verifyRules: [advice('x', 'Same port', turnTls.firewall, { cause: null })] });
    expect(both.alsoCheck).toEqual([]);
  });

  it('puts both lists in one copy under the caller’s headings', () => {
    const text = ruleSetText(set, { missing: 'Missing:', alsoCheck: 'Also check:' });
    expect(text.split('\n')).toEqual(['Missing:', set.missing[0]!.text, set.missing[1]!.text, '', 'Also check:', ...set.alsoCheck.map((l) => l.text)]);
    expect(ruleSetText({ missing: [], alsoCheck: [] }, { missing: 'M', alsoCheck: 'A' })).toBe('');
  });
});
