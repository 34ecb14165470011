/**
 * The profile a settings view has chosen, as both profile pickers show it (the
 * popup's and the options page's): the built-in catalogue entry or the custom
 * profile, its name, regions and the vendor's options.
 */
import type { ProfileOption } from '../profile/builtin/options';
import type { SettingsView } from '../settings/types';
import { BUILTIN_CATALOGUE, type CatalogueEntry } from './catalogue';

export interface ChosenProfile {
  builtin: CatalogueEntry | undefined;
  custom: SettingsView['customProfiles'][number] | undefined;
  /** The profile's name, or its id when neither list has it (a profile removed since). */
  name: string;
  /** Regions to choose from; empty when the profile has none. */
  regions: readonly string[];
  /** The vendor's options (built-in profiles only). */
  options: readonly ProfileOption[];
}

export function chosenProfile(view: SettingsView): ChosenProfile {
  const id = view.effective.profileId;
  const builtin = BUILTIN_CATALOGUE.find((p) => p.id === id);
  const custom = view.customProfiles.find((p) => p.id === id);
  return {
    builtin,
    custom,
    name: builtin?.name ?? custom?.name ?? id,
    regions: builtin?.regions ?? custom?.regions ?? [],
    options: builtin?.options ?? [],
  };
}
