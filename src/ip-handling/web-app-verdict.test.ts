import { inEnglish } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Report } from '../report/types';
import { withWebAppLimits } from './web-app-verdict';
import { assessWebRtcIpHandling } from './webrtc-ip-handling';

/** The verdict of a real lab run (hole punching and every relay available), from the managed-policy e2e. */
const verdict = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../test/fixtures/policies/lab-verdict.json'), 'utf8')) as Pick<Report, 'verdict'>)
  .verdict;

describe('withWebAppLimits', () => {
  it('leaves the verdict alone when web apps are not limited', () => {
    expect(withWebAppLimits(verdict, assessWebRtcIpHandling('default', 'controllable_by_this_extension'))).toEqual(verdict);
    expect(withWebAppLimits(verdict, assessWebRtcIpHandling('default_public_and_private_interfaces', 'not_controllable'))).toEqual(verdict);
  });

  it('marks LAN, hole punching and UDP relay as lost to web apps under disable_non_proxied_udp, keeping the measured route', () => {
    const limited = withWebAppLimits(verdict, assessWebRtcIpHandling('disable_non_proxied_udp', 'not_controllable'));
    expect(limited.route).toBe(verdict.route);
    const flagged = limited.methods.filter((m) => m.reasons.some((r) => r.code === 'why_web_app_limited')).map((m) => m.method);
    expect(flagged).toEqual(['lan', 'hole-punching', 'relay-udp']);
    expect(inEnglish(limited.summary)).toMatch(
      /limited by its WebRTC IP handling setting \(disable_non_proxied_udp\): at best they will use a relay over TCP\.$/,
    );
  });

  it('takes only direct LAN calls away under default_public_interface_only', () => {
    const limited = withWebAppLimits(verdict, assessWebRtcIpHandling('default_public_interface_only', 'not_controllable'));
    expect(inEnglish(limited.summary)).toMatch(/at best they will use direct calls \(hole punching\)\.$/);
  });
});
