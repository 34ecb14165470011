/**
 * `chrome.privacy.network.webRTCIPHandlingPolicy` binds web pages, not this
 * extension: measured on Chromium 156, a page under `disable_non_proxied_udp`
 * gathers no candidate at all while the extension's offscreen document still
 * relays over UDP. So the checks can pass where the vendor's web app fails,
 * and the report must say so. Semantics from Chromium's
 * content/public/common/webrtc_ip_handling_policy.h and RFC 8828 §5.2.
 */
import { phrase, type Phrase } from '../i18n/phrase';

/** The setting as the report carries it (`report.environment.webRtcIpHandling`). */
export interface WebRtcIpHandling {
  /** e.g. `default`, `disable_non_proxied_udp`; null when it cannot be read. */
  value: string | null;
  /** e.g. `controlled_by_other_extensions`, `not_controllable` (set by policy). */
  levelOfControl: string | null;
  /** True when web apps cannot use UDP or non-proxied routes the checks used. */
  limitsWebApps: boolean;
  /** What it means for web apps, and who set it (a phrase); why it could not be read when value is null. */
  note: Phrase | null;
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
  text: Phrase;
}

const MEANINGS: Record<string, Meaning> = {
  default: { limits: [], text: phrase('webrtc_ip_default') },
  // "Mode 2": the default route only, with its private address; UDP and LAN on that interface still work.
  default_public_and_private_interfaces: {
    limits: ['other-interfaces'],
    text: phrase('webrtc_ip_default_public_and_private_interfaces'),
  },
  // "Mode 3": no private address at all, so no host candidates and no direct LAN connection.
  default_public_interface_only: {
    limits: ['lan', 'other-interfaces'],
    text: phrase('webrtc_ip_default_public_interface_only'),
  },
  // "Mode 4": UDP only through a proxy that supports it (SOCKS5 UDP); otherwise TCP only.
  disable_non_proxied_udp: {
    limits: ['lan', 'udp'],
    text: phrase('webrtc_ip_disable_non_proxied_udp'),
  },
  // Firefox only: every WebRTC connection through the proxy.
  proxy_only: {
    limits: ['lan', 'udp', 'non-proxied'],
    text: phrase('webrtc_ip_proxy_only'),
  },
};

const CONTROL: Record<string, Phrase | null> = {
  not_controllable: phrase('webrtc_control_policy'),
  controlled_by_other_extensions: phrase('webrtc_control_other_extension'),
  controlled_by_this_extension: phrase('webrtc_control_this_extension'),
  controllable_by_this_extension: null,
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
    return { value: null, levelOfControl: null, limitsWebApps: false, note: phrase('webrtc_not_reported'), bindsChecks };
  }
  const control = typeof levelOfControl === 'string' ? levelOfControl : null;
  const meaning = MEANINGS[value];
  const who = control === null ? null : control in CONTROL ? CONTROL[control]! : phrase('webrtc_control_level', { level: control.slice(0, 60) });
  const text = meaning?.text ?? phrase('webrtc_ip_unknown', { value: value.slice(0, 60) });
  const limits = meaning?.limits ?? [];
  // Losing only a second interface changes nothing the checks measured; losing LAN, UDP or direct routes does.
  const limitsWebApps = limits.some((limit) => limit !== 'other-interfaces');
  const described = who === null ? text : phrase('webrtc_note_control', { meaning: text, control: who });
  // Where the setting binds the checks too, their results already are what web apps here get.
  const note = bindsChecks && limits.length > 0 ? phrase('webrtc_note_binds', { note: described }) : described;
  return { value, levelOfControl: control, limitsWebApps, note, bindsChecks };
}

/** Why it could not be read: no `privacy` API (a browser without it), or the browser's error text. */
export function unreadWebRtcIpHandling(reason: Phrase | string): WebRtcIpHandling {
  return {
    value: null,
    levelOfControl: null,
    limitsWebApps: false,
    note: phrase('webrtc_not_read', { reason: typeof reason === 'string' ? reason.slice(0, 200) : reason }),
  };
}
