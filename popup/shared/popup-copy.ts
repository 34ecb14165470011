import { POPUP_COPY_KEY, removePopupCopy, type CopiedNode, type PopupCopy } from '../../src/contract/popup-copy';

/*
 * Loaded after the popup's first render (main.tsx), which hands it a clone of
 * that render: the serializer is not in the scripts the first paint waits for.
 */

/** popup.css's custom property holding the messages' language (Chrome and Firefox substitute `__MSG_…__` in extension CSS, measured). */
export const MESSAGES_LANG_PROPERTY = '--messages-lang';
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
/**
 * Marks what a copy leaves out: what changes by itself (the report's age) would be wrong in it.
 * Popup.tsx writes it as a literal: importing it from here would put this module in the first paint's scripts.
 */
const NOT_COPIED = 'data-not-copied';

/** A node as JSON, or null when it is something a copy cannot rebuild (SVG, MathML). */
function copied(node: Node): CopiedNode | null | undefined {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node.nodeType !== Node.ELEMENT_NODE) return undefined;
  const element = node as Element;
  if (element.namespaceURI !== HTML_NAMESPACE) return null;
  if (element.hasAttribute(NOT_COPIED)) return undefined;
  const attributes: Record<string, string> = {};
  for (const attribute of element.attributes) attributes[attribute.name] = attribute.value;
  const children: CopiedNode[] = [];
  for (const child of element.childNodes) {
    const c = copied(child);
    if (c === null) return null;
    if (c !== undefined) children.push(c);
  }
  return [element.localName, attributes, ...children];
}

/**
 * Keeps `app`'s children (a clone of the first render) as the popup's copy of its first render of
 * the report started at `reportStartedAt` (null: no report). Quietly does
 * nothing where localStorage is unavailable or full: the copy is a speed-up.
 */
export function keepPopupCopy(app: Element, reportStartedAt: string | null): void {
  // The entry as the built page names it (build/popup-modules-after-copy.ts): what public/popup-copy.js compares.
  const build = document.querySelector<HTMLScriptElement>('script[type="wnc-held-module"]')?.src;
  if (!build) return;
  const nodes: CopiedNode[] = [];
  for (const child of app.childNodes) {
    const c = copied(child);
    if (c === null) return removePopupCopy(() => localStorage);
    if (c !== undefined) nodes.push(c);
  }
  const lang = getComputedStyle(document.documentElement).getPropertyValue(MESSAGES_LANG_PROPERTY).trim();
  const copy: PopupCopy = { schema: 1, build, lang, htmlLang: document.documentElement.lang, reportStartedAt, nodes };
  try {
    localStorage.setItem(POPUP_COPY_KEY, JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the next popup paints from storage.
  }
}
