import { useEffect, useState } from 'preact/hooks';
import { browser, type StorageChange } from './shared/browser';
import { keepProgressConnected } from './shared/progress-connection';
import { isErrorReply } from '../src/contract/requests';
import { PROGRESS_PORT, type RunProgress } from '../src/contract/progress';
import type { Report } from '../src/report/types';
import type { SettingsView } from '../src/settings/types';
import { ageText } from '../src/view/age';
import { CheckDetails } from './components/Checks';
import { Checking, NextStep, Outcomes } from './components/TopLayer';
import { formatAge, formatTime } from './shared/format';
import { chosenProfile } from '../src/view/chosen-profile';
import { truncationList } from '../src/view/truncated';
import { Headline } from './components/Headline';
import { Methods } from './components/Methods';
import { ProfilePicker } from './components/ProfilePicker';
import { RouteDiagram } from './components/RouteDiagram';
import { MissingRules, VerifyRules } from './components/Rules';
import { CauseSections } from './components/CauseSections';
import { t } from './shared/i18n';
import { say } from '../src/i18n/words';
import { send } from './shared/send';
import { useAfterPaint } from './shared/after-paint';
import { webAppWarning } from '../src/view/webapp-warning';
import { STORAGE_KEYS } from '../src/contract/storage-keys';
import { REPORT_SCHEMA } from '../src/report/types';

/**
 * A report of this version's schema whose start the popup can format, or
 * null. The full check is src/report/stored.ts, in the service worker's
 * readers (with it the popup is 2.6 KB over its size budget, measured); a
 * damaged value that still throws is caught in main.tsx. Issue 29: a stored
 * start in month 13 was shown as "checked NaN minutes ago".
 */
function currentReport(value: unknown): Report | null {
  if (typeof value !== 'object' || value === null || (value as Report).schema !== REPORT_SCHEMA) return null;
  return Number.isFinite(Date.parse(String((value as Report).startedAt))) ? (value as Report) : null;
}

/** "host 2, srflx 1, relay 2": the candidate types gathered, for IT. */
function candidateTypes(report: Report): string {
  const counts = new Map<string, number>();
  for (const c of report.candidates) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return counts.size === 0 ? '—' : [...counts].map(([type, n]) => `${type} ${n}`).join(', ');
}

/**
 * The popup: the stored verdict at once (no waiting for a run), its age, and
 * "Check again". It renders the report; it never decides anything itself.
 */
