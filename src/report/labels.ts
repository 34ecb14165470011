/**
 * Words for the report's machine values, through a `Translate`, shared by the
 * ticket text and the printable page so both say the same thing.
 */
import type { MessageKey, Translate } from '../i18n/translate';
import { say } from '../i18n/words';
import type { CheckStatus } from '../checks/types';
import type { Method, MethodStatus, Route } from '../verdict';
import type { Report, RunTrigger } from './types';
import type { ProfileError } from '../profile/types';
import { profileErrorPhrase } from '../profile/error-phrase';

const ROUTE_KEYS: Record<Route, MessageKey> = {
  'hole-punching': 'report_route_hole_punching',
  'relay-udp': 'report_route_relay_udp',
  'relay-tcp': 'report_route_relay_tcp',
  'relay-tls': 'report_route_relay_tls',
  none: 'report_route_none',
  untested: 'report_route_untested',
};
const METHOD_KEYS: Record<Method, MessageKey> = {
  lan: 'report_method_lan',
  'hole-punching': 'report_method_hole_punching',
  'relay-udp': 'report_method_relay_udp',
  'relay-tcp': 'report_method_relay_tcp',
  'relay-tls': 'report_method_relay_tls',
};
const METHOD_STATUS_KEYS: Record<MethodStatus, MessageKey> = {
  available: 'report_method_status_available',
  unverified: 'report_method_status_unverified',
  unavailable: 'report_method_status_unavailable',
  untested: 'report_method_status_untested',
};
const CHECK_STATUS_KEYS: Record<CheckStatus, MessageKey> = {
  pass: 'report_status_pass',
  fail: 'report_status_fail',
  warn: 'report_status_warn',
  untestable: 'report_status_untestable',
  error: 'report_status_error',
};
const TRIGGER_KEYS: Record<RunTrigger, MessageKey> = {
  user: 'report_trigger_user',
  automation: 'report_trigger_automation',
  schedule: 'report_trigger_schedule',
  startup: 'report_trigger_startup',
};

export const routeLabel = (t: Translate, route: Route) => t(ROUTE_KEYS[route]);
export const methodLabel = (t: Translate, method: Method) => t(METHOD_KEYS[method]);
export const methodStatusLabel = (t: Translate, status: MethodStatus) => t(METHOD_STATUS_KEYS[status]);
export const checkStatusLabel = (t: Translate, status: CheckStatus) => t(CHECK_STATUS_KEYS[status]);
export const triggerLabel = (t: Translate, trigger: RunTrigger) => t(TRIGGER_KEYS[trigger]);

/** A number with at most one decimal in `locale`'s digits and separator ("4.2", "4,2"), never grouped. */
function decimal(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, useGrouping: false }).format(n);
}

/**
 * "850 ms", "3.2 s" ("3,2 s" in `de` and `fr`): the unit symbols are SI, the
 * number is written the reader's way. English by default, so golden files do
 * not depend on the machine; pages pass their language (popup/shared/format.ts).
 */
export function formatDuration(ms: number, locale = 'en'): string {
  if (ms < 1_000) return `${decimal(Math.round(ms), locale)} ms`;
  return `${decimal(Math.round(ms / 100) / 10, locale)} s`;
}

/** "320 kbit/s", "1.8 Mbit/s", "25 Mbit/s", in `locale`'s digits as formatDuration. */
export function formatRate(kbps: number, locale = 'en'): string {
  if (kbps < 1_000) return `${decimal(Math.round(kbps), locale)} kbit/s`;
  if (kbps < 10_000) return `${decimal(Math.round(kbps / 100) / 10, locale)} Mbit/s`;
  return `${decimal(Math.round(kbps / 1_000), locale)} Mbit/s`;
}

/** "region=eu, connection=legacy", or the word for none. */
export function formatChoices(t: Translate, choices: Record<string, string>): string {
  const entries = Object.entries(choices);
  return entries.length === 0 ? t('report_none') : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

export function browserText(t: Translate, env: Report['environment']): string {
  return env.browser ? `${env.browser.name} ${env.browser.version}` : t('report_unknown');
}

export function osText(t: Translate, env: Report['environment']): string {
  return `${env.os ?? t('report_unknown')} (${env.arch ?? t('report_unknown')})`;
}

export function deviceText(t: Translate, device: Report['environment']['device']): string {
  if (!device.available) return t('report_env_device_unavailable', [device.reason ? say(t, device.reason) : t('report_unknown')]);
  const facts = Object.entries(device.facts);
  return facts.length === 0 ? t('report_none') : facts.map(([k, v]) => `${k}=${v}`).join(', ');
}

export function webRtcPolicyText(t: Translate, policy: Report['environment']['webRtcIpHandling']): string {
  const value = policy.value ?? t('report_unknown');
  return policy.note ? `${value} (${say(t, policy.note)})` : value;
}

/**
 * A profile problem in the reader's language, by its code. The validator's
 * own `message` (English, with the specifics: "is 300 characters long (at
 * most 200)") stays in the JSON for readers without the extension; a code
 * this version does not know shows that message.
 */
export function profileErrorText(t: Translate, e: Pick<ProfileError, 'code' | 'message'>): string {
  const words = profileErrorPhrase(e);
  return words ? say(t, words) : e.message;
}

export const yesNo = (t: Translate, value: boolean) => t(value ? 'report_yes' : 'report_no');
