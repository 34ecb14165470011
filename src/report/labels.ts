/**
 * Words for the report's machine values, through a `Translate`, shared by the
 * ticket text and the printable page so both say the same thing.
 */
import type { Translate } from '../i18n/translate';
import type { CheckStatus } from '../checks/types';
import type { Method, MethodStatus, Route } from '../verdict';
import type { Report, RunTrigger } from './types';

const key = (value: string) => value.replace(/-/g, '_');

export const routeLabel = (t: Translate, route: Route) => t(`report_route_${key(route)}`);
export const methodLabel = (t: Translate, method: Method) => t(`report_method_${key(method)}`);
export const methodStatusLabel = (t: Translate, status: MethodStatus) => t(`report_method_status_${status}`);
export const checkStatusLabel = (t: Translate, status: CheckStatus) => t(`report_status_${status}`);
export const triggerLabel = (t: Translate, trigger: RunTrigger) => t(`report_trigger_${trigger}`);

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
  if (!device.available) return t('report_env_device_unavailable', [device.reason ?? t('report_unknown')]);
  const facts = Object.entries(device.facts);
  return facts.length === 0 ? t('report_none') : facts.map(([k, v]) => `${k}=${v}`).join(', ');
}

export function webRtcPolicyText(t: Translate, policy: Report['environment']['webRtcIpHandling']): string {
  const value = policy.value ?? t('report_unknown');
  return policy.note ? `${value} (${policy.note})` : value;
}

export const yesNo = (t: Translate, value: boolean) => t(value ? 'report_yes' : 'report_no');
