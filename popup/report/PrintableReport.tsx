import type { RuleAdvice } from '../../src/checks/missing-rules';
import {
  browserText,
  checkStatusLabel,
  deviceText,
  formatChoices,
  formatDuration,
  methodLabel,
  methodStatusLabel,
  osText,
  profileErrorText,
  routeLabel,
  triggerLabel,
  webRtcPolicyText,
  yesNo,
} from '../../src/report/labels';
import type { Report } from '../../src/report/types';
import { causeKeys, causeText, missingRulesText, ruleText } from '../../src/view/rules';
import { ruleSetCsv } from './rule-set-csv';
import { saveFile } from '../export/save-file';
import { LAN_KEYS } from '../../src/view/methods';
import { loopbackLine } from '../../src/view/ticket-text';
import { pageTranslate as t } from '../export/page-translate';
import { RouteDiagram } from './RouteDiagram';
import { natLine } from '../../src/view/nat-words';
import { formatDateTime, uiLocale } from '../shared/format';
import { truncationList } from '../../src/view/truncated';
import { say, sayCheckDetail } from '../../src/i18n/words';
import { reportSections, type ReportSection } from '../../src/view/report-sections';

/** The report laid out for reading and printing: the same sections, in the same order, as the ticket text. */
export function PrintableReport({ report }: { report: Report }) {
  const { profile, environment: env } = report;
  return (
    <article class="report" data-testid="printable-report">
      <header>
        <h1>{t('report_title')}</h1>
        <ul class="facts">
          <li>{t('report_profile', [profile.name, profile.id, profile.version])}</li>
          <li>{t('report_choices', [formatChoices(t, profile.choices)])}</li>
          <li>{t('report_started', [formatDateTime(report.startedAt, { seconds: true }), env.timeZone])}</li>
          <li>{t('report_duration', [formatDuration(report.durationMs, uiLocale()), formatDuration(report.deadlineMs, uiLocale())])}</li>
          <li>{t('report_trigger', [triggerLabel(t, report.trigger)])}</li>
          <li>{t('report_id', [report.id])}</li>
          <li>{t(report.redaction.ipAddresses ? 'report_ips_redacted' : 'report_ips_kept')}</li>
          {truncationList(report) !== null && (
            <li class="warning" data-testid="truncated">
              {t('report_truncated', [truncationList(report)!])}
            </li>
          )}
        </ul>
      </header>

      {reportSections(report, t).map((s) => (
        <ReportSectionView key={s.kind === 'cause' ? `cause-${s.cause.cause}` : s.kind} report={report} section={s} />
      ))}
    </article>
  );
}

