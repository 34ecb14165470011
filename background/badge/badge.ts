import { browser } from '../browser';
import type { Translate } from '../../src/i18n/translate';
import { badgeFor } from '../../src/view/badge';
import type { StatusInput } from '../../src/view/status';
import { headlineText } from '../../src/view/headline';

/**
 * The toolbar badge after every run (src/view/badge.ts): status colour, missing-rule
 * count or the status's symbol, and the headline as tooltip (colour is never the only sign).
 */
export async function showBadge(report: StatusInput): Promise<void> {
  const badge = badgeFor(report);
  const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs?.map(String));
  const lines = [t('extName'), headlineText(badge.headline, t)];
  if (badge.missing > 0) lines.push(t('badge_missing', [badge.missing]));
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.colour }),
    // White on the three badge colours meets AA (contrast >= 4.5:1).
    browser.action.setBadgeTextColor({ color: '#ffffff' }),
    browser.action.setTitle({ title: lines.join('\n') }),
  ]);
}
