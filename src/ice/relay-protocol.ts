import type { RelayProtocol } from './types';
import { parseIceUri, serverTransport } from './uri';

/**
 * Chromium 156 leaves `RTCIceCandidate.relayProtocol` null for relay
 * candidates allocated over UDP (it fills it for TCP and TLS), so the
 * transport is read from the TURN URL that produced the candidate instead,
 * with the same parser the profile's URLs go through.
 */
export function relayProtocolOf(reported: string | null | undefined, url: string | null | undefined): RelayProtocol | null {
  if (reported === 'udp' || reported === 'tcp' || reported === 'tls') return reported;
  if (!url) return null;
  const parsed = parseIceUri(url);
  if (!parsed.ok || parsed.value.scheme === 'stun') return null;
  return serverTransport(parsed.value);
}
