import { Component, render } from 'preact';
import { Popup } from './Popup';
import type { Report } from '../src/report/types';
import { setDocumentLanguage } from './shared/i18n';
import { currentReport, storedRead, type StoredRead } from './shared/stored-read';
import { removePopupCopy } from '../src/contract/popup-copy';

/**
 * The popup's entry, let go by public/popup-copy.js (at once, or after the
 * frame of the popup's copy of itself: src/contract/popup-copy.ts): reads the
 * stored report, renders the headline from it, and keeps that first render as
 * the next popup's copy. Only what the headline needs is imported here;
 * everything below the headline is a chunk of its own, fetched now and
 * rendered right after the headline (Popup.tsx). Measured by `npm run bench`
 * (bench/popup.bench-run.ts).
 */
document.body.dataset.scriptStartMs = String(Math.round(performance.now()));
const read = storedRead();
// When the first read came, for the bench.
void read.then(() => (document.documentElement.dataset.storedReportMs = String(Math.round(performance.now()))));
void import('./components/BelowHeadline').catch(() => undefined);

const app = document.getElementById('app')!;
/** Set once a report replaces the first one rendered: from then on no copy of that render may be kept. */
let reportChanged = false;
function forgetPopupCopy() {
  reportChanged = true;
  removePopupCopy(() => localStorage);
}

/**
 * Right after the first render from storage: kept as the next popup's copy
 * (src/contract/popup-copy.ts) unless the read failed, and the first paint of
 * the stored verdict marked, from navigation start, for the e2e and the bench
 * (public/popup-copy.js marked it already when it painted the copy).
 */
function afterFirstRender(stored: StoredRead, report: Report | null) {
  if (stored.error === undefined) {
    const firstRender = app.cloneNode(true) as Element;
    void import('./shared/popup-copy').then(
      ({ keepPopupCopy }) => reportChanged || keepPopupCopy(firstRender, report?.startedAt ?? null),
      () => undefined,
    );
  }
  requestAnimationFrame(() => {
    const now = String(Math.round(performance.now()));
    document.body.dataset.storedRenderMs = now;
    document.body.dataset.firstReportMs ??= now;
  });
}

/**
 * A stored report another version wrote, or a damaged one, must not leave an
 * empty popup: should rendering it throw, the popup starts again without it
 * ("no check has run yet", Check again). The service worker's readers validate
 * the whole report (src/report/stored.ts); the popup's first paint skips that
 * to stay within its script budget, and relies on this instead.
 */
class WithoutDamagedReport extends Component<{ stored: StoredRead }, { failed: boolean }> {
  override state = { failed: false };
  override componentDidCatch() {
    this.setState({ failed: true });
  }
  override render() {
    const { stored } = this.props;
    // Another version's value shows as "no report yet"; a damaged one that still throws is caught here.
    const report = this.state.failed ? null : currentReport(stored.value);
    return (
      <Popup
        key={String(this.state.failed)}
        stored={report}
        readError={stored.error ?? null}
        onFirstReport={() => (this.state.failed ? forgetPopupCopy() : afterFirstRender(stored, report))}
        onReportChanged={forgetPopupCopy}
        firstReadId={currentReport(stored.value)?.id ?? null}
      />
    );
  }
}

setDocumentLanguage();
// The first render already has the stored report, so it shows the verdict. It
// replaces the copy public/popup-copy.js may have painted (in one task: no
// frame between), which it made inert: nothing on it can be focused or read out.
void read.then((stored) => {
  app.removeAttribute('inert');
  app.replaceChildren();
  render(<WithoutDamagedReport stored={stored} />, app);
});
