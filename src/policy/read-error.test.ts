import { phrase } from '../i18n/phrase';
import { describe, expect, it } from 'vitest';
import { NO_POLICY } from '../settings/types';
import { overlayForReadError } from './read-error';

describe('overlayForReadError', () => {
  it('reads Firefox without policies.json as not managed', () => {
    // The text Firefox's storage.managed.get() rejects with when no policy names the add-on.
    expect(overlayForReadError('Managed storage manifest not found')).toEqual(NO_POLICY);
  });

  it('names any other failure and applies no policy', () => {
    const overlay = overlayForReadError('Error: IO error: .../Managed Extension Settings/LOCK');
    expect(overlay.managed).toBe(false);
    expect(overlay.settings).toEqual({});
    expect(overlay.problems).toEqual([{ field: '', message: phrase('policy_read_failed', { error: 'Error: IO error: .../Managed Extension Settings/LOCK' }) }]);
  });
});
