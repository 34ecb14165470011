import { render } from 'preact';
import { Options } from './Options';
import { setDocumentLanguage } from '../shared/i18n';

setDocumentLanguage();
render(<Options />, document.getElementById('app')!);
