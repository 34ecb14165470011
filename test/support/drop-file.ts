import type { Page } from 'puppeteer-core';

/**
 * Drops a file on an extension page (the printable report's opener), as a
 * help desk does with an attachment. The page adds its drop listeners in an
 * effect that runs after its first paint, so the file input can be there
 * before anything listens: a drop then would be lost (seen with two e2e files
 * side by side on a loaded machine). So a drag with a file is shown first,
 * until the page marks its drop zone (`.dragging`), which proves the
 * listeners are in place; then the file is dropped.
 */
export async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.waitForFunction(
    () => {
      const data = new DataTransfer();
      data.items.add(new File(['{}'], 'probe.json', { type: 'application/json' }));
      document.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      return document.querySelector('[data-testid="open-report"].dragging') !== null;
    },
    { polling: 100, timeout: 10_000 },
  );
  await page.evaluate(
    (n, t) => {
      const data = new DataTransfer();
      data.items.add(new File([t], n, { type: 'application/json' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    name,
    text,
  );
}
