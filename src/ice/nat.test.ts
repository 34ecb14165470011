import { inEnglish } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { candidate, lines, srflxWithPort } from '../../test/fixtures/gather';
import { analyzeNatMapping } from './nat';

const STUN_A = 'stun:203.0.113.10:3478';
const STUN_B = 'stun:203.0.113.20:3478';
const host = candidate(lines.hostUdp);
const srflxA = candidate(lines.srflx, STUN_A);

describe('analyzeNatMapping', () => {
  it('one srflx from two answering servers: endpoint-independent (Chrome dropped the duplicate)', () => {
    const nat = analyzeNatMapping({ candidates: [host, srflxA], answeredServers: [STUN_A, STUN_B] });
    expect(nat).toMatchObject({ mapping: 'endpoint-independent', publicAddresses: ['203.0.113.1'] });
  });

  it('two srflx with different ports for one base: endpoint-dependent', () => {
    const nat = analyzeNatMapping({ candidates: [host, srflxA, srflxWithPort(51000, STUN_B)], answeredServers: [STUN_A, STUN_B] });
    expect(nat.mapping).toBe('endpoint-dependent');
    expect(nat.reason.code).toBe('nat_symmetric');
    expect(inEnglish(nat.reason)).toContain('203.0.113.1:46243');
    expect(inEnglish(nat.reason)).toContain('203.0.113.1:51000');
  });

  it('different mappings decide even when only one server is known to have answered', () => {
    const nat = analyzeNatMapping({ candidates: [host, srflxA, srflxWithPort(51000, STUN_B)], answeredServers: [] });
    expect(nat.mapping).toBe('endpoint-dependent');
  });

  it('a srflx equal to a host address: no NAT', () => {
    const unmapped = candidate(lines.srflx.replace('203.0.113.1 46243', '10.99.0.2 46243'), STUN_A);
    expect(analyzeNatMapping({ candidates: [host, unmapped], answeredServers: [STUN_A] }).mapping).toBe('none');
  });

  it('servers answered but no srflx kept: no NAT', () => {
    expect(analyzeNatMapping({ candidates: [host], answeredServers: [STUN_A, STUN_B] }).mapping).toBe('none');
  });

  it('one answering server: unknown', () => {
    expect(analyzeNatMapping({ candidates: [host, srflxA], answeredServers: [STUN_A] }).mapping).toBe('unknown');
  });

  it('two URLs of the same server host count as one server', () => {
    const nat = analyzeNatMapping({ candidates: [host, srflxA], answeredServers: [STUN_A, 'stun:203.0.113.10:19302'] });
    expect(nat.mapping).toBe('unknown');
  });

  it('nothing answered: unknown, no public address', () => {
    expect(analyzeNatMapping({ candidates: [host], answeredServers: [] })).toMatchObject({ mapping: 'unknown', publicAddresses: [] });
  });
});
