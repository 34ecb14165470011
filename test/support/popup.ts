import type { Page } from 'puppeteer-core';

/**
 * Waits until the popup shows everything: `selector` from its first chunk
 * (the headline by default) and the part below the headline, a chunk of its
 * own rendered right after (popup/Popup.tsx marks it `data-below-headline-ms`).
 * A test that reads the next step, the outcomes or "Details for IT" of a
 * popup it just opened or reloaded waits here first.
 */
export async function popupShown(page: Page, selector = '[data-testid="headline"]'): Promise<void> {
  await page.waitForSelector(selector);
  await page.waitForFunction(() => document.body.dataset.belowHeadlineMs !== undefined);
}
