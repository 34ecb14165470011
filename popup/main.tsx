import { render } from 'preact';
import { Popup } from './Popup';
import { setDocumentLanguage } from './shared/i18n';

document.body.dataset.scriptStartMs = String(Math.round(performance.now()));
setDocumentLanguage();
// First paint of the stored verdict, from navigation start: read by the e2e and the bench.
const markFirstReport = () =>
  requestAnimationFrame(() => {
    document.body.dataset.firstReportMs = String(Math.round(performance.now()));
  });
render(<Popup onFirstReport={markFirstReport} />, document.getElementById('app')!);
