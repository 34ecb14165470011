import { render } from 'preact';
import { setDocumentLanguage } from '../shared/i18n';
import { ReportPage } from './ReportPage';

// The messages' language, not getUILanguage() (en-US under --lang=de): dates follow it.
setDocumentLanguage();
const params = new URLSearchParams(location.search);
const redact = params.get('redact');
render(<ReportPage id={params.get('id')} redact={redact === null ? undefined : redact === '1'} />, document.getElementById('app')!);
