import type { ProfileOption } from '../../src/profile/builtin/options';
import type { SettingsView } from '../../src/settings/types';
import { BUILTIN_CATALOGUE } from '../../src/view/catalogue';
import { t } from './i18n';

/**
 * The option lists both profile pickers share (popup/components/ProfilePicker.tsx
 * saves on change, popup/options/CheckSettings.tsx on submit): each keeps its
 * own `<select>` and how it saves, and lists the same choices through these.
 */

/** Every built-in profile, then the custom ones; in groups with their headings when `grouped`. */
export function ProfileOptions({ view, grouped }: { view: SettingsView; grouped: boolean }) {
  const builtin = BUILTIN_CATALOGUE.map((p) => (
    <option key={p.id} value={p.id}>
      {p.name}
    </option>
  ));
  const custom = view.customProfiles.map((p) => (
    <option key={p.id} value={p.id}>
      {p.name}
    </option>
  ));
  if (!grouped)
    return (
      <>
        {builtin}
        {custom}
      </>
    );
  return (
    <>
      <optgroup label={t('popup_profile_builtin')}>{builtin}</optgroup>
      {custom.length > 0 && <optgroup label={t('popup_profile_custom')}>{custom}</optgroup>}
    </>
  );
}

/** "All regions", then each region in capitals. */
export function RegionOptions({ regions }: { regions: readonly string[] }) {
  return (
    <>
      <option value="">{t('popup_region_all')}</option>
      {regions.map((r) => (
        <option key={r} value={r}>
          {r.toUpperCase()}
        </option>
      ))}
    </>
  );
}

/** One vendor option's choices, in the vendor guide's words (stored in the profile, not translated). */
export function ChoiceOptions({ option }: { option: ProfileOption }) {
  return (
    <>
      {option.choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.label}
        </option>
      ))}
    </>
  );
}