/** One section of the model (src/view/report-sections.ts), laid out for the page. */
function ReportSectionView({ report, section: s }: { report: Report; section: ReportSection }) {
  const { profile, verdict, environment: env } = report;
  switch (s.kind) {
    case 'route':
      return (
        <section class={`verdict route-${verdict.route}`}>
          <h2>{t('report_route_heading')}</h2>
          <p class="route" data-testid="route">
            <strong>{routeLabel(t, verdict.route)}</strong>
            {verdict.route !== 'none' && !verdict.routeVerified && ` ${t('report_route_unverified')}`}
          </p>
          <p>{say(t, verdict.summary)}</p>
          {report.outcome && (
            <p class={`outcome tone-${report.outcome.tone}`} data-testid="outcome">
              <strong>{say(t, report.outcome.summary)}</strong>
            </p>
          )}
          {report.proxy?.inUse && report.proxy.note && <p data-testid="proxy-note">{say(t, report.proxy.note)}</p>}
          <RouteDiagram verdict={verdict} t={t} />
          <ul>
            <li>
              {methodLabel(t, 'lan')}: {t(LAN_KEYS[verdict.lan])}
            </li>
            <li>{natLine(t, report.nat)}</li>
          </ul>
        </section>
      );
    case 'missing-rules':
      return (
        <section>
          <h2>{t('report_missing_heading', [report.missingRules.length])}</h2>
          {report.missingRules.length === 0 && <p>{t('report_missing_none')}</p>}
          {report.missingRules.map((rule) => (
            <RuleBlock key={rule.ruleId} rule={rule} />
          ))}
        </section>
      );
    case 'verify-rules':
      return (
        <section>
          <h2>{t('report_verify_heading', [report.verifyRules.length])}</h2>
          {report.verifyRules.map((rule) => (
            <RuleBlock key={rule.ruleId} rule={rule} />
          ))}
        </section>
      );
    case 'rule-set':
      return (
        <section data-testid="rule-set">
          <h2>{t('report_rule_set_heading')}</h2>
          {/* CSV for firewall import; here rather than in the popup, which keeps papaparse out of its 25 KB. */}
          {report.firewallRules && (
            <button
              type="button"
              class="no-print"
              data-testid="download-rules-csv"
              onClick={() => saveFile(`webrtc-check-${report.profile.id}-firewall-rules.csv`, ruleSetCsv(report.firewallRules), 'text/csv;charset=utf-8')}
            >
              {t('popup_rules_csv')}
            </button>
          )}
          <pre>{missingRulesText(report, t)}</pre>
        </section>
      );
    case 'cause': {
      const section = s.cause;
      return (
        <section data-testid={`cause-${section.cause}`}>
          <h2>{t(causeKeys(section.cause).heading, [section.rules.length])}</h2>
          <p>{t(causeKeys(section.cause).hint)}</p>
          {(section.notes ?? []).length > 0 && (
            <ul>
              {section.notes.map((note, i) => (
                <li key={i}>{say(t, note)}</li>
              ))}
            </ul>
          )}
          {section.rules.map((rule) => (
            <RuleBlock key={rule.ruleId} rule={rule} withText={false} />
          ))}
          <pre>{causeText(section, report, t)}</pre>
        </section>
      );
    }
    case 'profile-errors':
      return (
        <section>
          <h2>{t('report_profile_errors_heading', [profile.errors.length])}</h2>
          <ul>
            {profile.errors.map((e) => (
              <li key={`${e.path}:${e.code}`}>
                {e.path || '/'}: {profileErrorText(t, e)} ({e.code})
              </li>
            ))}
          </ul>
        </section>
      );
    case 'methods':
      return (
        <section>
          <h2>{t('report_methods_heading')}</h2>
          <ul>
            {verdict.methods.map((m) => (
              <li key={m.method}>
                <strong>{methodLabel(t, m.method)}</strong>: {methodStatusLabel(t, m.status)}
                <ul>
                  {m.reasons.map((r, i) => (
                    <li key={i}>{say(t, r)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      );
    case 'checks':
      return (
        <section>
          <h2>{t('report_checks_heading', [report.checks.length])}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('report_col_status')}</th>
                <th>{t('report_col_target')}</th>
                <th>{t('report_col_rule')}</th>
                <th>{t('report_col_detail')}</th>
                <th>{t('report_col_time')}</th>
              </tr>
            </thead>
            <tbody>
              {report.checks.map((c) => (
                <tr key={c.id} class={`status-${c.status}`}>
                  <td class="status">{checkStatusLabel(t, c.status)}</td>
                  <td class="mono">
                    {c.target} ({c.transport.toUpperCase()})
                  </td>
                  <td>{c.ruleId}</td>
                  <td>
                    {sayCheckDetail(t, c)}
                    {c.reason && <span class="muted"> [{c.reason}]</span>}
                  </td>
                  <td class="num">{c.durationMs === null ? '—' : formatDuration(c.durationMs, uiLocale())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      );
    case 'loopback-calls':
      return (
        <section>
          <h2>{t('report_loopback_heading', [report.loopbacks.length])}</h2>
          <ul>
            {report.loopbacks.map((l) => (
              <li key={l.id}>{loopbackLine(t, l)}</li>
            ))}
          </ul>
        </section>
      );
    case 'ice-errors':
      return (
        <section>
          <h2>{t('report_ice_errors_heading', [report.iceErrors.length])}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('report_col_error')}</th>
                <th>{t('report_col_server')}</th>
                <th>{t('report_col_address')}</th>
                <th>{t('report_col_time')}</th>
              </tr>
            </thead>
            <tbody>
              {report.iceErrors.map((e, i) => (
                <tr key={i}>
                  <td>
                    {e.errorCode} {e.errorText}
                  </td>
                  <td class="mono">{e.url}</td>
                  <td class="mono">{e.address ?? '—'}</td>
                  <td class="num">{formatDuration(e.atMs, uiLocale())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      );
    case 'candidates':
      return (
        <section>
          <h2>{t('report_candidates_heading', [report.candidates.length])}</h2>
          <table class="candidates">
            <thead>
              <tr>
                <th>{t('report_col_type')}</th>
                <th>{t('report_col_address')}</th>
                <th>{t('report_col_server')}</th>
              </tr>
            </thead>
            <tbody>
              {report.candidates.map((c, i) => (
                <tr key={i}>
                  <td>
                    {c.type} {c.protocol}
                    {c.relayProtocol ? ` / ${c.relayProtocol}` : ''}
                  </td>
                  <td class="mono">
                    {c.address ?? '—'}:{c.port ?? '—'}
                    {c.relatedAddress ? ` ← ${c.relatedAddress}` : ''}
                  </td>
                  <td class="mono">{c.url ?? c.gatheringId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      );
    case 'environment':
      return (
        <section>
          <h2>{t('report_environment_heading')}</h2>
          <ul class="facts">
            <li>{t('report_env_extension', [env.extensionVersion])}</li>
            <li>{t('report_env_browser', [browserText(t, env)])}</li>
            <li>{t('report_env_os', [osText(t, env)])}</li>
            <li>{t('report_env_language', [env.uiLanguage])}</li>
            <li>{t('report_env_timezone', [env.timeZone])}</li>
            <li>{t('report_env_managed', [yesNo(t, env.policy.managed)])}</li>
            {env.policy.settingsFromPolicy.length > 0 && <li>{t('report_env_policy_settings', [env.policy.settingsFromPolicy.join(', ')])}</li>}
            {env.policy.problems.map((p) => (
              <li key={p.field}>{t('report_env_policy_problem', [p.field, say(t, p.message)])}</li>
            ))}
            <li>{t('report_env_webrtc_policy', [webRtcPolicyText(t, env.webRtcIpHandling)])}</li>
            <li>{t('report_env_device', [deviceText(t, env.device)])}</li>
            <li class="mono">{t('report_env_user_agent', [env.userAgent])}</li>
          </ul>
        </section>
      );
  }
}

function RuleBlock({ rule, withText = true }: { rule: RuleAdvice; withText?: boolean }) {
  return (
    <div class="rule">
      <h3>
        {rule.purpose}{' '}
        <span class="muted">
          ({rule.ruleId}, {t(rule.required ? 'report_rule_required' : 'report_rule_optional')})
        </span>
      </h3>
      <ul>
        {rule.findings.map((f, i) => (
          <li key={i}>{say(t, f)}</li>
        ))}
      </ul>
      {withText && <pre>{ruleText(rule, t)}</pre>}
    </div>
  );
}
