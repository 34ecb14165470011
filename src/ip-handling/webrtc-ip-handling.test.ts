import { inEnglish } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { assessWebRtcIpHandling, unreadWebRtcIpHandling, webAppLimits } from './webrtc-ip-handling';

describe('assessWebRtcIpHandling', () => {
  it('reads the value Chromium 156 gave under the WebRtcIPHandling policy as limiting web apps', () => {
    // Measured: chrome.privacy.network.webRTCIPHandlingPolicy.get({}) under policy WebRtcIPHandling=disable_non_proxied_udp.
    const entry = assessWebRtcIpHandling('disable_non_proxied_udp', 'not_controllable');
    expect(entry).toMatchObject({ value: 'disable_non_proxied_udp', levelOfControl: 'not_controllable', limitsWebApps: true });
    expect(inEnglish(entry.note!)).toMatch(/cannot send UDP/);
    expect(inEnglish(entry.note!)).toMatch(/administrator \(WebRtcIPHandling policy\)/);
  });

  it.each([
    ['default', false, []],
    ['default_public_and_private_interfaces', false, ['other-interfaces']],
    ['default_public_interface_only', true, ['lan', 'other-interfaces']],
    ['disable_non_proxied_udp', true, ['lan', 'udp']],
    ['proxy_only', true, ['lan', 'udp', 'non-proxied']],
  ])('%s: limits web apps = %s', (value, limits, lost) => {
    expect(assessWebRtcIpHandling(value, 'controllable_by_this_extension').limitsWebApps).toBe(limits);
    expect(webAppLimits(value)).toEqual(lost);
  });

  it('names another extension as the one that set it', () => {
    expect(inEnglish(assessWebRtcIpHandling('default_public_interface_only', 'controlled_by_other_extensions').note!)).toMatch(/another extension/);
  });

  it('does not guess about an unknown value or a wrong type', () => {
    expect(assessWebRtcIpHandling('future_mode', 'controllable_by_this_extension')).toMatchObject({
      value: 'future_mode',
      limitsWebApps: false,
      note: expect.objectContaining({ code: 'webrtc_ip_unknown' }),
    });
    expect(assessWebRtcIpHandling(undefined, undefined)).toMatchObject({ value: null, levelOfControl: null, limitsWebApps: false });
    expect(inEnglish(unreadWebRtcIpHandling('no API').note!)).toBe('Not read: no API');
  });
});
