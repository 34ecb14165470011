import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const require = createRequire(import.meta.url);
/** axe-core's browser build, run in the page through CDP (an extension page's CSP refuses an injected <script>). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's WCAG 2.x A/AA rules and best practices on the page as it is now: the violations, with where. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Opens every <details>, so what is folded is measured and checked too. */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

export interface LayoutProblems {
  /** The page scrolls sideways when scrollWidth > clientWidth. */
  scrollWidth: number;
  clientWidth: number;
  /** Elements that stick out of the viewport, or whose content is wider than their box. */
  clipped: string[];
  /** SVG labels wider than the box drawn around them. */
  overflowingLabels: string[];
}

/**
 * Measured in the page, not eyeballed: an element sticking out of the window,
 * a box whose text is wider than the box (a button label, a status word), an
 * SVG label wider than its rectangle. Form controls that show a long choice
 * truncated by design (select) are left out.
 */
export async function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const id = (el as HTMLElement).dataset?.testid;
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    };
    const width = document.documentElement.clientWidth;
    const clipped: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('svg, select, option, script, style')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'contents') continue;
      if (rect.right > width + 1 || rect.left < -1)
        clipped.push(`outside the window (${Math.round(rect.left)}..${Math.round(rect.right)} of ${width}): ${describe(el)}`);
      const html = el as HTMLElement;
      if (style.display !== 'inline' && html.clientWidth > 0 && html.scrollWidth > html.clientWidth + 1 && el.tagName !== 'TEXTAREA')
        clipped.push(`content ${html.scrollWidth} px in a ${html.clientWidth} px box: ${describe(el)}`);
    }
    const overflowingLabels: string[] = [];
    for (const text of document.querySelectorAll('svg text')) {
      const rect = text.parentElement?.querySelector(':scope > rect');
      if (!rect || !(text instanceof SVGGraphicsElement)) continue;
      const t = text.getBBox();
      const r = (rect as SVGGraphicsElement).getBBox();
      if (t.x < r.x - 0.5 || t.x + t.width > r.x + r.width + 0.5)
        overflowingLabels.push(`"${text.textContent}" ${t.width.toFixed(1)} wide in a ${r.width} box`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, clipped, overflowingLabels };
  });
}

/** Symbols the pages draw next to words; a screen reader must not read them out as part of a name. */
const GLYPHS = /[↻✓✕▲⚠🔒•]|^\?\s/u;

/** Accessible names (Chromium's accessibility tree) that contain a drawn glyph, e.g. "↻ Check again". */
export async function glyphsInNames(page: Page): Promise<string[]> {
  const tree = await page.accessibility.snapshot({ interestingOnly: true });
  const found: string[] = [];
  const walk = (node: { role?: string; name?: string; children?: unknown[] } | null | undefined) => {
    if (!node) return;
    // Static text is what a reader reads in passing, where the glyphs are already aria-hidden; names are what controls are called.
    if (node.name && node.role !== 'StaticText' && node.role !== 'InlineTextBox' && GLYPHS.test(node.name)) found.push(`${node.role}: ${node.name}`);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree as Parameters<typeof walk>[0]);
  return found;
}
