import { useState } from 'preact/hooks';
import type { CauseAdvice } from '../../src/checks/missing-rules';
import type { Report } from '../../src/report/types';
import { causeKeys, causeText } from '../../src/view/rules';
import { t } from '../shared/i18n';
import { say } from '../../src/i18n/words';
import { RuleItem } from './Rules';

/**
 * Findings the firewall cannot fix, one section per cause, each with the text
 * for the person who can: the proxy admin, whoever runs DNS, the vendor ...
 */
export function CauseSections({ report }: { report: Report }) {
  const sections = report.otherCauses ?? [];
  if (sections.length === 0) return null;
  return (
    <>
      {sections.map((section) => (
        <CauseSection key={section.cause} section={section} report={report} />
      ))}
    </>
  );
}

function CauseSection({ section, report }: { section: CauseAdvice; report: Report }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const keys = causeKeys(section.cause);
  const copy = () =>
    navigator.clipboard.writeText(causeText(section, report, t)).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  return (
    <section class="cause" data-testid={`cause-${section.cause}`} data-cause={section.cause}>
      <h2>! {t(keys.heading, [section.rules.length])}</h2>
      <p class="muted">{t(keys.hint)}</p>
      {section.cause === 'proxy' && report.proxy?.inUse && (
        <p class="muted" data-testid="proxy-note">
          {t('cause_proxy_in_use')}
        </p>
      )}
      <ul>
        {(section.notes ?? []).map((note, i) => (
          <li key={i} data-note="browser-policy">
            <code>{say(t, note)}</code>
          </li>
        ))}
        {section.rules.map((rule) => (
          <RuleItem key={rule.ruleId} rule={rule} />
        ))}
      </ul>
      <button type="button" onClick={copy} data-testid={`copy-${section.cause}`}>
        {t('cause_copy')}
      </button>
      <span class="copy-state" role="status">
        {copied === 'copied' ? ` ${t('popup_rules_copied')}` : copied === 'failed' ? ` ${t('popup_rules_copy_failed')}` : ''}
      </span>
    </section>
  );
}