export function Popup({ onFirstReport, ignoreStored = false }: { onFirstReport(): void; ignoreStored?: boolean }) {
  const [report, setReport] = useState<Report | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [view, setView] = useState<SettingsView | null>(null);
  const [granted, setGranted] = useState<string[]>([]);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    // Straight from storage: the first paint needs no round trip to the service worker.
    browser.storage.local
      .get(STORAGE_KEYS.lastReport)
      .then((stored) => {
        document.body.dataset.storedReportMs = String(Math.round(performance.now()));
        // Another version's value shows as "no report yet"; a damaged one that still throws is caught in main.tsx.
        setReport(ignoreStored ? null : currentReport(stored[STORAGE_KEYS.lastReport]));
      })
      .catch((err: unknown) => setFailure(String(err)))
      .finally(() => setLoaded(true));
    send({ type: 'getSettings' }).then(
      (reply) => (isErrorReply(reply) ? undefined : setView(reply)),
      () => undefined,
    );
    browser.permissions.getAll().then(
      (p) => setGranted(p.origins ?? []),
      () => undefined,
    );

    const stop = keepProgressConnected(
      () => {
        const port = browser.runtime.connect({ name: PROGRESS_PORT });
        port.onDisconnect.addListener(() => void browser.runtime.lastError); // read, so Chrome does not log it as unchecked
        return port;
      },
      {
        progress(progress) {
          // A new run makes an earlier failure (or interruption) old news.
          setFailure(null);
          setRunning(true);
          setProgress(progress);
        },
        failed(message) {
          setFailure(t('popup_run_failed', [message]));
          setProgress(null);
          setRunning(false);
        },
        report(finished) {
          setFailure(null);
          setReport(finished);
          setProgress(null);
          setRunning(false);
          setNow(Date.now());
        },
        interrupted() {
          setFailure(t('popup_run_interrupted'));
          setProgress(null);
          setRunning(false);
        },
      },
    );
    // A run that ended while the port was down (a worker restarting) still shows: the report is written once, at the end.
    const onStored = (changes: Record<string, StorageChange>, area: string) => {
      const change = changes[STORAGE_KEYS.lastReport];
      if (area !== 'local' || !change) return;
      const stored = currentReport(change.newValue);
      if (!stored) return;
      setReport(stored);
      setFailure(null);
      setNow(Date.now());
    };
    browser.storage.onChanged.addListener(onStored);
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      stop();
      browser.storage.onChanged.removeListener(onStored);
      clearInterval(tick);
    };
  }, []);

  useEffect(() => {
    if (loaded) onFirstReport();
  }, [loaded]);

  const checkAgain = async () => {
    setRunning(true);
    setFailure(null);
    setProgress(null);
    try {
      const reply = await send({ type: 'runConfigured' });
      if (isErrorReply(reply)) setFailure(t('popup_run_failed', [reply.error.message]));
      else setReport(reply);
    } catch {
      // No reply at all: the service worker stopped mid-run (Chrome's channel error says only that).
      setFailure(t('popup_run_interrupted'));
      setProgress(null);
    } finally {
      setRunning(false);
      setNow(Date.now());
    }
  };

  const exports = useAfterPaint(() => import('./export/ExportActions'));
  const age = report ? ageText(report.startedAt, now) : null;
  const warning = report ? webAppWarning(report.environment.webRtcIpHandling) : null;
  const webAppNote = warning === null ? null : 'keys' in warning ? warning.keys.map((key) => t(key)).join(' ') : say(t, warning.note);
  const chosen = view ? chosenProfile(view) : undefined;
  // Named only when one of the lists has it (not a profile removed since).
  const chosenName = chosen && (chosen.builtin ?? chosen.custom)?.name;
  return (
    <main>
      <header>
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_settings')}
        </button>
      </header>
      {/* The top layer: one sentence, the one next step, problems in plain words. Nothing technical. */}
      <section class="top" data-testid="top-layer" aria-label={t('popup_top_label')}>
        {running ? (
          <Checking progress={progress} />
        ) : !loaded ? null : report ? (
          <Headline report={report} />
        ) : (
          <div data-testid="no-report">
            <p class="first-run">{t('popup_no_report')}</p>
            {chosenName && (
              <p class="muted" data-testid="first-run-product">
                {t('popup_first_run_product', [chosenName])}
              </p>
            )}
          </div>
        )}
        {report && !running && <NextStep report={report} />}
        <div class="actions">
          <button type="button" class={report ? undefined : 'primary'} onClick={checkAgain} disabled={running} aria-busy={running} data-testid="check-again">
            <span aria-hidden="true">↻ </span>
            {t(report ? 'popup_check_again' : 'popup_check_network')}
          </button>
          {age && !running && (
            <span class="muted age" data-testid="age">
              {formatAge(age, t)}
            </span>
          )}
          {report && (
            <span class="muted" data-testid="report-profile">
              <span aria-hidden="true">· </span>
              {report.profile.name}
            </span>
          )}
        </div>
        {failure && (
          <p class="error" role="alert" data-testid="failure">
            {failure}
          </p>
        )}
        {report && !running && <Outcomes report={report} />}
      </section>
      {report && (
        <div class={running ? 'stale' : undefined} data-testid={running ? 'previous' : 'result'}>
          {running && (
            <p class="stale-note" data-testid="previous-note">
              {t('popup_previous_result', [formatTime(report.startedAt)])}
            </p>
          )}
          {truncationList(report) !== null && (
            <p class="warning" role="note" data-testid="truncated">
              {t('report_truncated', [truncationList(report)!])}
            </p>
          )}
          {webAppNote && (
            <p class="warning" role="note" data-testid="webapp-warning">
              <span aria-hidden="true">⚠ </span>
              {t('popup_webapp_warning', [webAppNote])}
            </p>
          )}
          <div class="export-slot" data-testid="export-slot">
            {exports && <exports.ExportActions report={report} />}
          </div>
          <details class="it-details" data-testid="it-details">
            <summary>{t('popup_it_details')}</summary>
            <Methods verdict={report.verdict} checks={report.checks} loopbacks={report.loopbacks} />
            <ul class="it-facts" data-testid="it-facts">
              <li>{t('report_nat', [report.nat.mapping, say(t, report.nat.reason)])}</li>
              <li>{t('popup_candidates', [candidateTypes(report)])}</li>
            </ul>
            <RouteDiagram report={report} />
            <MissingRules key={report.id} report={report} />
            <CauseSections key={`causes-${report.id}`} report={report} />
            <VerifyRules report={report} />
            <CheckDetails checks={report.checks} />
          </details>
        </div>
      )}
      {view && <ProfilePicker view={view} granted={granted} onSaved={setView} onError={(m) => setFailure(m)} />}
    </main>
  );
}
