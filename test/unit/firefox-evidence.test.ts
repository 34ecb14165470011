import { describe, expect, it } from 'vitest';
import { observe } from '../../src/checks/web-request-observation';
import { certificateEvidence, commonName, interceptedBy } from '../../src/checks/certificate';
import { classifyIceError } from '../../src/checks/ice-errors';
import { classifyNetError } from '../../src/checks/net-errors';
import { isMdnsName } from '../../src/ice/address';
import { analyzeNatMapping } from '../../src/ice/nat';
import { emptyMeasurement } from '../../src/ice/loopback';
import { routeEvidence } from '../../src/checks/route-evidence';
import { assessWebRtcIpHandling, iceForbiddenToChecks } from '../../src/ip-handling/webrtc-ip-handling';
import type { GatheredCandidate } from '../../src/ice/types';
import { phrase } from '../../src/i18n/phrase';
import { inEnglish } from '../../src/i18n/english';
import firefox from '../fixtures/firefox-153.json';

/**
 * What Firefox 153 really showed the extension in the lab (test/fixtures/firefox-153.json),
 * read by the same core as Chromium's evidence: no special case for the browser,
 * only evidence the core no longer assumes to look like Chromium's.
 */
const batch = firefox.stunBatchCandidates as GatheredCandidate[];

describe('Firefox host candidates are mDNS names', () => {
  it('recognises them, and real addresses are not', () => {
    const hosts = batch.filter((c) => c.type === 'host').map((c) => c.address!);
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.every(isMdnsName)).toBe(true);
    expect(isMdnsName('10.99.0.2')).toBe(false);
    expect(isMdnsName('web.lab.test')).toBe(false);
  });

  it('classifies the mapping without the local address, and says what it cannot tell', () => {
    const nat = analyzeNatMapping({ candidates: batch, answeredServers: firefox.answeredServers });
    expect(nat.mapping).toBe('endpoint-independent');
    expect(inEnglish(nat.reason)).toMatch(/mDNS names, so whether a NAT made it cannot be told/);
  });

  it('finds a symmetric NAT with the srflx base hidden (raddr 0.0.0.0): more mappings than local sockets', () => {
    const srflx = batch.find((c) => c.type === 'srflx')!;
    const second = { ...srflx, port: srflx.port! + 17, candidate: srflx.candidate.replace(String(srflx.port), String(srflx.port! + 17)) };
    const nat = analyzeNatMapping({ candidates: [...batch, second], answeredServers: firefox.answeredServers });
    expect(nat.mapping).toBe('endpoint-dependent');
    expect(nat.reason).not.toContain('0.0.0.0');
  });

  it('two local sockets with one mapping each stay endpoint-independent', () => {
    const host = batch.find((c) => c.type === 'host' && c.protocol === 'udp')!;
    const srflx = batch.find((c) => c.type === 'srflx')!;
    const otherHost = { ...host, port: host.port! + 1 };
    const otherSrflx = { ...srflx, port: srflx.port! + 1 };
    expect(analyzeNatMapping({ candidates: [...batch, otherHost, otherSrflx], answeredServers: firefox.answeredServers }).mapping).toBe('endpoint-independent');
  });
});

describe('Firefox ICE errors: codes without text', () => {
  const errors = firefox.iceErrors;
  it('401 is a rejected login with credentials, a reachable server without', () => {
    expect(classifyIceError(errors['turn-badcred'], { hasCredentials: true, transport: 'udp' })).toMatchObject({ status: 'fail', reason: 'auth-401' });
    expect(classifyIceError(errors['turn-badcred-tcp'], { hasCredentials: true, transport: 'tcp' })).toMatchObject({ status: 'fail', reason: 'auth-401' });
    expect(classifyIceError(errors['turn-nocred'], { hasCredentials: false, transport: 'udp' })).toMatchObject({ status: 'warn', reason: 'auth-401' });
  });

  it('an empty 701 over TCP/TLS reads as Chromium\'s "Failed to establish connection": refused, with its ambiguity said', () => {
    for (const key of ['turn-closed', 'turn-unresolved'] as const) {
      expect(classifyIceError(errors[key], { hasCredentials: true, transport: 'tcp' })).toMatchObject({ status: 'fail', reason: 'refused' });
    }
    const tls = classifyIceError(errors['turns-untrusted'], { hasCredentials: true, transport: 'tls' });
    expect(tls).toMatchObject({ status: 'fail', reason: 'refused' });
    expect(inEnglish(tls.detail)).toMatch(/rejected TLS handshake/);
  });

  it('an empty 701 over UDP claims no reason', () => {
    expect(classifyIceError(errors['turn-unresolved-udp'], { hasCredentials: true, transport: 'udp' })).toMatchObject({ status: 'fail', reason: 'unknown' });
  });
});

