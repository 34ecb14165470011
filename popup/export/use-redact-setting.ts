import { useEffect, useState } from 'preact/hooks';
import { ext as browser } from '../shared/ext';
import { DEFAULT_SETTINGS, type SettingsView } from '../../src/settings/types';

/** The user's (or admin's) "hide IP addresses in exports" setting; default on until read. */
export function useRedactSetting(initial?: boolean): [boolean, (value: boolean) => void] {
  const [redact, setRedact] = useState(initial ?? DEFAULT_SETTINGS.redactIpsInExports);
  useEffect(() => {
    if (initial !== undefined) return;
    browser.runtime
      .sendMessage({ type: 'getSettings' })
      .then((view) => {
        const value = (view as SettingsView | undefined)?.effective?.redactIpsInExports;
        if (typeof value === 'boolean') setRedact(value);
      })
      .catch(() => undefined);
  }, [initial]);
  return [redact, setRedact];
}
