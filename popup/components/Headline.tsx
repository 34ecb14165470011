import type { Report } from '../../src/report/types';
import { headlineText } from '../../src/view/headline';
import { statusOf } from '../../src/view/status';
import { t } from '../shared/i18n';

export function Headline({ report }: { report: Report }) {
  const status = statusOf(report);
  const h = status.headline;
  return (
    <div class={`headline tone-${h.tone}`} data-testid="headline" data-route={report.verdict.route} data-status={status.kind} data-tone={h.tone} role="status">
      <span class="icon" aria-hidden="true">
        {h.icon}
      </span>
      <div>
        <p class="headline-text" data-testid="headline-text">
          {headlineText(h, t)}
        </p>
        {h.caveatKey && (
          <p class="caveat" data-testid="headline-caveat">
            {t(h.caveatKey)}
          </p>
        )}
      </div>
    </div>
  );
}
