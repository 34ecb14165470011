import { phrase } from '../i18n/phrase';
import { NO_POLICY, type PolicyOverlay } from '../settings/types';

/**
 * `storage.managed.get()` threw. Firefox throws "Managed storage manifest not
 * found" whenever policies.json says nothing for the add-on: that is simply
 * "not managed". Any other failure is named, so the report shows that policy
 * may exist but could not be read, and the user's settings apply meanwhile.
 */
export function overlayForReadError(message: string): PolicyOverlay {
  if (/managed storage manifest not found|storage\.managed is not available/i.test(message)) return { ...NO_POLICY };
  return { ...NO_POLICY, problems: [{ field: '', message: phrase('policy_read_failed', { error: message.slice(0, 200) }) }] };
}
