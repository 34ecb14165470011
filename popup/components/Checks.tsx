import type { CheckResult } from '../../src/checks/types';
import type { RunProgress } from '../../src/messages';
import { CHECK_STATUS_ICON, CHECK_STATUS_KEYS, progressRatio } from '../../src/view/checks';
import { reasonLine } from '../../src/view/reasons';
import { t } from '../shared/i18n';

function CheckLine({ check }: { check: CheckResult }) {
  const line = reasonLine(check);
  return (
    <li class={`check check-${check.status}`} data-check={check.id} data-status={check.status}>
      <span class="icon" aria-hidden="true">{CHECK_STATUS_ICON[check.status]}</span>
      <span class="check-status">{t(CHECK_STATUS_KEYS[check.status])}</span>
      <span class="target">{check.target}</span>
      {line && <span class="reason-line">{t(line.key, line.substitutions)}</span>}
      <span class="detail">
        {check.detail}
        {check.durationMs !== null && ` · ${t('popup_ms', [check.durationMs])}`}
      </span>
    </li>
  );
}

/** Live progress: the bar, and each check ticking in as it finishes. */
export function Progress({ progress }: { progress: RunProgress | null }) {
  const done = progress?.done.length ?? 0;
  const total = progress?.total ?? 0;
  return (
    <section class="progress" data-testid="progress" aria-live="polite">
      <label>
        {t('popup_checking', [done, total || '…'])}
        <progress max={1} value={progressRatio(done, total)} aria-label={t('popup_progress_label')} />
      </label>
      <ul class="checks">
        {progress?.done.map((check) => <CheckLine key={check.id} check={check} />)}
      </ul>
    </section>
  );
}

/** Details on demand: every check with its evidence and timing. */
export function CheckDetails({ checks }: { checks: CheckResult[] }) {
  return (
    <details class="details" data-testid="details">
      <summary>{t('popup_details')}</summary>
      <ul class="checks">
        {checks.map((check) => <CheckLine key={check.id} check={check} />)}
      </ul>
    </details>
  );
}
