import { useState } from 'preact/hooks';
import type { RunProgress } from '../../src/contract/progress';
import type { Report } from '../../src/report/types';
import { headline } from '../../src/view/headline';
import { progressRatio } from '../../src/view/checks';
import { nextStepKey, OUTCOME_ICON, plainOutcomes, progressByPurpose, usageWord, type PlainOutcome } from '../../src/view/plain';
import { missingRulesText } from '../../src/view/rules';
import { t } from '../shared/i18n';

/** What the profile's users see ("calls", Senso's "live thumbnails and module feedback"). */
const usageOf = (profileId: string) => usageWord(profileId, t);

/** The one thing to do, and for missing rules the button that does it. */
export function NextStep({ report }: { report: Report }) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const rules = report.missingRules.length > 0;
  const copyRules = async () => {
    try {
      await navigator.clipboard.writeText(missingRulesText(report, t));
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <div class="next-step">
      <p data-testid="next-step">{t(nextStepKey(report), [usageOf(report.profile.id)])}</p>
      {rules && (
        <button type="button" class="primary" onClick={copyRules} data-testid="copy-next">
          {t('popup_rules_copy')}
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
    <li class={`outcome tone-text-${row.tone}`} data-method={row.group} data-tone={row.tone}>
      <span class="icon" aria-hidden="true">
        {OUTCOME_ICON[row.tone]}
      </span>
      <span>{t(row.key, [usage])}</span>
    </li>
  );
}

/** The ways of connecting as outcomes: problems counted and shown, what works folded away. */
export function Outcomes({ report }: { report: Report }) {
  const rows = plainOutcomes(report.verdict, report.checks, headline(report.verdict).tone);
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
              <OutcomeRow key={row.group} row={row} usage={usage} />
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
