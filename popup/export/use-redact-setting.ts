import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/send';
import { isErrorReply } from '../../src/contract/requests';
import { DEFAULT_SETTINGS } from '../../src/settings/types';

/** The user's (or admin's) "hide IP addresses in exports" setting; default on until read. */
export function useRedactSetting(initial?: boolean): [boolean, (value: boolean) => void] {
  const [redact, setRedact] = useState(initial ?? DEFAULT_SETTINGS.redactIpsInExports);
  useEffect(() => {
    if (initial !== undefined) return;
    send({ type: 'getSettings' })
      .then((view) => {
        if (!isErrorReply(view)) setRedact(view.effective.redactIpsInExports);
      })
      .catch(() => undefined);
  }, [initial]);
  return [redact, setRedact];
}
