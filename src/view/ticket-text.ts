/**
 * The report as text for a support ticket: Markdown that reads as plain text
 * when the ticket system shows it raw (headings with #, lists with -, rule
 * text in fenced blocks, no tables). Summary first (profile, route, missing
 * rules with their rule text), then every check, then the environment.
 * Renders the report it is given; redaction is decided by the caller. Every
 * value from a profile, a server or the browser goes through `md`/`mdFence`,
 * so it cannot add markup (links, images, HTML, fences) to the ticket.
 */
import type { Translate } from '../i18n/translate';
import { CALL_GRADE_KEYS, LAN_KEYS } from './methods';
import { natMappingLabel } from './nat-words';
import {
  browserText,
  checkStatusLabel,
  deviceText,
  formatChoices,
  formatDuration,
  formatRate,
  methodLabel,
  methodStatusLabel,
  osText,
  profileErrorText,
  routeLabel,
  triggerLabel,
  webRtcPolicyText,
  yesNo,
} from '../report/labels';
import type { RuleAdvice } from '../checks/missing-rules';
import { causeKeys, causeText, missingRulesText, ruleText } from './rules';
import type { Report } from '../report/types';
import { gradeCall, type LoopbackResult } from '../ice/loopback';
import { headlineText } from './headline';
import { usageWord } from './plain';
import { statusOf } from './status';
import { mdFence, mdText as md } from '../report/markdown';
import { say, sayCheckDetail } from '../i18n/words';
import { reportSections } from './report-sections';
import { truncationList } from './truncated';

