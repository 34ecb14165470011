import { say } from '../../src/i18n/words';
import type { MessageKey } from '../../src/i18n/message-keys';
import type { SettingKey, SettingsView } from '../../src/settings/types';
import { t } from '../shared/i18n';

const SETTING_KEYS: Record<SettingKey, MessageKey> = {
  profileId: 'options_setting_profileId',
  choices: 'options_setting_choices',
  deadlineMs: 'options_setting_deadlineMs',
  redactIpsInExports: 'options_setting_redactIpsInExports',
  runOnStartup: 'options_setting_runOnStartup',
  runEveryMinutes: 'options_setting_runEveryMinutes',
};

/** Which settings an admin locked, which rules got relay credentials (ids only), the automatic checks, and what in their policy was ignored. */
export function PolicyInfo({ view }: { view: SettingsView }) {
  const { runOnStartup, runEveryMinutes } = view.effective;
  const schedule = [...(runOnStartup ? [t('options_schedule_startup')] : []), ...(runEveryMinutes ? [t('options_schedule_every', [runEveryMinutes])] : [])];
  return (
    <section data-testid="policy-info">
      {view.locked.length === 0 && !view.managed ? (
        <p class="muted">{t('options_policy_none')}</p>
      ) : (
        <p data-testid="policy-locked">
          <span aria-hidden="true">🔒 </span>
          {t('options_policy_locked', [view.locked.map((k) => t(SETTING_KEYS[k])).join(', ') || '—'])}
        </p>
      )}
      {(view.policyCredentialRules?.length ?? 0) > 0 && (
        <p data-testid="policy-credentials">{t('options_policy_credentials', [view.policyCredentialRules!.join(', ')])}</p>
      )}
      <h3>{t('options_schedule_heading')}</h3>
      {schedule.length === 0 ? (
        <p data-testid="schedule-none">{t('options_schedule_none')}</p>
      ) : (
        <>
          <ul class="schedule" data-testid="schedule">
            {schedule.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {(view.locked.includes('runOnStartup') || view.locked.includes('runEveryMinutes')) && <p class="locked">{t('options_schedule_by_policy')}</p>}
        </>
      )}
      {view.policyProblems.length > 0 && (
        <>
          <p class="error">{t('options_policy_problems')}</p>
          <ul class="errors" data-testid="policy-problems">
            {view.policyProblems.map((p, i) => (
              <li key={i}>
                <code>{p.field}</code>: {say(t, p.message)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
