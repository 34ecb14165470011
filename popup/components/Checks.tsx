import type { CheckResult } from '../../src/checks/types';
import { CHECK_STATUS_ICON, CHECK_STATUS_KEYS } from '../../src/view/checks';
import { reasonLine } from '../../src/view/reasons';
import { t } from '../shared/i18n';
import { sayCheckDetail } from '../../src/i18n/words';
import { formatNumber } from '../shared/format';

function CheckLine({ check }: { check: CheckResult }) {
  const line = reasonLine(check);
  return (
    <li class={`check check-${check.status}`} data-check={check.id} data-status={check.status}>
      <span class="icon" aria-hidden="true">
        {CHECK_STATUS_ICON[check.status]}
      </span>
      <span class="check-status">{t(CHECK_STATUS_KEYS[check.status])}</span>
      <span class="target">{check.target}</span>
      {line && <span class="reason-line">{t(line.key, line.substitutions)}</span>}
      <span class="detail">
        {sayCheckDetail(t, check)}
        {check.durationMs !== null && ` · ${t('popup_ms', [formatNumber(check.durationMs)])}`}
      </span>
    </li>
  );
}

/** Details on demand: every check with its evidence and timing. */
export function CheckDetails({ checks }: { checks: CheckResult[] }) {
  return (
    <details class="details" data-testid="details">
      <summary>{t('popup_details')}</summary>
      <ul class="checks">
        {checks.map((check) => (
          <CheckLine key={check.id} check={check} />
        ))}
      </ul>
    </details>
  );
}
