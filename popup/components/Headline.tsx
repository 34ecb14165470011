import type { Report } from '../../src/report/types';
import { headline } from '../../src/view/headline';
import { t } from '../shared/i18n';

export function Headline({ report }: { report: Report }) {
  const h = headline(report.verdict);
  return (
    <div class={`headline tone-${h.tone}`} data-testid="headline" data-route={report.verdict.route} role="status">
      <span class="icon" aria-hidden="true">{h.icon}</span>
      <div>
        <p class="headline-text" data-testid="headline-text">{t(h.key)}</p>
        {h.caveatKey && <p class="caveat">{t(h.caveatKey)}</p>}
      </div>
    </div>
  );
}
