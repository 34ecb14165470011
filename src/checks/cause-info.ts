/**
 * Every cause a finding can have, who acts on it and the message keys of its
 * report section: one entry per cause. Kept apart from the rows that decide a
 * cause (src/checks/cause.ts) so that pages read it without the decision code.
 */
import type { MessageKey } from '../i18n/message-keys';

/** What a cause's section says, and to whom; `null` keys for the firewall, whose findings are rules. */
export interface CauseInfo {
  /** Who can act on it, in the docs' words. */
  who: string;
  keys: { heading: MessageKey; hint: MessageKey; copyHeading: MessageKey } | null;
}

/** Every cause, in the order the report lists its section. */
export const CAUSE_INFO = {
  firewall: { who: 'network / firewall admin', keys: null },
  proxy: {
    who: 'proxy / web filter admin',
    keys: { heading: 'cause_proxy_heading', hint: 'cause_proxy_hint', copyHeading: 'cause_proxy_copy_heading' },
  },
  'dns-filter': {
    who: 'whoever runs DNS or the content filter',
    keys: { heading: 'cause_dns_heading', hint: 'cause_dns_hint', copyHeading: 'cause_dns_copy_heading' },
  },
  'relay-credentials': {
    who: 'vendor, or whoever wrote the profile / policy',
    keys: { heading: 'cause_credentials_heading', hint: 'cause_credentials_hint', copyHeading: 'cause_credentials_copy_heading' },
  },
  'vendor-server': {
    who: 'vendor support',
    keys: { heading: 'cause_vendor_heading', hint: 'cause_vendor_hint', copyHeading: 'cause_vendor_copy_heading' },
  },
  'network-path': {
    who: 'network admin (VPN, tunnel, MTU), not a port rule',
    keys: { heading: 'cause_path_heading', hint: 'cause_path_hint', copyHeading: 'cause_path_copy_heading' },
  },
  'this-device': {
    who: 'whoever looks after the device',
    keys: { heading: 'cause_device_heading', hint: 'cause_device_hint', copyHeading: 'cause_device_copy_heading' },
  },
  unknown: {
    who: 'network admin and vendor together: the report says what would decide it',
    keys: { heading: 'cause_unknown_heading', hint: 'cause_unknown_hint', copyHeading: 'cause_unknown_copy_heading' },
  },
} as const satisfies Record<string, CauseInfo>;

export type Cause = keyof typeof CAUSE_INFO;

/** In the order the report lists the sections. */
export const CAUSES = Object.keys(CAUSE_INFO) as readonly Cause[];
