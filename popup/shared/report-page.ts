import { browser } from './browser';

/** The report page, where a stored report is laid out and a report file someone sent is opened (vite.config.ts). */
export const REPORT_PAGE = 'popup/report/report.html';

/**
 * The report page's short address, `report.html` at the extension's root
 * (public/report.html leads on to REPORT_PAGE): what the help desk types or
 * bookmarks. Typed into the address bar it opens; a link to it from a web page
 * is refused by the browser (docs/measured.md, "The report page's address").
 */
export const REPORT_PAGE_SHORT = 'report.html';

/** Opens the report page in a new tab, with no report chosen: its file opener is what shows. */
export function openReportPage(): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL(REPORT_PAGE) });
}
