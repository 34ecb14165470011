/** The kind-specific fields of a rule: what it lets through. */
import { parseIceUri } from '../ice/uri';
import { Problems, describeType, pathOf, readList, readString } from './fields';
import { hostMatches, hostPatternKind, isConcreteHost } from './hosts';
import { parsePortSpec } from './ports';
import type { PortSpec, ProfileRule, RuleKind } from './types';

export const TARGET_LIMITS = {
  url: 2048,
  secret: 512,
  host: 253,
  listItems: 100,
} as const;

/** The kind-specific part of a rule: `kind` plus its targets. */
type Targets = ProfileRule extends infer R ? (R extends ProfileRule ? Omit<R, 'id' | 'purpose' | 'required' | 'region' | 'noInspection'> : never) : never;

export function readTargets(kind: RuleKind, rule: Record<string, unknown>, path: string, problems: Problems): Targets | undefined {
  switch (kind) {
    case 'https':
    case 'wss': {
      const url = readWebUrl(kind, rule.url, pathOf(path, 'url'), problems);
      return url === undefined ? undefined : { kind, url };
    }
    case 'stun':
    case 'turn':
      return readIceTargets(kind, rule, path, problems);
    case 'tcp':
    case 'udp':
      return readHostPortTargets(kind, rule, path, problems);
  }
}

function readWebUrl(kind: 'https' | 'wss', value: unknown, path: string, problems: Problems): string | undefined {
  if (value === undefined) return problems.add(path, 'required', `a ${kind} rule needs a url`);
  const text = readString(value, path, problems, { max: TARGET_LIMITS.url });
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return problems.add(path, 'url', 'is not a URL');
  }
  if (url.protocol !== `${kind}:`) return problems.add(path, 'scheme', `a ${kind} rule needs a ${kind}:// URL`);
  if (url.username !== '' || url.password !== '') return problems.add(path, 'credentials', 'a URL in a profile must not carry a user name or password');
  if (url.hostname.includes('*')) return problems.add(path, 'host', 'the host is a wildcard; a URL must name a host the browser can reach');
  return text;
}

function readIceTargets(kind: 'stun' | 'turn', rule: Record<string, unknown>, path: string, problems: Problems): Targets | undefined {
  const urlsPath = pathOf(path, 'urls');
  if (rule.urls === undefined) return problems.add(urlsPath, 'required', `a ${kind} rule needs urls`);
  const urls = readList(rule.urls, urlsPath, problems, TARGET_LIMITS.listItems, (item, itemPath) => {
    const parsed = parseIceUri(item);
    if (!parsed.ok) return problems.add(itemPath, 'uri', parsed.error.message);
    const fits = kind === 'stun' ? parsed.value.scheme === 'stun' : parsed.value.scheme !== 'stun';
    if (!fits)
      return problems.add(
        itemPath,
        'scheme',
        kind === 'stun' ? 'a stun rule takes stun: URLs' : 'a turn rule takes turn: or turns: URLs; put stun: URLs in a stun rule',
      );
    return item as string;
  });
  const secret = (key: 'username' | 'credential') =>
    rule[key] === undefined ? undefined : readString(rule[key], pathOf(path, key), problems, { max: TARGET_LIMITS.secret });
  const username = secret('username');
  const credential = secret('credential');
  if ((rule.username === undefined) !== (rule.credential === undefined)) {
    problems.add(path, 'credentials', 'give both username and credential, or neither');
  }
  if (urls === undefined) return undefined;
  return { kind, urls, ...(username === undefined ? {} : { username }), ...(credential === undefined ? {} : { credential }) };
}

function readHostPortTargets(kind: 'tcp' | 'udp', rule: Record<string, unknown>, path: string, problems: Problems): Targets | undefined {
  const hostsPath = pathOf(path, 'hosts');
  const portsPath = pathOf(path, 'ports');
  const hosts =
    rule.hosts === undefined
      ? problems.add(hostsPath, 'required', `a ${kind} rule needs hosts`)
      : // An empty list keeps a rule whose destination the vendor document lost:
        // it stays in the report as "verify on your firewall" until an admin names it.
        Array.isArray(rule.hosts) && rule.hosts.length === 0
        ? []
        : readList(rule.hosts, hostsPath, problems, TARGET_LIMITS.listItems, (item, itemPath) => {
            const host = readString(item, itemPath, problems, { max: TARGET_LIMITS.host });
            if (host === undefined) return undefined;
            if (hostPatternKind(host) === null) return problems.add(itemPath, 'host', 'is not a host name, *.wildcard, IP address or CIDR range');
            return host;
          });
  const ports =
    rule.ports === undefined
      ? problems.add(portsPath, 'required', `a ${kind} rule needs ports`)
      : readList(rule.ports, portsPath, problems, TARGET_LIMITS.listItems, (item, itemPath) =>
          parsePortSpec(item) === null
            ? problems.add(itemPath, 'port', `${describeType(item)} is not a port (1-65535) or a range like "49152-65535"`)
            : (item as PortSpec),
        );
  const probeHost = rule.probeHost === undefined ? undefined : readProbeHost(rule.probeHost, pathOf(path, 'probeHost'), hosts, problems);
  if (hosts === undefined || ports === undefined) return undefined;
  return { kind, hosts, ports, ...(probeHost === undefined ? {} : { probeHost }) };
}

function readProbeHost(value: unknown, path: string, hosts: string[] | undefined, problems: Problems): string | undefined {
  const host = readString(value, path, problems, { max: TARGET_LIMITS.host });
  if (host === undefined) return undefined;
  if (!isConcreteHost(host)) return problems.add(path, 'probe-host', 'must be one concrete host name or address');
  // Names can be checked against the patterns; address ranges would need DNS, so they are trusted.
  const namesOnly = hosts?.every((pattern) => ['name', 'wildcard'].includes(hostPatternKind(pattern) ?? ''));
  if (hosts && namesOnly && !hosts.some((pattern) => hostMatches(pattern, host))) {
    return problems.add(path, 'probe-host', "matches none of the rule's hosts");
  }
  return host;
}
