/**
 * A profile problem as a phrase, by its code: what every page says in its
 * reader's language. The validator's own English `message` (with specifics:
 * "is 300 characters long (at most 200)") stays beside it in reports.
 */
import type { Phrase } from '../i18n/phrase';
import type { MessageKey } from '../i18n/message-keys';
import { ownEntry } from '../i18n/own';
import type { ProfileError, ProfileErrorCode } from './types';

const PROFILE_ERROR_KEYS: Record<ProfileErrorCode, MessageKey> = {
  'not-an-object': 'profile_error_not_an_object',
  type: 'profile_error_type',
  required: 'profile_error_required',
  'unknown-field': 'profile_error_unknown_field',
  'too-long': 'profile_error_too_long',
  'too-many': 'profile_error_too_many',
  empty: 'profile_error_empty',
  pattern: 'profile_error_pattern',
  'unknown-kind': 'profile_error_unknown_kind',
  url: 'profile_error_url',
  uri: 'profile_error_uri',
  scheme: 'profile_error_scheme',
  host: 'profile_error_host',
  port: 'profile_error_port',
  'duplicate-id': 'profile_error_duplicate_id',
  region: 'profile_error_region',
  'probe-host': 'profile_error_probe_host',
  credentials: 'profile_error_credentials',
  'too-deep': 'profile_error_too_deep',
  'no-usable-rule': 'profile_error_no_usable_rule',
};

/** The phrase for a code of this version. */
export function profileErrorPhraseOf(code: ProfileErrorCode): Phrase {
  return { code: PROFILE_ERROR_KEYS[code] };
}

/** The phrase for a problem's code; null for a code this version does not know (a newer report). */
export function profileErrorPhrase(e: Pick<ProfileError, 'code'>): Phrase | null {
  // The code comes from a report file: `constructor` must not find Object's.
  const key = typeof e.code === 'string' ? ownEntry<MessageKey>(PROFILE_ERROR_KEYS, e.code) : undefined;
  return key ? { code: key } : null;
}
