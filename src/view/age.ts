/** "checked 3 min ago", in keys: Chrome's messages have no plurals, so units are abbreviated. */
import type { MessageKey } from '../i18n/message-keys';
export interface AgeText {
  key: MessageKey;
  substitutions: number[];
}

export function ageText(startedAt: string, now: number): AgeText {
  const seconds = Math.max(0, Math.round((now - Date.parse(startedAt)) / 1000));
  if (!Number.isFinite(seconds) || seconds < 60) return { key: 'popup_age_just_now', substitutions: [] };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { key: 'popup_age_minutes', substitutions: [minutes] };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { key: 'popup_age_hours', substitutions: [hours] };
  return { key: 'popup_age_days', substitutions: [Math.floor(hours / 24)] };
}
