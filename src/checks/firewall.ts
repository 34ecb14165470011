/** The firewall rule each check stands for, built while planning, where host and port are known. */
import type { IceUri } from '../ice/uri';
import { effectivePort, serverTransport } from '../ice/uri';
import { formatPortRange, type PortRange } from '../profile/ports';
import type { HostPortRule } from '../profile/types';
import type { FirewallLine } from './types';

const ICE_SERVICE = { udp: 'UDP', tcp: 'TCP', tls: 'TLS' } as const;

export function webFirewallLine(url: URL): FirewallLine {
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  const port = url.port === '' ? (secure ? '443' : '80') : url.port;
  const service = url.protocol.startsWith('ws') ? `WebSocket (${url.protocol.slice(0, -1)})` : url.protocol.slice(0, -1).toUpperCase();
  return { direction: 'outbound', protocol: 'TCP', ports: port, destinations: [url.hostname.replace(/^\[|\]$/g, '')], service };
}

export function iceFirewallLine(uri: IceUri): FirewallLine {
  const transport = serverTransport(uri);
  return {
    direction: 'outbound',
    protocol: transport === 'udp' ? 'UDP' : 'TCP',
    ports: String(effectivePort(uri)),
    destinations: [uri.host],
    service: uri.scheme === 'stun' ? 'STUN' : `TURN over ${ICE_SERVICE[transport]}`,
  };
}

export function hostPortFirewallLine(rule: HostPortRule, ranges: PortRange[]): FirewallLine {
  return {
    direction: 'outbound',
    protocol: rule.kind === 'udp' ? 'UDP' : 'TCP',
    ports: ranges.map(formatPortRange).join(', '),
    destinations: rule.hosts,
    service: null,
  };
}
