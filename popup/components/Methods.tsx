import type { CheckResult } from '../../src/checks/types';
import type { LoopbackResult } from '../../src/ice/loopback';
import type { Verdict } from '../../src/verdict';
import { methodRows, RELAY_TRANSPORT_KEYS } from '../../src/view/methods';
import { t } from '../shared/i18n';
import { formatNumber } from '../shared/format';
import { say } from '../../src/i18n/words';

const STATUS_ICON = { available: '✓', unverified: '▲', unavailable: '✕', untested: '–' } as const;

/**
 * The methods in the field's names, for IT. Under a red outcome a LAN that works
 * is shown neutral, "only within this network": it does not carry calls outside.
 */
export function Methods({ verdict, checks, loopbacks = [] }: { verdict: Verdict; checks: CheckResult[]; loopbacks?: LoopbackResult[] }) {
  const lanOnly = verdict.route === 'none';
  return (
    <ul class="methods" data-testid="methods">
      {methodRows(verdict, checks, loopbacks).map((row) => {
        const neutral = lanOnly && row.group === 'lan' && (row.status === 'available' || row.status === 'unverified');
        return (
          <li key={row.group} data-method={row.group} data-status={row.status} class={`status-${neutral ? 'untested' : row.status}`}>
            <span class="icon" aria-hidden="true">
              {neutral ? '•' : STATUS_ICON[row.status]}
            </span>
            <span class="method-name">{t(row.labelKey)}</span>
            <span class="method-status">
              {neutral ? t('popup_lan_only') : t(row.statusKey)}
              {row.transport && row.status !== 'unavailable' && row.status !== 'untested' ? ` ${t(RELAY_TRANSPORT_KEYS[row.transport])}` : ''}
            </span>
            {row.reason && (
              <p class="reason" data-testid="method-reason">
                {row.reasonLine ? t(row.reasonLine.key, row.reasonLine.substitutions) : say(t, row.reason)}
                {row.moreReasons > 0 && ` ${t('popup_more_reasons', [row.moreReasons])}`}
              </p>
            )}
            {row.call && (
              <p class={`call grade-${row.call.grade}`} data-testid="method-call" data-grade={row.call.grade}>
                {t('popup_call_grade', [
                  t(row.call.gradeKey),
                  row.call.rttMs === null ? '–' : `${formatNumber(Math.round(row.call.rttMs))} ms`,
                  `${formatNumber(Math.round(row.call.loss * 1000) / 10)} %`,
                ])}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
