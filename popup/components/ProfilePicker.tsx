import { useState } from 'preact/hooks';
import { isErrorReply } from '../../src/contract/requests';
import type { Settings, SettingsView } from '../../src/settings/types';
import { chosenProfile } from '../../src/view/chosen-profile';
import { ProfileOptions, RegionOptions } from '../shared/profile-fields';
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
      {options.map((option) => {
        const chosen = effective.choices[option.id] ?? option.default;
        return (
          // Radio buttons, not a <select>: the vendor's choices are long sentences ("Direct access to Onsight SIP
          // servers, legacy customer domain (Tables 2-1, 2-3 and 2-4)"), which a closed select cut off at the
          // popup's width; a radio's label wraps. Labels are the vendor guide's words, stored in the profile.
          <fieldset key={option.id} class="choice" disabled={choicesLocked} data-testid={`option-${option.id}`}>
            <legend>{option.label}</legend>
            {option.choices.map((c) => (
              <label key={c.id} class="radio">
                <input type="radio" name={`option-${option.id}`} value={c.id} checked={chosen === c.id} onChange={() => pickChoice(option.id, c.id)} />
                <span>{c.label}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
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
