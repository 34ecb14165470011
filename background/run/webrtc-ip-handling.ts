import { browser } from '../browser';
import { platform } from '#platform';
import { assessWebRtcIpHandling, unreadWebRtcIpHandling, type WebRtcIpHandling } from '../../src/ip-handling/webrtc-ip-handling';
import { phrase } from '../../src/i18n/phrase';

/** Reads, never sets: the extension only reports what the browser imposes on web pages. */
export async function readWebRtcIpHandling(): Promise<WebRtcIpHandling> {
  const setting = (
    browser as { privacy?: { network?: { webRTCIPHandlingPolicy?: { get(details: object): Promise<{ value: unknown; levelOfControl: unknown }> } } } }
  ).privacy?.network?.webRTCIPHandlingPolicy;
  if (!setting) return unreadWebRtcIpHandling(phrase('webrtc_no_api'));
  try {
    const { value, levelOfControl } = await setting.get({});
    return assessWebRtcIpHandling(value, levelOfControl, platform.webRtcIpHandlingBindsChecks);
  } catch (err) {
    return unreadWebRtcIpHandling(err instanceof Error ? err.message : String(err));
  }
}
