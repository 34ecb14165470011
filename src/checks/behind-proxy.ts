/**
 * TURN over TCP/TLS behind a proxy that asks for credentials.
 *
 * Chromium sends TURN over TCP and TLS through the browser's HTTP proxy (a
 * CONNECT to the TURN server's port, measured with Squid in the lab). When the
 * proxy answers 407, WebRTC reports only "701 Failed to establish connection",
 * which alone reads as a closed port. The HTTPS checks of the same run see the
 * proxy's 407 (webRequest, `proxy-auth`): with that evidence the TURN failure is
 * put down to the proxy, so no one opens firewall ports that were never the problem.
 */
import type { CheckResult } from './types';

// Replaces WebRTC's reading ("the TCP connection was refused"), which points at the wrong fix.
const PROXY_AUTH_DETAIL =
  "the connection failed, most likely at the browser's proxy: it asks for authentication (see the HTTPS checks), the browser sends TURN over TCP/TLS through it, and WebRTC cannot log in to a proxy";

export function attributeToProxyAuth(results: readonly CheckResult[]): CheckResult[] {
  const proxyAsksForCredentials = results.some((r) => (r.kind === 'https' || r.kind === 'wss' || r.kind === 'tcp') && r.reason === 'proxy-auth');
  if (!proxyAsksForCredentials) return [...results];
  return results.map((r) =>
    r.kind === 'turn' && r.status === 'fail' && r.reason === 'refused' && (r.transport === 'tcp' || r.transport === 'tls')
      ? { ...r, reason: 'proxy-auth', detail: PROXY_AUTH_DETAIL }
      : r,
  );
}
