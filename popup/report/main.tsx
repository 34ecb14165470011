import { render } from 'preact';
import { ext as browser } from '../shared/ext';
import { ReportPage } from './ReportPage';

document.documentElement.lang = browser.i18n.getUILanguage();
const params = new URLSearchParams(location.search);
const redact = params.get('redact');
render(<ReportPage id={params.get('id')} redact={redact === null ? undefined : redact === '1'} />, document.getElementById('app')!);
