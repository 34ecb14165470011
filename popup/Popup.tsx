import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser, type StorageChange } from './shared/browser';
import { keepProgressConnected } from './shared/progress-connection';
import { isErrorReply } from '../src/contract/requests';
import { PROGRESS_PORT, type RunProgress } from '../src/contract/progress';
import type { Report } from '../src/report/types';
import type { SettingsView } from '../src/settings/types';
import { ageText } from '../src/view/age';
import { formatAge } from './shared/format';
import { Headline } from './components/Headline';
import { t } from './shared/i18n';
import { send } from './shared/send';
import { useAfterPaint } from './shared/after-paint';
import { STORAGE_KEYS } from '../src/contract/storage-keys';
import { currentReport, storedRead } from './shared/stored-read';
import { openReportPage } from './shared/report-page';

/** After the browser has painted what is on screen now: what the first paint does not need waits for this. */
const afterNextPaint = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn, 0));

/**
 * The popup: the stored verdict at once (no waiting for a run or for the
 * service worker), its age, and "Check again". It renders the report; it never
 * decides anything itself. This chunk holds only what the headline needs;
 * everything below it (next step, outcomes, Details for IT, the profile
 * picker, the progress of a run) is `components/BelowHeadline.tsx`, a chunk of
 * its own rendered right after. The service worker is woken (progress port,
 * settings) only after the first paint, so its start-up does not compete with it.
 */
export function Popup({
  stored,
  readError,
  onFirstReport,
  onReportChanged,
  firstReadId,
}: {
  stored: Report | null;
  readError: string | null;
  /** Called once, right after the first render is in the DOM. */
  onFirstReport(): void;
  /** Called when a report replaces the one first rendered (a run finished, storage changed). */
  onReportChanged(): void;
  /** The id of the report the first read found, also when rendering it failed (`stored` is then null). */
  firstReadId: string | null;
}) {
  const [report, setReport] = useState<Report | null>(stored);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(readError);
  const [view, setView] = useState<SettingsView | null>(null);
  const [granted, setGranted] = useState<string[]>([]);
  const [now, setNow] = useState(Date.now());
  const below = useAfterPaint(() => import('./components/BelowHeadline'));

  // Right after the first render is in the DOM (useEffect would wait for a frame to be painted first).
  useLayoutEffect(onFirstReport, []);

  useEffect(() => {
    let live = true;
    let stop: (() => void) | null = null;
    afterNextPaint(() => {
      if (!live) return;
      send({ type: 'getSettings' }).then(
        (reply) => (isErrorReply(reply) ? undefined : setView(reply)),
        () => undefined,
      );
      browser.permissions.getAll().then(
        (p) => setGranted(p.origins ?? []),
        () => undefined,
      );
      // The port's reconnecting (a worker stopped, a port left dangling) is popup/shared/progress-connection.ts.
      stop = keepProgressConnected(
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
    });
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
    // A report written after the first read and before this listener would go unseen (and the copy of the
    // first render kept): read once more, now that changes are heard.
    void storedRead().then(({ value }) => {
      const latest = currentReport(value);
      // The same report as first read is no news, even one whose rendering failed (main.tsx shows none then).
      if (!live || !latest || latest.id === firstReadId) return;
      setReport(latest);
      setFailure(null);
      setNow(Date.now());
    });
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onStored);
      clearInterval(tick);
      stop?.();
    };
  }, []);

  useEffect(() => {
    if (report !== stored) onReportChanged();
  }, [report]);

  useEffect(() => {
    // The part below the headline is on screen: read by the e2e (test/support/popup.ts) before it looks there.
    if (below) requestAnimationFrame(() => (document.body.dataset.belowHeadlineMs = String(Math.round(performance.now()))));
  }, [below]);

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

  const age = report ? ageText(report.startedAt, now) : null;
  return (
    <main>
      <header>
        <h1>{t('extName')}</h1>
        <nav class="header-links">
          {/* The help desk's way in: the report page, where a report file someone sent opens (issue 28). */}
          <button type="button" class="link" onClick={() => void openReportPage()} data-testid="open-report-page">
            {t('open_report_file')}
          </button>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popup_settings')}
          </button>
        </nav>
      </header>
      {/* The top layer: one sentence, the one next step, problems in plain words. Nothing technical. */}
      <section class="top" data-testid="top-layer" aria-label={t('popup_top_label')}>
        {running ? (
          below && <below.Checking progress={progress} />
        ) : report ? (
          <Headline report={report} />
        ) : (
          <div data-testid="no-report">
            <p class="first-run">{t('popup_no_report')}</p>
            {below && view && <below.FirstRunProduct view={view} />}
          </div>
        )}
        {below && report && !running && <below.NextStep report={report} />}
        <div class="actions">
          <button type="button" class={report ? undefined : 'primary'} onClick={checkAgain} disabled={running} aria-busy={running} data-testid="check-again">
            <span aria-hidden="true">↻ </span>
            {t(report ? 'popup_check_again' : 'popup_check_network')}
          </button>
          {/* Left out of the popup's copy of itself (shared/popup-copy.ts): the age changes by itself. */}
          {age && !running && (
            <span class="muted age" data-testid="age" data-not-copied="">
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
        {below && report && !running && <below.Outcomes report={report} />}
      </section>
      {below && report && <below.ReportDetails report={report} running={running} />}
      {below && view && <below.ProfilePicker view={view} granted={granted} onSaved={setView} onError={(m) => setFailure(m)} />}
    </main>
  );
}
