/** Labels for the details list: every check with its status, evidence and timing. */
import type { MessageKey } from '../i18n/message-keys';
import type { CheckStatus } from '../checks/types';

export const CHECK_STATUS_KEYS: Record<CheckStatus, MessageKey> = {
  pass: 'popup_check_pass',
  fail: 'popup_check_fail',
  warn: 'popup_check_warn',
  untestable: 'popup_check_untestable',
  error: 'popup_check_error',
};

export const CHECK_STATUS_ICON: Record<CheckStatus, string> = { pass: '✓', fail: '✕', warn: '!', untestable: '?', error: '–' };

/** 0..1 for the progress bar; 0 until the run knows how many checks it has. */
export function progressRatio(done: number, total: number): number {
  return total > 0 ? Math.min(1, done / total) : 0;
}
