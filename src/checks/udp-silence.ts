/**
 * Silence from a UDP STUN/TURN server means "blocked, or the server is down".
 * Once a loopback call carried data from this network to a relay's high port,
 * outbound UDP evidently reaches arbitrary ports: a firewall that lets UDP out
 * only to some ports is ruled out, and what is left is the server. Such a
 * check keeps its failure and gets reason `server-silent`, which no firewall
 * rule fixes (src/checks/missing-rules.ts leaves it out of the missing rules).
 */
import { carriedData, type LoopbackResult } from '../ice/loopback';
import { phrase } from '../i18n/phrase';
import type { CheckResult } from './types';

export function attributeUdpSilence(checks: readonly CheckResult[], loopbacks: readonly LoopbackResult[]): CheckResult[] {
  const direct = loopbacks.find((l) => l.path === 'relay-direct' && l.setupError === null && carriedData(l));
  if (!direct) return [...checks];
  const port = direct.selectedPair?.localType === 'relay' ? direct.selectedPair.localPort : null;
  return checks.map((check) =>
    // A reference server is not the vendor's: the call shows UDP reaching the vendor's relay, not its address.
    check.transport === 'udp' &&
    (check.kind === 'stun' || check.kind === 'turn') &&
    check.status === 'fail' &&
    check.reason === 'timeout' &&
    check.reference !== true
      ? {
          ...check,
          reason: 'server-silent',
          detail: port ? phrase('detail_server_silent_port', { detail: check.detail, port }) : phrase('detail_server_silent', { detail: check.detail }),
        }
      : check,
  );
}
