import type { CheckResult } from '../../src/checks/types';
import type { Verdict } from '../../src/verdict';
import { methodRows, RELAY_TRANSPORT_KEYS } from '../../src/view/methods';
import { t } from '../shared/i18n';

const STATUS_ICON = { available: '✓', unverified: '▲', unavailable: '✕', untested: '–' } as const;

export function Methods({ verdict, checks }: { verdict: Verdict; checks: CheckResult[] }) {
  return (
    <ul class="methods" data-testid="methods">
      {methodRows(verdict, checks).map((row) => (
        <li key={row.group} data-method={row.group} data-status={row.status} class={`status-${row.status}`}>
          <span class="icon" aria-hidden="true">{STATUS_ICON[row.status]}</span>
          <span class="method-name">{t(row.labelKey)}</span>
          <span class="method-status">
            {t(row.statusKey)}
            {row.transport && row.status !== 'unavailable' && row.status !== 'untested' ? ` ${t(RELAY_TRANSPORT_KEYS[row.transport])}` : ''}
          </span>
          {row.reason && (
            <p class="reason" data-testid="method-reason">
              {row.reasonLine ? t(row.reasonLine.key, row.reasonLine.substitutions) : row.reason}
              {row.moreReasons > 0 && ` ${t('popup_more_reasons', [row.moreReasons])}`}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
