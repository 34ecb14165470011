import type { ProfileError } from '../../src/profile/types';
import type { LocalTarget } from '../../src/profile/local-targets';
import { t } from '../shared/i18n';

/** A result line, with the validator's errors field by field; `place` names a path in the admin's terms (a rule by its id); `local` lists a profile's targets in the user's own network. */
export type Notice = { kind: 'ok' | 'error'; text: string; errors?: ProfileError[]; place?: (path: string) => string; local?: LocalTarget[] } | null;

export function NoticeView({ notice, testid }: { notice: Notice; testid: string }) {
  if (!notice) return <div role="status" data-testid={testid} />;
  return (
    <div role={notice.kind === 'error' ? 'alert' : 'status'} data-testid={testid} class={notice.kind === 'error' ? 'error' : ''}>
      <p>
        <span aria-hidden="true">{notice.kind === 'error' ? '✕ ' : '✓ '}</span>
        {notice.text}
      </p>
      {notice.errors && (
        <ul class="errors" data-testid={`${testid}-errors`}>
          {notice.errors.map((e, i) => (
            <li key={i} data-path={e.path}>
              <code>{e.path ? (notice.place?.(e.path) ?? e.path) : t('options_field_whole')}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {notice.local && notice.local.length > 0 && (
        <>
          <p class="warning" data-testid={`${testid}-local`}>
            ⚠ {t('options_import_local_targets')}
          </p>
          <ul class="errors" data-testid={`${testid}-local-list`}>
            {notice.local.map((target, i) => (
              <li key={i}>
                <code>{target.ruleId}</code>: {target.target}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