describe('Firefox webRequest errors', () => {
  it('maps NS_ERROR names and NSS certificate messages to the same reasons as Chromium’s net::ERR_*', () => {
    expect(classifyNetError(firefox.netErrors.refused).reason).toBe(classifyNetError('net::ERR_CONNECTION_REFUSED').reason);
    expect(classifyNetError(firefox.netErrors.unresolved).reason).toBe(classifyNetError('net::ERR_NAME_NOT_RESOLVED').reason);
    expect(classifyNetError(firefox.netErrors.selfSigned).reason).toBe(classifyNetError('net::ERR_CERT_AUTHORITY_INVALID').reason);
    expect(classifyNetError(firefox.netErrors.websocketThroughProxyAskingForCredentials).reason).toBe('proxy');
    expect(classifyNetError('NS_BINDING_ABORTED').reason).toBe('timeout');
  });

  it('a 407 through a proxy names the proxy from proxyInfo (Firefox gives no onAuthRequired challenger)', () => {
    expect(observe('onHeadersReceived', { statusCode: 407, proxyInfo: { host: '10.99.0.1', port: 3128 } })).toEqual({
      statusCode: 407,
      proxyAuthRequired: true,
      proxyAddress: '10.99.0.1:3128',
    });
    const through = firefox.proxyBumpFetchEvents.find((e) => e.event === 'onHeadersReceived')!;
    expect(observe('onHeadersReceived', through)).toEqual({ statusCode: 204 });
  });
});

describe('certificate evidence (getSecurityInfo)', () => {
  it('names the issuer of a chain under a root this device added', () => {
    const evidence = certificateEvidence(firefox.securityInfoIntercepted);
    expect(evidence).toEqual({
      state: 'secure',
      issuer: 'CN=School IT inspecting filter CA',
      root: 'CN=School IT inspecting filter CA',
      builtInRoot: false,
    });
    expect(interceptedBy(evidence)).toBe('School IT inspecting filter CA');
  });

  it('says nothing of a chain under a built-in root, or of no chain', () => {
    const chain = [
      { subject: 'CN=api.vendor.example', issuer: "CN=R11,O=Let's Encrypt,C=US", isBuiltInRoot: false },
      { subject: 'CN=ISRG Root X1,O=Internet Security Research Group,C=US', issuer: 'CN=ISRG Root X1', isBuiltInRoot: true },
    ];
    expect(interceptedBy(certificateEvidence({ state: 'secure', certificates: chain }))).toBeNull();
    expect(certificateEvidence({ state: 'insecure', certificates: [] })).toBeNull();
    expect(interceptedBy(null)).toBeNull();
  });

  it('reads the common name of a DN, escapes included, and the whole DN without one', () => {
    expect(commonName("CN=R11,O=Let's Encrypt,C=US")).toBe('R11');
    expect(commonName('O=Filter\\, Inc.,CN=Filter\\, CA')).toBe('Filter, CA');
    expect(commonName('O=No Common Name')).toBe('O=No Common Name');
  });
});

describe('a WebRTC IP handling setting that binds the checks (Firefox)', () => {
  it('forbids every unproxied STUN/TURN route under proxy_only, UDP ones under disable_non_proxied_udp, nothing where it binds web pages only', () => {
    expect(iceForbiddenToChecks(assessWebRtcIpHandling('proxy_only', 'controllable_by_this_extension', true))).toBe('all');
    expect(iceForbiddenToChecks(assessWebRtcIpHandling('disable_non_proxied_udp', 'not_controllable', true))).toBe('udp');
    expect(iceForbiddenToChecks(assessWebRtcIpHandling('default_public_interface_only', null, true))).toBe('none');
    expect(iceForbiddenToChecks(assessWebRtcIpHandling('proxy_only', null, false))).toBe('none');
    expect(iceForbiddenToChecks(undefined)).toBe('none');
    expect(inEnglish(assessWebRtcIpHandling('proxy_only', null, true).note!)).toMatch(/applies it to these checks too/);
    expect(inEnglish(assessWebRtcIpHandling('proxy_only', null, false).note!)).not.toMatch(/these checks too/);
  });

  it('no host candidate, yet srflx gathered: online, LAN evidence absent, and a direct-end call that never connected proves nothing', () => {
    const srflxOnly = batch.filter((c) => c.type === 'srflx');
    const stun = firefox.answeredServers.map((url, i) => ({
      id: `stun#${i + 1}`,
      ruleId: 'stun',
      kind: 'stun' as const,
      target: url,
      transport: 'udp' as const,
      status: 'pass' as const,
      reason: null,
      detail: phrase('detail_stun_answered', { address: '203.0.113.1:40000' }),
      durationMs: 100,
    }));
    const direct = {
      id: 'loopback-relay-direct-udp',
      path: 'relay-direct' as const,
      transport: 'udp' as const,
      turnUrl: 'turn:203.0.113.10:3478?transport=udp',
      checkId: 'turn-udp#1',
      budgetMs: 2500,
      // A call that ran its whole budget and carried nothing.
      ...emptyMeasurement(null),
      durationMs: 2500,
    };
    const nat = analyzeNatMapping({ candidates: srflxOnly, answeredServers: firefox.answeredServers });
    const e = routeEvidence({ checks: stun, candidates: srflxOnly, nat, localGatheringRan: true, loopbacks: [direct] });
    expect(e).toMatchObject({ device: 'online', hostGathered: false, hostAddresses: [] });
    expect(e.udpHighPorts.status).toBe('unknown');
    // With a host candidate the same silent call is evidence.
    const withHost = routeEvidence({ checks: stun, candidates: batch, nat, localGatheringRan: true, loopbacks: [direct] });
    expect(withHost.udpHighPorts.status).not.toBe('unknown');
  });
});
