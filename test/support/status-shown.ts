/**
 * What the popup's top layer and the toolbar badge show, read from the real
 * browser, and what they must show for a report: the words of its one status
 * (src/view/status.ts) in the popup's language. The status itself is held to
 * the scenario's oracle by each test (`expect(shown.status).toBe(...)` from
 * how the network was built); this module checks that every surface says that
 * one status and nothing under it contradicts it.
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Translate } from '../../src/i18n/translate';
import type { Report } from '../../src/report/types';
import { BADGE_COLOURS, badgeFor } from '../../src/view/badge';
import { headlineText } from '../../src/view/headline';
import { plainOutcomes, usageWord } from '../../src/view/plain';
import { statusOf } from '../../src/view/status';

export interface StatusShown {
  status: string | null;
  tone: string | null;
  icon: string;
  headline: string;
  caveat: string | null;
  nextStep: string | null;
  actor: string | null;
  /** The next step's button: its label and what it copies, or null. */
  button: { label: string; copies: string | null } | null;
  /** The top layer's problem rows (unfolded) and the rows folded under "What works". */
  problems: string[];
  passing: string[];
}

/** Reads the popup's top layer (after `popupShown`). */
export async function statusShown(page: Page): Promise<StatusShown> {
  // The rows render in the chunk below the headline, right after the first paint.
  await page.waitForSelector('[data-testid="next-step"]');
  return page.evaluate(() => {
    const text = (sel: string) => document.querySelector(sel)?.textContent ?? null;
    const button = document.querySelector('[data-testid="copy-next"]');
    const rows = (sel: string) => [...document.querySelectorAll(sel)].map((li) => li.textContent?.trim() ?? '');
    const head = document.querySelector('[data-testid="headline"]');
    return {
      status: head?.getAttribute('data-status') ?? null,
      tone: head?.getAttribute('data-tone') ?? null,
      icon: head?.querySelector('.icon')?.textContent ?? '',
      headline: text('[data-testid="headline-text"]') ?? '',
      caveat: text('[data-testid="headline-caveat"]'),
      nextStep: text('[data-testid="next-step"]'),
      actor: document.querySelector('.next-step')?.getAttribute('data-actor') ?? null,
      button: button ? { label: button.textContent ?? '', copies: button.getAttribute('data-copy') } : null,
      problems: rows('[data-testid="outcomes"] > ul.outcomes li'),
      passing: rows('[data-testid="passing"] li'),
    };
  });
}

/** What the top layer must show for `report` in the language of `t`. */
export function expectedShown(report: Report, t: Translate): StatusShown {
  const s = statusOf(report);
  const usage = usageWord(report.profile.id, t);
  const rows = plainOutcomes(report, s.kind);
  const words = (r: (typeof rows)[number]) =>
    `${r.tone === 'neutral' ? '•' : { good: '✓', slow: '▲', bad: '✕' }[r.tone]}${t(r.key, [r.service === undefined ? usage : t('outcome_service_quoted', [r.service])])}`;
  const sendable =
    s.copy === 'firewall-rules'
      ? report.missingRules.length + report.verifyRules.length > 0
      : s.copy === 'cause-section' && report.otherCauses.some((c) => c.cause === s.cause);
  return {
    status: s.kind,
    tone: s.headline.tone,
    icon: s.headline.icon,
    headline: headlineText(s.headline, t),
    caveat: s.headline.caveatKey ? t(s.headline.caveatKey) : null,
    nextStep: t(s.nextStepKey, [usage]),
    actor: s.actor,
    button: sendable ? { label: t(s.copy === 'firewall-rules' ? 'popup_rules_copy' : 'status_copy_cause'), copies: s.copy } : null,
    problems: rows.filter((r) => !r.passing).map(words),
    passing: rows.filter((r) => r.passing).map(words),
  };
}

/** The badge the worker set, as the extension API reads it back. */
export async function badgeShown(worker: { evaluate<T>(fn: () => Promise<T>): Promise<T> }): Promise<{ text: string; colour: number[]; title: string }> {
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    colour: (await chrome.action.getBadgeBackgroundColor({})) as unknown as number[],
    title: await chrome.action.getTitle({}),
  }));
}

const rgba = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

/**
 * The badge says the report's status: its colour, the missing firewall rules as
 * its number or else the status's symbol, the headline in its tooltip.
 */
export function expectBadgeSays(badge: { text: string; colour: number[]; title: string }, report: Report, t: Translate): void {
  const b = badgeFor(report);
  expect(badge.text).toBe(b.text);
  expect(badge.colour).toEqual(rgba(b.colour));
  expect(badge.title).toContain(headlineText(b.headline, t));
  expect(Object.values(BADGE_COLOURS).map(rgba)).toContainEqual(badge.colour);
}
