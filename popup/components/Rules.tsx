import { useRef, useState } from 'preact/hooks';
import type { RuleAdvice } from '../../src/checks/missing-rules';
import type { Report } from '../../src/report/types';
import { missingRulesText, ruleText, sortedMissingRules } from '../../src/view/rules';
import { t } from '../shared/i18n';
import { say } from '../../src/i18n/words';

type Copy = 'idle' | 'copied' | 'failed';

/** One rule as listed under any heading: its purpose, optional or not, and the paste-ready text. */
export function RuleItem({ rule }: { rule: Pick<RuleAdvice, 'ruleId' | 'purpose' | 'required' | 'text' | 'lines'> }) {
  return (
    <li data-rule={rule.ruleId}>
      <span class="purpose">{rule.purpose}</span>
      {!rule.required && <span class="tag"> ({t('popup_rule_optional')})</span>}
      <code>{ruleText(rule, t)}</code>
    </li>
  );
}

export function MissingRules({ report }: { report: Report }) {
  const [copy, setCopy] = useState<Copy>('idle');
  const fallback = useRef<HTMLTextAreaElement>(null);
  const rules = sortedMissingRules(report);
  if (rules.length === 0)
    return (
      <p class="rules-none" data-testid="rules-none">
        <span aria-hidden="true">✓ </span>
        {t('popup_rules_none_missing')}
      </p>
    );
  const text = missingRulesText(report, t);

  const copyRules = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      // No clipboard access (policy, unfocused page): leave the text selected for Ctrl+C.
      setCopy('failed');
      requestAnimationFrame(() => fallback.current?.select());
    }
  };

  return (
    <section class="rules" aria-labelledby="rules-heading" data-testid="missing-rules">
      <h2 id="rules-heading">
        <span aria-hidden="true">✕ </span>
        {t('popup_rules_missing', [rules.length])}
      </h2>
      {/* The button comes before the list: with many rules it stays in view. */}
      <button type="button" class="primary" onClick={copyRules} data-testid="copy-rules">
        {t('popup_rules_copy')}
      </button>
      <p class="copy-state" role="status" data-testid="copy-state">
        {copy === 'copied' ? t('popup_rules_copied') : copy === 'failed' ? t('popup_rules_copy_failed') : ''}
      </p>
      <ul>
        {rules.map((rule) => (
          <RuleItem key={rule.ruleId} rule={rule} />
        ))}
      </ul>
      {copy === 'failed' && <textarea ref={fallback} readOnly rows={4} aria-label={t('popup_rules_text_label')} value={text} data-testid="copy-fallback" />}
    </section>
  );
}

export function VerifyRules({ report }: { report: Report }) {
  const [copied, setCopied] = useState(false);
  if (report.verifyRules.length === 0) return null;
  // With rules missing, the copy above already ends with these under "also check".
  const alone = report.missingRules.length === 0;
  const copy = () =>
    navigator.clipboard.writeText(missingRulesText(report, t)).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <details class="verify" data-testid="verify-rules">
      <summary>
        <span aria-hidden="true">? </span>
        {t('popup_verify_heading', [report.verifyRules.length])}
      </summary>
      <p class="muted">{t('popup_verify_hint')}</p>
      <ul>
        {report.verifyRules.map((rule) => (
          <li key={rule.ruleId} data-rule={rule.ruleId}>
            <span class="purpose">{rule.purpose}</span>
            <code>{ruleText(rule, t)}</code>
            {rule.findings.map((f, i) => (
              <p class="reason" key={i}>
                {say(t, f)}
              </p>
            ))}
          </li>
        ))}
      </ul>
      {alone && (
        <button type="button" onClick={copy} data-testid="copy-verify">
          {t('popup_rules_copy')}
        </button>
      )}
      {copied && (
        <span class="copy-state" role="status">
          {' '}
          {t('popup_rules_copied')}
        </span>
      )}
    </details>
  );
}
