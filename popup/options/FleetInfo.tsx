import { useEffect, useState } from 'preact/hooks';
import { browser, type StorageChange } from '../shared/browser';
import type { SendTrigger } from '../../src/settings/report-destination';
import { readSendStatus, SEND_STATUS_STORAGE_KEY, type SendProblemCode, type SendStatus } from '../../src/fleet/status';
// Neither module loads the OTLP serializer: that stays in the service worker.
import { SEND_TIMEOUT_MS } from '../../src/fleet/outcome';
import { QUEUE_BOUNDS } from '../../src/fleet/queue';
import type { SettingsView } from '../../src/settings/types';
import { t } from '../shared/i18n';
import type { MessageKey } from '../../src/i18n/message-keys';

const TRIGGERS: Record<SendTrigger, MessageKey> = {
  schedule: 'options_fleet_trigger_schedule',
  startup: 'options_fleet_trigger_startup',
  user: 'options_fleet_trigger_user',
};

const PROBLEMS: Record<SendProblemCode, MessageKey> = {
  unreachable: 'options_fleet_problem_unreachable',
  'cors-refused': 'options_fleet_problem_cors_refused',
  slow: 'options_fleet_problem_slow',
  redirect: 'options_fleet_problem_redirect',
  'http-error': 'options_fleet_problem_http_error',
  busy: 'options_fleet_problem_busy',
  rejected: 'options_fleet_problem_rejected',
  'too-large': 'options_fleet_problem_too_large',
  'partially-rejected': 'options_fleet_problem_partially_rejected',
  'queue-full': 'options_fleet_problem_queue_full',
  'clock-changed': 'options_fleet_problem_clock_changed',
  resent: 'options_fleet_problem_resent',
  'header-refused': 'options_fleet_problem_header_refused',
};

const SEND_TIMEOUT_S = SEND_TIMEOUT_MS / 1000;
const QUEUE_COUNT = QUEUE_BOUNDS.count;

function problemText(code: SendProblemCode, status: number | undefined, count: number): string {
  const key = PROBLEMS[code];
  switch (code) {
    case 'cors-refused':
      return t(key, [new URL(browser.runtime.getURL('')).origin]);
    case 'slow':
      return t(key, [SEND_TIMEOUT_S]);
    case 'http-error':
    case 'busy':
      return t(key, [status ?? '?']);
    case 'queue-full':
      return t(key, [count, QUEUE_COUNT]);
    case 'rejected':
    case 'too-large':
    case 'partially-rejected':
    case 'resent':
      return t(key, [count]);
    case 'clock-changed':
    case 'redirect':
    case 'unreachable':
    case 'header-refused':
      return t(key);
  }
}

// readSendStatus keeps only dates that format; should one get past it, it is shown as written.
const when = (iso: string) => (Number.isFinite(Date.parse(iso)) ? new Date(iso).toLocaleString() : iso);

/**
 * Where the policy sends reports (never a header value) and how sending
 * goes: counts and named problems, read from storage and kept live.
 */
export function FleetInfo({ view }: { view: SettingsView }) {
  const [status, setStatus] = useState<SendStatus | null>(null);
  useEffect(() => {
    browser.storage.local.get(SEND_STATUS_STORAGE_KEY).then(
      (stored) => setStatus(readSendStatus(stored[SEND_STATUS_STORAGE_KEY])),
      () => undefined,
    );
    const listener = (changes: Record<string, StorageChange>, area: string) => {
      if (area === 'local' && SEND_STATUS_STORAGE_KEY in changes) setStatus(readSendStatus(changes[SEND_STATUS_STORAGE_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  const destination = view.reportDestination;
  return (
    <section data-testid="fleet-info">
      <h3>{t('options_fleet_heading')}</h3>
      {!destination ? (
        <p data-testid="fleet-none">{t('options_fleet_none')}</p>
      ) : (
        <>
          <p data-testid="fleet-destination">{t('options_fleet_destination', [destination.endpoint])}</p>
          {destination.site !== null && <p data-testid="fleet-site">{t('options_fleet_site', [destination.site])}</p>}
          <p>{t('options_fleet_triggers', [destination.triggers.map((k) => t(TRIGGERS[k])).join(', ') || '—'])}</p>
          {destination.headerNames.length > 0 && <p>{t('options_fleet_headers', [destination.headerNames.join(', ')])}</p>}
          {status && (
            <>
              <p data-testid="fleet-counts">{t('options_fleet_counts', [status.sent, status.queued, status.dropped])}</p>
              {status.lastSentAt && <p>{t('options_fleet_last_sent', [when(status.lastSentAt)])}</p>}
              {status.nextAttemptAt && status.queued > 0 && <p>{t('options_fleet_next_attempt', [when(status.nextAttemptAt)])}</p>}
              {status.problems.length > 0 && (
                <>
                  <p class="error">{t('options_fleet_problems')}</p>
                  <ul class="errors" data-testid="fleet-problems">
                    {status.problems.map((p) => (
                      <li key={p.code} data-code={p.code}>
                        {problemText(p.code, p.status, p.count)} <span class="muted">({t('options_fleet_problem_at', [when(p.at)])})</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
