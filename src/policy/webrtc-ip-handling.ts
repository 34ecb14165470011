/**
 * `chrome.privacy.network.webRTCIPHandlingPolicy` binds web pages, not this
 * extension: measured on Chromium 156, a page under `disable_non_proxied_udp`
 * gathers no candidate at all while the extension's offscreen document still
 * relays over UDP. So the checks can pass where the vendor's web app fails,
 * and the report must say so. Semantics from Chromium's
 * content/public/common/webrtc_ip_handling_policy.h and RFC 8828 §5.2.
 */
/** The setting as the report carries it (`report.environment.webRtcIpHandling`). */
export interface WebRtcIpHandling {
  /** e.g. `default`, `disable_non_proxied_udp`; null when it cannot be read. */
  value: string | null;
  /** e.g. `controlled_by_other_extensions`, `not_controllable` (set by policy). */
  levelOfControl: string | null;
  /** True when web apps cannot use UDP or non-proxied routes the checks used. */
  limitsWebApps: boolean;
  /** Plain words for the report; why it could not be read when value is null. */
  note: string | null;
  /**
   * The setting binds this extension's own checks too (Firefox: measured with
   * `proxy_only` and `default_public_interface_only`); false in Chrome, where it
   * binds web pages only. Absent in reports written before issue 18.
   */
  bindsChecks?: boolean;
}
/** What a web app loses compared with the extension's checks. */
export type WebAppLimit = 'lan' | 'other-interfaces' | 'udp' | 'non-proxied';

interface Meaning {
  limits: WebAppLimit[];
  text: string;
}

const MEANINGS: Record<string, Meaning> = {
  default: { limits: [], text: 'Web apps may use every network interface, as these checks do.' },
  // "Mode 2": the default route only, with its private address; UDP and LAN on that interface still work.
  default_public_and_private_interfaces: {
    limits: ['other-interfaces'],
    text: 'Web apps use only the interface of the default route (its private address included): direct and UDP calls still work there; a second interface (VPN, another network) is not used.',
  },
  // "Mode 3": no private address at all, so no host candidates and no direct LAN connection.
  default_public_interface_only: {
    limits: ['lan', 'other-interfaces'],
    text: 'Web apps do not use private addresses: direct calls on the local network (LAN P2P) are not possible for them; hole punching and relays still are.',
  },
  // "Mode 4": UDP only through a proxy that supports it (SOCKS5 UDP); otherwise TCP only.
  disable_non_proxied_udp: {
    limits: ['lan', 'udp'],
    text: 'Web apps cannot send UDP unless a proxy relays it: direct calls, hole punching and TURN over UDP are not available to them; only TURN over TCP or TLS (through the proxy, if one is set).',
  },
  // Firefox only: every WebRTC connection through the proxy.
  proxy_only: {
    limits: ['lan', 'udp', 'non-proxied'],
    text: 'Web apps may connect only through the proxy: only TURN over TCP or TLS through the proxy can work for them.',
  },
};

const CONTROL: Record<string, string> = {
  not_controllable: 'Set by an administrator policy (WebRtcIPHandling); users and extensions cannot change it.',
  controlled_by_other_extensions: 'Set by another extension.',
  controlled_by_this_extension: 'Set by this extension.',
  controllable_by_this_extension: '',
};

/**
 * What the setting forbids the checks themselves, where it binds them: every STUN/TURN
 * route but a proxied one (`all`), UDP ones (`udp`), or nothing.
 */
export function iceForbiddenToChecks(setting: Pick<WebRtcIpHandling, 'value' | 'bindsChecks'> | undefined): 'all' | 'udp' | 'none' {
  if (!setting?.bindsChecks) return 'none';
  const limits = webAppLimits(setting.value);
  return limits.includes('non-proxied') ? 'all' : limits.includes('udp') ? 'udp' : 'none';
}

/** Which routes web apps lose under the setting; the checks' own results do not show this. */
export function webAppLimits(value: string | null): WebAppLimit[] {
  return value === null ? [] : (MEANINGS[value]?.limits ?? []);
}

/** The environment entry for a report: value, who controls it, and whether web apps lose routes the checks used. */
export function assessWebRtcIpHandling(value: unknown, levelOfControl: unknown, bindsChecks = false): WebRtcIpHandling {
  if (typeof value !== 'string') {
    return { value: null, levelOfControl: null, limitsWebApps: false, note: 'The browser did not report its WebRTC IP handling policy.', bindsChecks };
  }
  const control = typeof levelOfControl === 'string' ? levelOfControl : null;
  const meaning = MEANINGS[value];
  const who = control === null ? '' : (CONTROL[control] ?? `Level of control: ${control}.`);
  const text = meaning?.text ?? `Unknown value "${value.slice(0, 60)}": its effect on web apps is not known to this version.`;
  const limits = meaning?.limits ?? [];
  // Losing only a second interface changes nothing the checks measured; losing LAN, UDP or direct routes does.
  const limitsWebApps = limits.some((limit) => limit !== 'other-interfaces');
  // Where the setting binds the checks too, their results already are what web apps here get.
  const binds = bindsChecks && limits.length > 0 ? 'This browser applies it to these checks too: what they found is what web apps here get.' : '';
  return { value, levelOfControl: control, limitsWebApps, note: [text, who, binds].filter((part) => part !== '').join(' '), bindsChecks };
}

/** Why it could not be read (no `privacy` API, e.g. a browser without it, or an error). */
export function unreadWebRtcIpHandling(reason: string): WebRtcIpHandling {
  return { value: null, levelOfControl: null, limitsWebApps: false, note: `Not read: ${reason.slice(0, 200)}` };
}
