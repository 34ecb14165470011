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

/** "850 ms", "3.2 s": locale-independent, so golden files do not depend on the machine. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  return `${Math.round(ms / 100) / 10} s`;
}

/** "320 kbit/s", "1.8 Mbit/s", "25 Mbit/s": as locale-independent as formatDuration. */
export function formatRate(kbps: number): string {
  if (kbps < 1_000) return `${Math.round(kbps)} kbit/s`;
  if (kbps < 10_000) return `${Math.round(kbps / 100) / 10} Mbit/s`;
  return `${Math.round(kbps / 1_000)} Mbit/s`;
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
