/**
 * Building a fault network in the lab, proving it with the lab's own probes,
 * and holding a report to the oracle (fault-oracle.ts): shared by the
 * Chromium suite (fault-networks.test.ts) and the Firefox sample
 * (firefox-faults.test.ts), so both browsers meet the same networks.
 */
import type { Report } from '../../src/report/types';
import { statusDisagreements } from '../support/status-agreement';
import { inNetns } from '../lab/exec';
import { FAULT_LAB, REACH_PROBE, type FaultServers } from '../lab/fault-lab';
import type { Lab } from '../lab/lab';
import { construction, expectedFaults, openPorts, probes, type FaultSpec, type Probe } from './fault-oracle';

export interface FaultHarness {
  /** Sets NAT, DNS answers and iptables for one network. */
  build(spec: FaultSpec, index: number): Promise<void>;
  /** The probes that disagree with the construction, in words; empty when the network is as built. */
  probeMismatches(spec: FaultSpec, index: number): Promise<string[]>;
}

export function faultHarness(lab: Lab, faults: FaultServers): FaultHarness {
  return {
    build: (spec, index) => build(lab, faults, spec, index),
    async probeMismatches(spec, index) {
      const seen = await Promise.all(probes(spec, index).map(async (p) => [p, await runProbe(lab, p)] as const));
      return seen.filter(([p, got]) => got !== wanted(p)).map(([p, got]) => `${describeProbe(p)}: ${got}, built to give ${wanted(p)}`);
    },
  };
}

async function build(lab: Lab, faults: FaultServers, spec: FaultSpec, index: number): Promise<void> {
  const { topology } = lab;
  const c = construction(spec, index);
  await topology.clearForwardRules();
  await topology.setNatMode(c.nat);
  await faults.dns.set(c.dns);
  for (const rule of c.forward) await topology.forwardRule(rule);
  for (const rule of c.prerouting) await topology.preroutingRule(rule);
  for (const rule of c.server) await topology.serverRule(rule);
}

/** Runs one ground-truth probe from the LAN (the server rule is read back from the server); returns what it saw. */
async function runProbe(lab: Lab, p: Probe): Promise<string> {
  const { lan, srv } = lab.topology;
  const labCa = lab.certs.caCert;
  const ref = FAULT_LAB.reference;
  switch (p.kind) {
    case 'dns': {
      const out = (await inNetns(lan, 'dig', ['+time=1', '+tries=1', p.name])).trim();
      if (/status: NXDOMAIN/.test(out)) return 'NXDOMAIN';
      return /ANSWER SECTION:\n\S+\s+\d+\s+IN\s+A\s+(\S+)/.exec(out)?.[1] ?? `no answer: ${out.slice(0, 200)}`;
    }
    case 'udp':
      return (await inNetns(lan, process.execPath, [REACH_PROBE, 'send', ref, String(p.port), String(p.bytes), '1000']))
        .trim()
        .replace(/^echoed \d+$/, 'echoed');
    case 'tcp':
      return (await inNetns(lan, process.execPath, [REACH_PROBE, 'tcp', ref, String(p.port), '1000'])).trim();
    case 'tls': {
      const out = await inNetns(lan, 'sh', [
        '-c',
        `echo | timeout 5 openssl s_client -connect ${p.name}:443 -servername ${p.name} -CAfile ${labCa} -nameopt multiline,-esc_msb 2>&1 || true`,
      ]);
      const subject = /subject=\s*(?:\n\s*)?commonName\s*=\s*(.+)/.exec(out)?.[1]?.trim() ?? '?';
      const issuer = /issuer=\s*(?:\n\s*)?commonName\s*=\s*(.+)/.exec(out)?.[1]?.trim() ?? '?';
      const verify = /Verify return code: (\d+)/.exec(out)?.[1] ?? '?';
      return JSON.stringify({ subject, issuer, verify });
    }
    case 'server-rule':
      // `iptables -C` exits 0 only when exactly this rule is in the chain.
      return (await inNetns(srv, 'iptables', ['-C', 'INPUT', ...p.rule])
        .then(() => 'present')
        .catch(() => 'missing')) as string;
  }
}

function wanted(p: Probe): string {
  return p.kind === 'tls' ? JSON.stringify(p.expect) : p.expect;
}

function describeProbe(p: Probe): string {
  switch (p.kind) {
    case 'dns':
      return `dig ${p.name}`;
    case 'udp':
      return `UDP ${p.bytes} B to ${FAULT_LAB.reference}:${p.port}`;
    case 'tcp':
      return `TCP connect to ${FAULT_LAB.reference}:${p.port}`;
    case 'tls':
      return `openssl s_client ${p.name}:443`;
    case 'server-rule':
      return `server INPUT rule ${p.rule.join(' ')}`;
  }
}

/** `3478`, `49152-65535`, `3478, 19302` -> does it cover `port`? */
function portsCover(ports: string, port: number): boolean {
  return ports.split(/[,\s]+/).some((part) => {
    const [from, to] = part.split(/[-:]/).map(Number);
    return from !== undefined && port >= from && port <= (to ?? from);
  });
}

/** Differences between the report and the oracle, in words; empty when the report is right. */
export function compareWithOracle(spec: FaultSpec, index: number, report: Report): string[] {
  const want = expectedFaults(spec, index);
  const problems: string[] = [];
  const route = `${report.verdict.route}/${report.verdict.routeVerified}`;
  if (!want.routes.includes(route)) problems.push(`route ${route}, expected one of ${want.routes.join(' | ')}`);
  const hp = report.verdict.methods.find((m) => m.method === 'hole-punching')?.status;
  if (want.holePunchingNotAvailable && hp === 'available') problems.push('hole punching called available on a network where peers cannot reach it');
  for (const [key, expected] of Object.entries(want.checks)) {
    const check = report.checks.find((c) => `${c.ruleId} ${c.target}` === key);
    if (!check) {
      problems.push(`${key}: no such check in the report`);
      continue;
    }
    const passed = check.status === 'pass';
    if (expected.status === 'pass' && !passed) problems.push(`${key}: ${check.status}/${check.reason}, expected pass`);
    if (expected.status === 'fail' && passed) problems.push(`${key}: passed, expected a failure`);
    if (!expected.causes.includes(check.cause)) {
      problems.push(`${key}: cause ${check.cause}, expected ${expected.causes.join(' or ')}${expected.undecidable ? ` (${expected.undecidable})` : ''}`);
    }
  }
  const open = openPorts(spec);
  for (const line of report.firewallRules.missing) {
    const hit = open.find((o) => o.protocol === line.protocol.toLowerCase() && portsCover(line.ports, o.port));
    if (hit)
      problems.push(
        `missing firewall rule ${line.protocol} ${line.ports} (${line.ruleIds.join(', ')}) on a port the probes showed open (${hit.protocol} ${hit.port})`,
      );
  }
  // Issue 28: every surface says the report's one status, and no row under it contradicts it.
  problems.push(...statusDisagreements(report));
  return problems;
}
