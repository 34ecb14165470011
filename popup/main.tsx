import { Component, render } from 'preact';
import { Popup } from './Popup';
import { setDocumentLanguage } from './shared/i18n';
import { currentReport, storedRead, type StoredRead } from './shared/stored-read';

/**
 * The popup's entry: only what the headline needs is imported here (and
 * preloaded by the page); the stored report is already being read
 * (public/popup-read-stored.js), and everything below the headline is a chunk
 * of its own, fetched now and rendered right after the headline (Popup.tsx).
 * Measured by `npm run bench` (bench/popup.bench-run.ts).
 */
document.body.dataset.scriptStartMs = String(Math.round(performance.now()));
void import('./components/BelowHeadline').catch(() => undefined);

// First paint of the stored verdict, from navigation start: read by the e2e and the bench.
const markFirstReport = () =>
  requestAnimationFrame(() => {
    document.body.dataset.firstReportMs = String(Math.round(performance.now()));
  });

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
    return <Popup key={String(this.state.failed)} stored={report} readError={stored.error ?? null} onFirstReport={markFirstReport} />;
  }
}

setDocumentLanguage();
// The first render already has the stored report, so it shows the verdict.
void storedRead().then((stored) => render(<WithoutDamagedReport stored={stored} />, document.getElementById('app')!));
