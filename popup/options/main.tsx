import { render } from 'preact';
import { Options } from './Options';
import { setDocumentLanguage, t } from '../shared/i18n';

setDocumentLanguage();
document.title = t('options_title');
render(<Options />, document.getElementById('app')!);
