import type { SettingKey, Settings, SettingsView } from '../../src/settings/types';
import { chosenProfile } from '../../src/view/chosen-profile';
import { ChoiceOptions, ProfileOptions, RegionOptions } from '../shared/profile-fields';
import { requestHostAccess } from '../shared/host-access';
import { t } from '../shared/i18n';
import { NoticeView, type Notice } from './Notice';

interface Props {
  view: SettingsView;
  granted: string[];
  locked(key: SettingKey): boolean;
  onSave(patch: Partial<Settings>): void;
  notice: Notice;
}

/** The settings this form edits (the schedule is policy-only). */
const FORM_KEYS: SettingKey[] = ['profileId', 'choices', 'deadlineMs', 'redactIpsInExports'];

function Locked({ show }: { show: boolean }) {
  return show ? (
    <span class="locked" data-testid="locked-note">
      {' '}
      <span aria-hidden="true">🔒 </span>
      {t('options_locked')}
    </span>
  ) : null;
}

/** Default profile and options, deadline and IP redaction; each locked field is shown disabled. */
export function CheckSettings({ view, granted, locked, onSave, notice }: Props) {
  const { effective } = view;
  const { regions, options } = chosenProfile(view);

  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const patch: Partial<Settings> = {};
    if (!locked('profileId')) patch.profileId = String(form.get('profileId'));
    if (!locked('choices')) {
      const region = String(form.get('region') ?? '');
      const sameProfile = patch.profileId === undefined || patch.profileId === effective.profileId;
      const choices = sameProfile ? { ...effective.choices } : {};
      if (region && sameProfile) choices.region = region;
      else delete choices.region;
      for (const option of options) {
        const chosen = form.get(`option:${option.id}`);
        if (sameProfile && typeof chosen === 'string') choices[option.id] = chosen;
      }
      patch.choices = choices;
    }
    if (!locked('deadlineMs')) patch.deadlineMs = Math.round(Number(form.get('deadline')) * 1000);
    if (!locked('redactIpsInExports')) patch.redactIpsInExports = form.get('redact') === 'on';
    // The host prompt must open inside the submit (a user gesture), before saving.
    requestHostAccess(
      view.customProfiles.find((p) => p.id === patch.profileId),
      granted,
      patch.choices?.region,
    );
    onSave(patch);
  };

  return (
    <form onSubmit={submit} data-testid="settings-form">
      <h2>{t('options_check_heading')}</h2>
      <fieldset>
        <label>
          {t('options_default_profile')}
          <Locked show={locked('profileId')} />
          <select name="profileId" value={effective.profileId} disabled={locked('profileId')} data-testid="default-profile">
            <ProfileOptions view={view} grouped={false} />
          </select>
        </label>
        {regions.length > 0 && (
          <label>
            {t('popup_region_label')}
            <Locked show={locked('choices')} />
            <select name="region" value={effective.choices.region ?? ''} disabled={locked('choices')}>
              <RegionOptions regions={regions} />
            </select>
          </label>
        )}
        {options.map((option) => (
          <label key={option.id}>
            {/* The vendor guide's words, stored in the profile (not translated). */}
            {option.label}
            <Locked show={locked('choices')} />
            <select name={`option:${option.id}`} value={effective.choices[option.id] ?? option.default} disabled={locked('choices')}>
              <ChoiceOptions option={option} />
            </select>
          </label>
        ))}
        <label>
          {t('options_deadline')}
          <Locked show={locked('deadlineMs')} />
          <input
            type="number"
            name="deadline"
            min="0.5"
            max="60"
            step="0.5"
            value={effective.deadlineMs / 1000}
            disabled={locked('deadlineMs')}
            data-testid="deadline"
          />
        </label>
        <label class="inline">
          <input type="checkbox" name="redact" checked={effective.redactIpsInExports} disabled={locked('redactIpsInExports')} data-testid="redact" />
          {t('options_redact')}
          <Locked show={locked('redactIpsInExports')} />
        </label>
      </fieldset>
      {/* Nothing left to save when the administrator set every field: no button that does nothing. */}
      {FORM_KEYS.every(locked) ? (
        <p class="locked" data-testid="all-locked">
          {t('options_all_locked')}
        </p>
      ) : (
        <button type="submit" class="primary" data-testid="save-settings">
          {t('options_save')}
        </button>
      )}
      <NoticeView notice={notice} testid="save-notice" />
    </form>
  );
}
