/**
 * Raw tcp/udp rules. A browser cannot open plain sockets, so these are
 * `untestable` (listed as "verify on your firewall") with one exception: TCP to
 * port 443 or 80 of a concrete host can be probed with an HTTP(S) request, and
 * any HTTP answer proves the port open.
 */
import { phrase } from '../i18n/phrase';
import { formatPortRange, portRanges, type PortRange } from '../profile/ports';
import { isConcreteHost } from '../profile/hosts';
import type { HostPortRule } from '../profile/types';
import { isBrowserBlockedPort } from './blocked-ports';
import { hostPortFirewallLine } from './firewall';
import type { CheckTarget, PlannedCheck } from './types';
import { untestableNoProbeHost, untestableRawTcp, untestableRawUdp, untestableUnnamedHost } from './untestable';

const WEB_SCHEME_BY_PORT: ReadonlyMap<number, 'https' | 'http'> = new Map([
  [443, 'https'],
  [80, 'http'],
]);

export function planHostPortRule(rule: HostPortRule, deadlineMs: number): PlannedCheck[] {
  const ranges = portRanges(rule.ports);
  let count = 0;
  const target = (text: string, covered: PortRange[]): CheckTarget => ({
    checkId: `${rule.id}#${++count}`,
    ruleId: rule.id,
    kind: rule.kind,
    target: text,
    transport: rule.kind,
    firewall: hostPortFirewallLine(rule, covered),
  });
  if (rule.hosts.length === 0) return [untestableUnnamedHost(target(describeTarget(rule.hosts, ranges), ranges))];
  if (rule.kind === 'udp') return [untestableRawUdp(target(describeTarget(rule.hosts, ranges), ranges), ranges)];

  const probeHosts = rule.probeHost !== undefined ? [rule.probeHost] : rule.hosts.filter(isConcreteHost);
  const webPorts = ranges.filter((range) => range.from === range.to && WEB_SCHEME_BY_PORT.has(range.from)).map((range) => range.from);
  const otherRanges = ranges.filter((range) => !(range.from === range.to && WEB_SCHEME_BY_PORT.has(range.from)));

  const checks: PlannedCheck[] = webPorts.flatMap((port): PlannedCheck[] => {
    const covered = [{ from: port, to: port }];
    if (probeHosts.length === 0) return [untestableNoProbeHost(target(describeTarget(rule.hosts, covered), covered), port)];
    return probeHosts.map((host) => {
      const scheme = WEB_SCHEME_BY_PORT.get(port)!;
      const url = `${scheme}://${host.includes(':') ? `[${host}]` : host}/`;
      const note = phrase('note_tcp_probed_over_http', { port, scheme: scheme.toUpperCase(), host });
      return { type: 'fetch', ...target(`${host}:${port}`, covered), url, deadlineMs, note };
    });
  });
  if (otherRanges.length > 0) {
    const blocked = otherRanges.filter((range) => range.from === range.to && isBrowserBlockedPort(range.from)).map((range) => range.from);
    checks.push(untestableRawTcp(target(describeTarget(rule.hosts, otherRanges), otherRanges), otherRanges, blocked));
  }
  return checks;
}

function describeTarget(hosts: string[], ranges: PortRange[]): string {
  return `${hosts.length === 0 ? 'host not named by the vendor' : hosts.join(', ')} (${ranges.length > 1 ? 'ports' : 'port'} ${ranges.map(formatPortRange).join(', ')})`;
}
