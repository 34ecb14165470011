/**
 * Findings from the loopback calls, which belong to no one check: a relay that
 * allocates and carries nothing, UDP media lost on the path, a relay port that
 * nothing reaches. Each gets the cause its evidence supports (docs/verdict.md,
 * "Causes from the calls") as a note in that cause's section; none of them is
 * ever a firewall rule, since no port the calls used was shown closed.
 */
import { phrase, type Phrase } from '../i18n/phrase';
import type { Cause } from './cause-info';
import type { RouteEvidence } from './route-evidence';

export interface CallFinding {
  /** Stable id, quoted in docs/verdict.md. */
  id: string;
  cause: Exclude<Cause, 'firewall'>;
  /** The finding, for the section's notes. */
  note: Phrase;
}

/** The relay's allocated port, when the relay end's selected candidate shows it. */
function relayPortOf(evidence: RouteEvidence): string {
  const pair = evidence.udpHighPorts.call?.selectedPair;
  return pair?.localType === 'relay' && pair.localPort ? String(pair.localPort) : '?';
}

export function callFindings(e: RouteEvidence): CallFinding[] {
  const findings: CallFinding[] = [];
  if (e.relayRefusesData) {
    const urls = [e.relayMedia.udp, e.relayMedia.tcp, e.relayMedia.tls].flatMap((m) => (m.status === 'blocked' && m.call ? [m.call.turnUrl] : []));
    findings.push({ id: 'vendor-server.relay-no-data', cause: 'vendor-server', note: phrase('call_note_relay_no_data', { urls: urls.join(', ') }) });
  } else if (e.udpMediaLost) {
    findings.push({
      id: 'network-path.udp-media-lost',
      cause: 'network-path',
      note: phrase('call_note_udp_media_lost', { url: e.relayMedia.udp.call!.turnUrl }),
    });
  }
  const direct = e.udpHighPorts;
  if (direct.status === 'blocked' && direct.call) {
    const args = { url: direct.call.turnUrl, port: relayPortOf(e) };
    findings.push(
      e.udpHighPortShown
        ? { id: 'vendor-server.relay-ports-closed', cause: 'vendor-server', note: phrase('call_note_relay_ports_closed', args) }
        : { id: 'unknown.relay-port-unreached', cause: 'unknown', note: phrase('call_note_relay_port_unreached', args) },
    );
  }
  return findings;
}
