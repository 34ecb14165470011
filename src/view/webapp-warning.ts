/**
 * The popup's warning when Chrome's WebRTC IP handling keeps web apps from
 * routes the checks used, in the reader's language. A value this version does
 * not know keeps the report's own note (a phrase; English text in a report@2).
 */
import type { MessageKey } from '../i18n/message-keys';
import type { Environment } from '../report/types';
import type { Phrase } from '../i18n/phrase';

const VALUE_KEYS: Record<string, MessageKey> = {
  default_public_and_private_interfaces: 'webrtc_ip_default_public_and_private_interfaces',
  default_public_interface_only: 'webrtc_ip_default_public_interface_only',
  disable_non_proxied_udp: 'webrtc_ip_disable_non_proxied_udp',
  proxy_only: 'webrtc_ip_proxy_only',
};
const CONTROL_KEYS: Record<string, MessageKey> = {
  not_controllable: 'webrtc_control_policy',
  controlled_by_other_extensions: 'webrtc_control_other_extension',
};

/** Message keys for the warning's explanation, or the note itself when no key fits; null when web apps lose nothing. */
export function webAppWarning(setting: Environment['webRtcIpHandling']): { keys: MessageKey[] } | { note: Phrase | string } | null {
  if (!setting.limitsWebApps) return null;
  const valueKey = setting.value === null ? undefined : VALUE_KEYS[setting.value];
  if (!valueKey) return { note: setting.note ?? '' };
  const controlKey = setting.levelOfControl === null ? undefined : CONTROL_KEYS[setting.levelOfControl];
  return { keys: controlKey ? [valueKey, controlKey] : [valueKey] };
}

export const WEBAPP_WARNING_KEYS = [...Object.values(VALUE_KEYS), ...Object.values(CONTROL_KEYS)];
