import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { send } from '../shared/send';
import { isErrorReply } from '../../src/contract/requests';
import type { HistoryEntry } from '../../src/report/history';
import { routeLabel } from '../../src/report/labels';
import { printableUrl } from './exports';
import { pageTranslate as t } from './page-translate';
import { useRedactSetting } from './use-redact-setting';
import { formatDateTime } from '../shared/format';

/**
 * The last reports kept in this browser (at most 20), newest first: time,
 * profile, verdict; each opens in the printable page, which exports it.
 */
export function HistoryList() {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [redact] = useRedactSetting();
  useEffect(() => {
    send({ type: 'listHistory' })
      .then((reply) => (isErrorReply(reply) ? setFailure(reply.error.message) : setEntries(reply)))
      .catch((err: unknown) => setFailure(String(err)));
  }, []);

  return (
    <section class="history" aria-label={t('export_history_heading')}>
      <h2>{t('export_history_heading')}</h2>
      {failure && <p class="error">{t('export_load_failed', [failure])}</p>}
      {entries === null ? null : entries.length === 0 ? (
        <p class="muted">{t('export_history_empty')}</p>
      ) : (
        <ul data-testid="history-list">
          {entries.map((e) => (
            <li key={e.id}>
              <time dateTime={e.startedAt}>{formatDateTime(e.startedAt)}</time> · {e.profileName} · {routeLabel(t, e.route)}
              {e.missingRules > 0 && <> · {t('export_history_missing', [e.missingRules])}</>}{' '}
              <a href={printableUrl(browser.runtime.getURL, e.id, redact)} target="_blank" rel="noopener">
                {t('export_history_open')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
