/**
 * What the run plans and what it concludes, one check at a time. A check is one
 * thing the browser does (one URL fetched, one TURN server asked over one
 * transport) or one rule it cannot test; every check points back to its rule.
 */
import type { Phrase } from '../i18n/phrase';
import type { RelayProtocol } from '../ice/types';
import type { RuleKind } from '../profile/types';
import type { CertificateEvidence } from './certificate';

/**
 * - pass: the browser reached the target.
 * - fail: it did not; the rule is reported as missing.
 * - warn: reachable, but not everything was proven (TURN answered 401 to placeholder
 *   credentials: server and transport work, relay allocation was not verified).
 * - untestable: a browser cannot test this; the rule is listed as "verify on your firewall".
 * - error: our own failure (the browser refused to set the check up, the offscreen
 *   document died, the run's peer-connection budget was spent). It says nothing
 *   about the network: the verdict treats it as "could not test", never as blocked.
 */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'untestable' | 'error';

/** Why a check did not simply pass. Stable names: support tools and tests read them. */
export type CheckReason =
  | 'timeout'
  | 'refused'
  | 'dns'
  | 'cert-untrusted'
  /** TLS completed with a certificate for another name (`net::ERR_CERT_COMMON_NAME_INVALID`). */
  | 'cert-name-mismatch'
  /** TLS completed with a certificate out of its validity dates (`net::ERR_CERT_DATE_INVALID`). */
  | 'cert-expired'
  | 'tls-failed'
  | 'auth-401'
  | 'server-error'
  /** STUN/TURN 403 Forbidden (RFC 8656 §6.2, §9.2): the server refuses the allocation or a peer address (coturn `denied-peer-ip`). */
  | 'forbidden'
  /** TURN 486 Allocation Quota Reached (RFC 8656 §6.2): the server's limit for this user. */
  | 'quota'
  | 'proxy'
  | 'proxy-auth'
  | 'reset'
  | 'unreachable'
  | 'blocked'
  | 'network-changed'
  | 'no-candidate'
  | 'setup'
  | 'unknown'
  | 'unsafe-port'
  | 'raw-udp'
  | 'raw-tcp'
  | 'no-probe-host'
  | 'upgrade-refused'
  /** A TURN server handed out a relay address outside public unicast space (RFC 1918, CGNAT, loopback, link-local, ULA). */
  | 'unroutable-relay'
  /**
   * A UDP STUN/TURN server stayed silent while UDP from this network was shown to
   * reach arbitrary ports (a loopback call to a relay's high port carried data):
   * the server, not a firewall, is the likely cause.
   */
  | 'server-silent';

/** UDP, TCP, or TLS over TCP: what crosses the firewall. */
export type CheckTransport = RelayProtocol;

/** What one piece of evidence says about a check. */
export interface CheckOutcome {
  status: CheckStatus;
  /** null for a plain pass. */
  reason: CheckReason | null;
  /** What was found, as a phrase (src/i18n/phrase.ts), e.g. `detail_silent_udp` "UDP to … got no answer within 5 s". */
  detail: Phrase;
  /**
   * The browser's own words, as it gave them (free text, never translated):
   * `net::ERR_CONNECTION_REFUSED`, `701 STUN binding request timed out`, `HTTP 200`.
   */
  evidence?: string | null;
}

export interface CheckTarget {
  checkId: string;
  ruleId: string;
  kind: RuleKind;
  /** The URL, or "hosts (ports)" for raw tcp/udp rules. */
  target: string;
  transport: CheckTransport;
  /** The firewall rule this check stands for, as an admin would write it. */
  firewall: FirewallLine;
  /** A reference STUN server outside the vendor's addresses (profile rule `reference`): evidence about UDP beyond the vendor. */
  reference?: true;
}

/** One firewall rule in an admin's terms. Browsers only ever open connections outward. */
export interface FirewallLine {
  direction: 'outbound';
  protocol: 'TCP' | 'UDP';
  /** "443", "3478", "49152-65535", "5060, 5061". */
  ports: string;
  destinations: string[];
  /** What runs on it, e.g. "TURN over TLS"; null for raw tcp/udp rules. */
  service: string | null;
}

export interface CheckResult extends CheckOutcome {
  id: string;
  ruleId: string;
  kind: RuleKind;
  target: string;
  transport: CheckTransport;
  /** Time to the evidence; null when nothing was attempted. */
  durationMs: number | null;
  /** A reference STUN server outside the vendor's addresses (profile rule `reference`). */
  reference?: true;
  /** `host:port` of the browser's proxy, when it answered this check itself (a 407 names it); absent otherwise. */
  proxy?: string;
  /**
   * The IP address the browser connected to for this check (webRequest's `ip`: HTTPS and
   * WSS with host access only); absent where the browser did not say. A public name that
   * leads here to 0.0.0.0 or a private address is a DNS filter's sinkhole.
   */
  address?: string;
  /** HTTPS: the certificate chain the browser showed (Firefox only); absent where the browser shows none. */
  certificate?: CertificateEvidence;
}

/** A STUN/TURN server as one target of an ICE gathering. */
export interface IceTarget extends CheckTarget {
  kind: 'stun' | 'turn';
  /** True when the profile gave credentials, so a 401 means they were rejected. */
  hasCredentials: boolean;
}

/**
 * One peer connection.
 * - `stun` / `turn` ask ONE server over one transport, so that its silence is
 *   unambiguous: Chrome drops a srflx whose address:port it already has only
 *   within one connection (FACTS.md), so a shared connection cannot tell "answered
 *   with a known address" from "did not answer".
 * - `stun-batch` (always planned, exactly once) asks every STUN server at once and
 *   yields no check result of its own: its candidates give the host candidates
 *   (with no STUN server at all it still gathers them) and the srflx of one local
 *   port as seen by each server, which is what classifies the NAT mapping (RFC 4787).
 */
export type IceRole = 'stun-batch' | 'stun' | 'turn';

/*
 * The planned checks, one shape per kind, are declared beside their judge
 * (src/checks/kind-*.ts) and joined in one union by the registry
 * (src/checks/kinds.ts); re-exported here for the code that only reads them.
 */
export type { PlannedIceCheck } from './kind-ice';
export type { PlannedFetchCheck } from './kind-fetch';
export type { PlannedWebSocketCheck } from './kind-wss';
export type { PlannedUntestable } from './kind-untestable';
export type { PlannedCheck } from './kinds';
