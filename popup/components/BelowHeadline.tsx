import type { Report } from '../../src/report/types';
import type { SettingsView } from '../../src/settings/types';
import { BUILTIN_CATALOGUE } from '../../src/view/catalogue';
import { webAppWarning } from '../../src/view/webapp-warning';
import { truncationList } from '../../src/view/truncated';
import { say } from '../../src/i18n/words';
import { natLine } from '../../src/view/nat-words';
import { useAfterPaint } from '../shared/after-paint';
import { formatTime } from '../shared/format';
import { t } from '../shared/i18n';
import { CheckDetails } from './Checks';
import { CauseSections } from './CauseSections';
import { Methods } from './Methods';
import { RouteDiagram } from './RouteDiagram';
import { MissingRules, VerifyRules } from './Rules';

/**
 * Everything in the popup below the headline, in a chunk of its own so the
 * first paint of the stored verdict loads and renders only the headline
 * (Popup.tsx). main.tsx starts fetching this chunk at once; it renders right
 * after the headline is on screen.
 */
export { NextStep, Outcomes, Checking } from './TopLayer';
export { ProfilePicker } from './ProfilePicker';

/** "host 2, srflx 1, relay 2": the candidate types gathered, for IT. */
function candidateTypes(report: Report): string {
  const counts = new Map<string, number>();
  for (const c of report.candidates) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return counts.size === 0 ? '—' : [...counts].map(([type, n]) => `${type} ${n}`).join(', ');
}

/** Before any run: which product the first check will be for. */
export function FirstRunProduct({ view }: { view: SettingsView }) {
  const chosen = BUILTIN_CATALOGUE.find((p) => p.id === view.effective.profileId) ?? view.customProfiles.find((p) => p.id === view.effective.profileId);
  if (!chosen) return null;
  return (
    <p class="muted" data-testid="first-run-product">
      {/* A product the admin locked is not to be chosen: no "Choose another product below" (issue 28). */}
      {t(view.locked.includes('profileId') ? 'popup_first_run_product_locked' : 'popup_first_run_product', [chosen.name])}
    </p>
  );
}

/** The result under the top layer: the web-app warning, the export actions and "Details for IT"; greyed and dated during a run. */
export function ReportDetails({ report, running }: { report: Report; running: boolean }) {
  const exports = useAfterPaint(() => import('../export/ExportActions'));
  const warning = webAppWarning(report.environment.webRtcIpHandling);
  const webAppNote = warning === null ? null : 'keys' in warning ? warning.keys.map((key) => t(key)).join(' ') : say(t, warning.note);
  return (
    <div class={running ? 'stale' : undefined} data-testid={running ? 'previous' : 'result'}>
      {running && (
        <p class="stale-note" data-testid="previous-note">
          {t('popup_previous_result', [formatTime(report.startedAt)])}
        </p>
      )}
      {truncationList(report) !== null && (
        <p class="warning" role="note" data-testid="truncated">
          {t('report_truncated', [truncationList(report)!])}
        </p>
      )}
      {webAppNote && (
        <p class="warning" role="note" data-testid="webapp-warning">
          <span aria-hidden="true">⚠ </span>
          {t('popup_webapp_warning', [webAppNote])}
        </p>
      )}
      <div class="export-slot" data-testid="export-slot">
        {exports && <exports.ExportActions report={report} />}
      </div>
      <details class="it-details" data-testid="it-details">
        <summary>{t('popup_it_details')}</summary>
        <Methods verdict={report.verdict} checks={report.checks} loopbacks={report.loopbacks} />
        <ul class="it-facts" data-testid="it-facts">
          <li>{natLine(t, report.nat)}</li>
          <li>{t('popup_candidates', [candidateTypes(report)])}</li>
        </ul>
        <RouteDiagram report={report} />
        <MissingRules key={report.id} report={report} />
        <CauseSections key={`causes-${report.id}`} report={report} />
        <VerifyRules report={report} />
        <CheckDetails checks={report.checks} />
      </details>
    </div>
  );
}
