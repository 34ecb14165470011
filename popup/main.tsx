import { Component, render } from 'preact';
import { Popup } from './Popup';
import { setDocumentLanguage } from './shared/i18n';

document.body.dataset.scriptStartMs = String(Math.round(performance.now()));
setDocumentLanguage();
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
class WithoutDamagedReport extends Component<object, { failed: boolean }> {
  override state = { failed: false };
  override componentDidCatch() {
    this.setState({ failed: true });
  }
  override render() {
    return <Popup key={String(this.state.failed)} onFirstReport={markFirstReport} ignoreStored={this.state.failed} />;
  }
}
render(<WithoutDamagedReport />, document.getElementById('app')!);
