import { describe, expect, it } from 'vitest';
import { ruleSet } from './rule-set';
import { ruleSetText } from './rule-set-text';
import { advice, media, push, stun, turnTls, turnUdp, unnamed } from '../../test/fixtures/rule-advice';

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
