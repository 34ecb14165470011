import type { RelayProtocol } from './types';

/**
 * Chromium 156 leaves `RTCIceCandidate.relayProtocol` null for relay
 * candidates allocated over UDP (it fills it for TCP and TLS), so the
 * transport is read from the TURN URL that produced the candidate instead:
 * `turns:` is TLS, `?transport=tcp` is TCP, anything else is UDP (RFC 7065).
 */
export function relayProtocolOf(reported: string | null | undefined, url: string | null | undefined): RelayProtocol | null {
  if (reported === 'udp' || reported === 'tcp' || reported === 'tls') return reported;
  if (!url) return null;
  const lower = url.toLowerCase();
  if (lower.startsWith('turns:')) return 'tls';
  if (!lower.startsWith('turn:')) return null;
  return /[?&]transport=tcp(?:&|$)/.test(lower) ? 'tcp' : 'udp';
}