export function renderTicketText(report: Report, t: Translate): string {
  const lines: string[] = [];
  const out = (...more: string[]) => lines.push(...more);
  const { profile, verdict, environment: env } = report;

  out(`# ${t('report_title')}`, '');
  // What the user saw and the one thing to do, before any detail: the help desk reads this line first.
  const status = statusOf(report);
  out(t('report_user_saw', [md(headlineText(status.headline, t))]), '', t(status.nextStepKey, [usageWord(profile.id, t)]), '');
  out(`- ${t('report_profile', [md(profile.name), md(profile.id), md(profile.version)])}`);
  out(`- ${t('report_choices', [md(formatChoices(t, profile.choices))])}`);
  out(`- ${t('report_started', [md(report.startedAt), md(env.timeZone)])}`);
  out(`- ${t('report_duration', [formatDuration(report.durationMs), formatDuration(report.deadlineMs)])}`);
  out(`- ${t('report_trigger', [triggerLabel(t, report.trigger)])}`);
  out(`- ${t('report_id', [md(report.id)])}`);
  out(`- ${t(report.redaction.ipAddresses ? 'report_ips_redacted' : 'report_ips_kept')}`);
  const cuts = truncationList(report);
  if (cuts !== null) out(`- ${t('report_truncated', [md(cuts)])}`);
  out('');

  // The profile's name heads each rule copy: escaped, as everywhere in the ticket text.
  const named = { ...report, profile: { ...profile, name: md(profile.name), version: md(profile.version) } };
  for (const s of reportSections(report, t)) {
    switch (s.kind) {
      case 'route': {
        out(`## ${t('report_route_heading')}`, '');
        const unverified = verdict.route !== 'none' && !verdict.routeVerified ? ` ${t('report_route_unverified')}` : '';
        out(`**${routeLabel(t, verdict.route)}**${unverified}`, '');
        out(md(say(t, verdict.summary)), '');
        // The outcome adds the services the app needs to the route (a blocked required service is never "fine").
        if (report.outcome) out(`**${md(say(t, report.outcome.summary))}**`, '');
        if (report.proxy?.inUse && report.proxy.note) out(md(say(t, report.proxy.note)), '');
        out(`- ${methodLabel(t, 'lan')}: ${t(LAN_KEYS[verdict.lan])}`);
        out(`- ${t('report_nat', [natMappingLabel(t, report.nat.mapping), md(say(t, report.nat.reason))])}`, '');
        break;
      }
      case 'missing-rules': {
        out(`## ${t('report_missing_heading', [report.missingRules.length])}`, '');
        if (report.missingRules.length === 0) out(t('report_missing_none'), '');
        for (const rule of report.missingRules) out(...ruleBlock(t, rule));
        break;
      }
      case 'verify-rules': {
        out(`## ${t('report_verify_heading', [report.verifyRules.length])}`, '');
        for (const rule of report.verifyRules) out(...ruleBlock(t, rule));
        break;
      }
      case 'rule-set':
        // One copy for the firewall admin: duplicates merged, "also check" included.
        out(`## ${t('report_rule_set_heading')}`, '', ...mdFence(missingRulesText(named, t)), '');
        break;
      case 'cause': {
        const section = s.cause;
        // Addressed to the person who can fix it.
        const keys = causeKeys(section.cause);
        out(`## ${t(keys.heading, [section.rules.length])}`, '', t(keys.hint), '');
        for (const note of section.notes ?? []) out(`- ${md(say(t, note))}`);
        if ((section.notes ?? []).length > 0) out('');
        for (const rule of section.rules) out(...ruleBlock(t, rule, false));
        out(...mdFence(causeText(section, named, t)), '');
        break;
      }
      case 'profile-errors': {
        out(`## ${t('report_profile_errors_heading', [profile.errors.length])}`, '');
        for (const e of profile.errors) out(`- ${md(e.path || '/')}: ${md(profileErrorText(t, e))} (${md(e.code)})`);
        out('');
        break;
      }
      case 'methods': {
        out(`## ${t('report_methods_heading')}`, '');
        for (const m of verdict.methods) {
          out(`- ${methodLabel(t, m.method)}: ${methodStatusLabel(t, m.status)}`);
          for (const r of m.reasons) out(`  - ${md(say(t, r))}`);
        }
        out('');
        break;
      }
      case 'checks': {
        out(`## ${t('report_checks_heading', [report.checks.length])}`, '');
        for (const c of report.checks) {
          const reason = c.reason ? `, ${t('report_check_reason', [md(c.reason)])}` : '';
          const time = c.durationMs === null ? t('report_check_not_attempted') : t('report_check_time', [formatDuration(c.durationMs)]);
          out(`- [${checkStatusLabel(t, c.status)}] ${md(c.target)} (${md(c.transport.toUpperCase())}, ${md(c.ruleId)})${reason}, ${time}`);
          out(`  ${md(sayCheckDetail(t, c))}`);
        }
        out('');
        break;
      }
      case 'loopback-calls': {
        const calls = report.loopbacks ?? [];
        out(`## ${t('report_loopback_heading', [calls.length])}`, '');
        for (const l of calls) out(`- ${loopbackLine(t, l)}`);
        out('');
        break;
      }
      case 'ice-errors': {
        out(`## ${t('report_ice_errors_heading', [report.iceErrors.length])}`, '');
        for (const e of report.iceErrors)
          out(`- ${md(String(e.errorCode))} ${md(e.errorText)} — ${md(e.url)} (${md(e.gatheringId)}, ${formatDuration(e.atMs)})`);
        out('');
        break;
      }
      case 'candidates':
        // Support reads the candidates in the JSON report.
        break;
      case 'environment': {
        out(`## ${t('report_environment_heading')}`, '');
        out(`- ${t('report_env_extension', [md(env.extensionVersion)])}`);
        out(`- ${t('report_env_browser', [md(browserText(t, env))])}`);
        out(`- ${t('report_env_os', [md(osText(t, env))])}`);
        out(`- ${t('report_env_language', [md(env.uiLanguage)])}`);
        out(`- ${t('report_env_timezone', [md(env.timeZone)])}`);
        out(`- ${t('report_env_managed', [yesNo(t, env.policy.managed)])}`);
        if (env.policy.settingsFromPolicy.length > 0) out(`- ${t('report_env_policy_settings', [md(env.policy.settingsFromPolicy.join(', '))])}`);
        for (const p of env.policy.problems) out(`- ${t('report_env_policy_problem', [md(p.field), md(say(t, p.message))])}`);
        out(`- ${t('report_env_webrtc_policy', [md(webRtcPolicyText(t, env.webRtcIpHandling))])}`);
        out(`- ${t('report_env_device', [md(deviceText(t, env.device))])}`);
        out(`- ${t('report_env_user_agent', [md(env.userAgent)])}`);
        break;
      }
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** "Relay ↔ relay over UDP (turn:…): 150 of 150 packets arrived, round trip 1 ms, jitter 0.1 ms, throughput at least 25 Mbit/s — good for video". */
export function loopbackLine(t: Translate, l: LoopbackResult): string {
  const path = t(l.path === 'relay-relay' ? 'report_loopback_relay_relay' : 'report_loopback_relay_direct', [l.transport.toUpperCase()]);
  if (l.setupError !== null) return `${path} (${l.turnUrl}): ${t('report_loopback_not_run', [l.setupError])}`;
  const figures = t('report_loopback_figures', [
    String(l.received),
    String(l.sent),
    l.rttMs === null ? '–' : formatDuration(l.rttMs),
    // Jitter is a few ms on a good path: one decimal, which formatDuration rounds away.
    l.jitterMs === null ? '–' : `${Math.round(l.jitterMs * 10) / 10} ms`,
  ]);
  // Reports stored before the burst existed have no throughput figure.
  const throughput = l.throughputKbps == null ? '' : `, ${t('report_loopback_throughput', [formatRate(l.throughputKbps)])}`;
  return `${path} (${l.turnUrl}): ${figures}${throughput} — ${t(CALL_GRADE_KEYS[gradeCall(l)])}`;
}

function ruleBlock(t: Translate, rule: RuleAdvice, withText = true): string[] {
  const required = t(rule.required ? 'report_rule_required' : 'report_rule_optional');
  return [
    `### ${md(rule.purpose)} (${md(rule.ruleId)}, ${required})`,
    '',
    ...rule.findings.map((f) => `- ${md(say(t, f))}`),
    ...(rule.findings.length > 0 ? [''] : []),
    ...(withText ? [...mdFence(ruleText(rule, t)), ''] : []),
  ];
}
