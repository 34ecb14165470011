import { useEffect, useState } from 'preact/hooks';
import { ext as browser } from './shared/ext';
import { isErrorReply, type BackgroundToPopup, type RunProgress } from '../src/messages';
import type { Report } from '../src/report/types';
import type { SettingsView } from '../src/settings/types';
import { ageText } from '../src/view/age';
import { CheckDetails, Progress } from './components/Checks';
import { Headline } from './components/Headline';
import { Methods } from './components/Methods';
import { ProfilePicker } from './components/ProfilePicker';
import { RouteDiagram } from './components/RouteDiagram';
import { MissingRules, VerifyRules } from './components/Rules';
import { CauseSections } from './components/CauseSections';
import { t } from './shared/i18n';
import { send } from './shared/send';
import { useAfterPaint } from './shared/after-paint';
import { webAppWarning } from '../src/view/webapp-warning';
import { LAST_REPORT_KEY } from '../src/storage-keys';

/**
 * The popup: the stored verdict at once (no waiting for a run), its age, and
 * "Check again". It renders the report; it never decides anything itself.
 */
export function Popup({ onFirstReport }: { onFirstReport(): void }) {
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
      .get(LAST_REPORT_KEY)
      .then((stored) => {
        document.body.dataset.storedReportMs = String(Math.round(performance.now()));
        setReport((stored[LAST_REPORT_KEY] as Report | undefined) ?? null);
      })
      .catch((err: unknown) => setFailure(String(err)))
      .finally(() => setLoaded(true));
    send({ type: 'getSettings' }).then(setView, () => undefined);
    browser.permissions.getAll().then((p) => setGranted(p.origins ?? []), () => undefined);

    const port = browser.runtime.connect({ name: 'progress' });
    port.onMessage.addListener((message: unknown) => {
      const m = message as BackgroundToPopup;
      if (m.type === 'progress') {
        setRunning(true);
        setProgress(m.progress);
      } else if (m.type === 'failed') {
        setFailure(t('popup_run_failed', [m.message]));
        setProgress(null);
        setRunning(false);
      } else {
        setReport(m.report);
        setProgress(null);
        setRunning(false);
        setNow(Date.now());
      }
    });
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      clearInterval(tick);
      port.disconnect();
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
    } catch (err) {
      setFailure(t('popup_run_failed', [String(err)]));
    } finally {
      setRunning(false);
      setNow(Date.now());
    }
  };

  const exports = useAfterPaint(() => import('./export/ExportActions'));
  const age = report ? ageText(report.startedAt, now) : null;
  const warning = report ? webAppWarning(report.environment.webRtcIpHandling) : null;
  const webAppNote = warning === null ? null : 'keys' in warning ? warning.keys.map((key) => t(key)).join(' ') : warning.note;
  return (
    <main>
      <header>
        <h1>{t('extName')}</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_settings')}
        </button>
      </header>
      {!loaded ? null : report ? <Headline report={report} /> : <p class="muted" data-testid="no-report">{t('popup_no_report')}</p>}
      <div class="actions">
        <button type="button" class="primary" onClick={checkAgain} disabled={running} aria-busy={running} data-testid="check-again">
          ↻ {t('popup_check_again')}
        </button>
        {age && <span class="muted age" data-testid="age">{t(age.key, age.substitutions)}</span>}
        {report && <span class="muted" data-testid="report-profile">· {report.profile.name}</span>}
      </div>
      {failure && <p class="error" role="alert" data-testid="failure">{failure}</p>}
      {running && <Progress progress={progress} />}
      {report && (
        <>
          {webAppNote && (
            <p class="warning" role="note" data-testid="webapp-warning">
              ⚠ {t('popup_webapp_warning', [webAppNote])}
            </p>
          )}
          <Methods verdict={report.verdict} checks={report.checks} />
          <RouteDiagram report={report} />
          <MissingRules key={report.id} report={report} />
          <CauseSections key={`causes-${report.id}`} report={report} />
          <VerifyRules report={report} />
          <div class="export-slot" data-testid="export-slot">
            {exports && <exports.ExportActions report={report} />}
          </div>
          <CheckDetails checks={report.checks} />
        </>
      )}
      {view && (
        <ProfilePicker view={view} granted={granted} onSaved={setView} onError={(m) => setFailure(m)} />
      )}
    </main>
  );
}
