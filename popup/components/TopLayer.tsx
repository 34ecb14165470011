import { useState } from 'preact/hooks';
import type { RunProgress } from '../../src/contract/progress';
import type { Report } from '../../src/report/types';
import { progressRatio } from '../../src/view/checks';
import { OUTCOME_ICON, plainOutcomes, progressByPurpose, usageWord, type PlainOutcome } from '../../src/view/plain';
import { statusCopyText } from '../../src/view/status-copy';
import { statusOf } from '../../src/view/status';
import { t } from '../shared/i18n';

/** What the profile's users see ("calls", Senso's "live thumbnails and module feedback"). */
const usageOf = (profileId: string) => usageWord(profileId, t);

/**
 * The one thing to do, addressed to whoever can act on the status's cause, and
 * the button that copies what to send them (the firewall rules, or the cause's section).
 */
export function NextStep({ report }: { report: Report }) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const status = statusOf(report);
  const text = statusCopyText(report, status, t);
  const copyRules = async () => {
    try {
      await navigator.clipboard.writeText(text!);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <div class="next-step" data-actor={status.actor}>
      <p data-testid="next-step">{t(status.nextStepKey, [usageOf(report.profile.id)])}</p>
      {text !== null && (
        <button type="button" class="primary" onClick={copyRules} data-testid="copy-next" data-copy={status.copy}>
          {t(status.copy === 'firewall-rules' ? 'popup_rules_copy' : 'status_copy_cause')}
        </button>
      )}
      <p class="copy-state" role="status" data-testid="copy-next-state">
        {copy === 'copied' ? t('popup_rules_copied') : copy === 'failed' ? t('popup_next_copy_failed') : ''}
      </p>
    </div>
  );
}

function OutcomeRow({ row, usage }: { row: PlainOutcome; usage: string }) {
  return (
    <li class={`outcome tone-text-${row.tone}`} data-method={row.group} data-tone={row.tone} data-passing={String(row.passing)}>
      <span class="icon" aria-hidden="true">
        {OUTCOME_ICON[row.tone]}
      </span>
      <span>{t(row.key, [row.service === undefined ? usage : t('outcome_service_quoted', [row.service])])}</span>
    </li>
  );
}

/** The ways of connecting as outcomes: problems counted and shown, what works folded away. */
export function Outcomes({ report }: { report: Report }) {
  const rows = plainOutcomes(report, statusOf(report).kind);
  const usage = usageOf(report.profile.id);
  const issues = rows.filter((r) => !r.passing);
  const passing = rows.filter((r) => r.passing);
  return (
    <div data-testid="outcomes">
      {issues.length > 0 && (
        <>
          <h2 data-testid="issue-count">{t('popup_issues', [issues.length])}</h2>
          <ul class="outcomes">
            {issues.map((row) => (
              <OutcomeRow key={`${row.group}-${row.service ?? ''}`} row={row} usage={usage} />
            ))}
          </ul>
        </>
      )}
      {passing.length > 0 && (
        <details class="passing" data-testid="passing">
          <summary>{t('popup_passing', [passing.length])}</summary>
          <ul class="outcomes">
            {passing.map((row) => (
              <OutcomeRow key={row.group} row={row} usage={usage} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** During a run: a neutral line in place of the headline, and the checks by what they are for. */
export function Checking({ progress }: { progress: RunProgress | null }) {
  const done = progress?.done.length ?? 0;
  const total = progress?.total ?? 0;
  return (
    <section class="checking" data-testid="progress">
      <div class="headline tone-neutral" role="status" data-testid="checking">
        <p class="headline-text">{t('popup_checking_network', [done, total || '…'])}</p>
      </div>
      <progress max={1} value={progressRatio(done, total)} aria-label={t('popup_progress_label')} />
      <ul class="purposes">
        {progressByPurpose(progress?.done ?? []).map((p) => (
          <li key={p.key} data-purpose={p.key}>
            {t(p.key)}: {t('popup_purpose_done', [p.done])}
            {p.failed > 0 && `, ${t('popup_purpose_failed', [p.failed])}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
