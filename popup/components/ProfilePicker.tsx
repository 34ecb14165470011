import { useState } from 'preact/hooks';
import { isErrorReply } from '../../src/contract/requests';
import type { Settings, SettingsView } from '../../src/settings/types';
import { chosenProfile } from '../../src/view/chosen-profile';
import { ChoiceOptions, ProfileOptions, RegionOptions } from '../shared/profile-fields';
import { requestOrigins } from '../shared/request-origins';
import { t } from '../shared/i18n';
import { send } from '../shared/send';

interface Props {
  view: SettingsView;
  /** Origins already granted (install-time and earlier grants). */
  granted: string[];
  onSaved(view: SettingsView): void;
  onError(message: string): void;
}

/**
 * Which product to check: built-in profiles with their region/options, and
 * custom profiles. A setting the admin fixed by policy is shown, not offered.
 */
export function ProfilePicker({ view, granted, onSaved, onError }: Props) {
  const [asked, setAsked] = useState(0);
  const { effective } = view;
  const { custom, name, regions, options } = chosenProfile(view);
  const profileLocked = view.locked.includes('profileId');
  const choicesLocked = view.locked.includes('choices');

  const save = async (patch: Partial<Settings>) => {
    try {
      const reply = await send({ type: 'saveSettings', settings: patch });
      if (isErrorReply(reply)) onError(reply.error.message);
      else onSaved(reply);
    } catch (err) {
      // The service worker may be restarting; say so rather than drop the change silently.
      onError(err instanceof Error ? err.message : String(err));
    }
  };

  // The service worker lists each custom profile's probe origins in the settings view, so the request below
  // needs no planner here and runs synchronously inside the change event (a user gesture).
  const originsOf = (id: string, region = '') => view.probeOrigins?.[id]?.[region];

  const pickProfile = (id: string) => {
    // Permission first, synchronously, while the change event is a user gesture.
    setAsked(requestOrigins(originsOf(id), granted));
    // Another profile's options do not carry over; when the admin locked the options they stay as set.
    void save(choicesLocked ? { profileId: id } : { profileId: id, choices: {} });
  };

  const pickChoice = (optionId: string, choice: string) => {
    const choices = { ...effective.choices, [optionId]: choice };
    if (choice === '') delete choices[optionId];
    if (custom && optionId === 'region') setAsked(requestOrigins(originsOf(custom.id, choice), granted));
    void save({ choices });
  };

  return (
    <section class="picker" data-testid="profile-picker">
      {profileLocked ? (
        <p data-testid="profile-locked">
          {t('popup_profile_label')}: <strong>{name}</strong>{' '}
          <span class="locked">
            <span aria-hidden="true">🔒 </span>
            {t('popup_locked')}
          </span>
        </p>
      ) : (
        <label>
          {t('popup_profile_label')}
          <select value={effective.profileId} onChange={(e) => pickProfile(e.currentTarget.value)} data-testid="profile-select">
            <ProfileOptions view={view} grouped />
          </select>
        </label>
      )}
      {regions.length > 0 && (
        <label>
          {t('popup_region_label')}
          <select
            value={effective.choices.region ?? ''}
            disabled={choicesLocked}
            onChange={(e) => pickChoice('region', e.currentTarget.value)}
            data-testid="region-select"
          >
            <RegionOptions regions={regions} />
          </select>
        </label>
      )}
      {options.map((option) => (
        <label key={option.id}>
          {/* Option labels are the vendor guide's words, stored in the profile (not translated). */}
          {option.label}
          <select
            value={effective.choices[option.id] ?? option.default}
            disabled={choicesLocked}
            onChange={(e) => pickChoice(option.id, e.currentTarget.value)}
          >
            <ChoiceOptions option={option} />
          </select>
        </label>
      ))}
      {choicesLocked && (regions.length > 0 || options.length > 0) && (
        <p class="locked">
          <span aria-hidden="true">🔒 </span>
          {t('popup_locked')}
        </p>
      )}
      {asked > 0 && (
        <p class="muted" data-testid="host-access-note">
          {t('popup_host_access', [asked])}
        </p>
      )}
    </section>
  );
}
