/**
 * A vendor profile: which servers and ports a video-call product needs, in the
 * vendor's own words. A profile is data (JSON), never code; admins push it by
 * policy or import it, and `validateProfile` is the only way in.
 * The document people write is declared in src/profile/shape.ts (and published
 * from it as docs/profile.schema.json); a validated `Profile` is one it accepts.
 */

export const RULE_KINDS = ['https', 'wss', 'stun', 'turn', 'tcp', 'udp'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** A single port, or an inclusive range written "49152-65535". */
export type PortSpec = number | `${number}-${number}`;

interface RuleBase {
  /** Unique within the profile; check results point back to it. */
  id: string;
  /** The vendor's own words: what breaks without this rule. */
  purpose: string;
  /** false = the vendor calls it optional (a fallback, a nicety). Defaults to true. */
  required: boolean;
  /** The rule applies only when this region is chosen (one of the profile's `regions`). */
  region?: string;
  /** The vendor asks to exclude this traffic from SSL / deep packet inspection. Defaults to false. */
  noInspection: boolean;
}

/** An HTTPS endpoint (`https://…`) or a WebSocket endpoint (`wss://…`). */
export interface WebRule extends RuleBase {
  kind: 'https' | 'wss';
  url: string;
}

/** STUN or TURN servers as RFC 7064/7065 URIs. Credentials never leave the run: reports strip them. */
export interface IceServerRule extends RuleBase {
  kind: 'stun' | 'turn';
  urls: string[];
  username?: string;
  credential?: string;
  /**
   * stun rules only: a STUN server OUTSIDE the vendor's addresses that an admin names as a
   * reference (their own, or a public one). Its answer is the only evidence that UDP from
   * this network reaches addresses beyond the vendor's, which hole punching needs: a firewall
   * that allows UDP only to the vendor's addresses passes every vendor check (measured).
   */
  reference?: boolean;
}

/** Raw TCP/UDP: what a firewall admin types, mostly beyond what a browser can test. */
export interface HostPortRule extends RuleBase {
  kind: 'tcp' | 'udp';
  /** Names, wildcards (`*.senso.cloud`), IP addresses or CIDR ranges. */
  hosts: string[];
  ports: PortSpec[];
  /** A concrete host matching `hosts`, for probing a wildcard or a range. */
  probeHost?: string;
}

export type ProfileRule = WebRule | IceServerRule | HostPortRule;

export interface Profile {
  id: string;
  name: string;
  /** The profile's own version (e.g. the vendor document's date); reports quote it. */
  version: string;
  /** Regions a rule may be limited to, e.g. `eu`, `na`. */
  regions?: string[];
  /** Which vendor document the rules come from (title or URL). */
  source?: string;
  rules: ProfileRule[];
}

export type ProfileErrorCode =
  | 'not-an-object'
  | 'type'
  | 'required'
  | 'unknown-field'
  | 'too-long'
  | 'too-many'
  | 'empty'
  | 'pattern'
  | 'unknown-kind'
  | 'url'
  | 'uri'
  | 'scheme'
  | 'host'
  | 'port'
  | 'duplicate-id'
  | 'region'
  | 'probe-host'
  | 'credentials'
  /** The document nests deeper than any profile (see MAX_DEPTH). */
  | 'too-deep'
  /** Every rule was refused: nothing is left to check. */
  | 'no-usable-rule';

/**
 * One problem in a profile. `path` names the field, e.g. `rules[3].ports[0]`;
 * '' is the whole document. `message` names the kind of problem and never
 * quotes the value (any field may hold a secret). `unknown-field` only warns.
 */
export interface ProfileError {
  path: string;
  code: ProfileErrorCode;
  message: string;
}
