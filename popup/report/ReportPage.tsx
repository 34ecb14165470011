import { useEffect, useMemo, useState } from 'preact/hooks';
import { send } from '../shared/send';
import { isErrorReply } from '../../src/contract/requests';
import { redactIps } from '../../src/report/redact-ips';
import type { Report } from '../../src/report/types';
import { ExportActions } from '../export/ExportActions';
import { pageTranslate as t } from '../export/page-translate';
import { HistoryList } from '../export/HistoryList';
import { useRedactSetting } from '../export/use-redact-setting';
import { PrintableReport } from './PrintableReport';
import { OpenReportFile } from './OpenReportFile';
import { formatDateTime } from '../shared/format';

type Load = { state: 'loading' } | { state: 'ready'; report: Report; fileName?: string } | { state: 'missing'; message: string };

/**
 * `report.html?id=<report id>[&redact=1|0]`: one stored report, laid out for
 * reading and printing, with the export actions above it (not printed).
 * Without an id it shows the last report. A report file (picked or dropped)
 * replaces what is shown, and renders exactly as a stored report.
 */
export function ReportPage(props: { id: string | null; redact?: boolean }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [redact, setRedact] = useRedactSetting(props.redact);

  useEffect(() => {
    const reply = props.id ? send({ type: 'getReport', id: props.id }) : send({ type: 'getLastReport' });
    reply
      .then((report) => {
        if (isErrorReply(report)) setLoad({ state: 'missing', message: t('export_load_failed', [report.error.message]) });
        else if (report) setLoad({ state: 'ready', report });
        else setLoad({ state: 'missing', message: t(props.id ? 'export_not_found' : 'export_no_id') });
      })
      .catch((err: unknown) => setLoad({ state: 'missing', message: t('export_load_failed', [String(err)]) }));
  }, [props.id]);

  const shown = useMemo(() => (load.state === 'ready' ? (redact ? redactIps(load.report) : load.report) : null), [load, redact]);
  useEffect(() => {
    if (shown) document.title = t('report_page_title', [`${shown.profile.name}, ${formatDateTime(shown.startedAt)}`]);
  }, [shown]);

  const openFile = <OpenReportFile onOpen={(report, fileName) => setLoad({ state: 'ready', report, fileName })} />;
  if (load.state === 'loading') return <p class="muted">{t('export_loading')}</p>;
  if (load.state === 'missing' || !shown)
    return (
      <main>
        {openFile}
        <p class="error" role="alert" data-testid="report-missing">
          {load.state === 'missing' ? load.message : ''}
        </p>
        <aside class="no-print">
          <HistoryList />
        </aside>
      </main>
    );
  return (
    <main>
      {openFile}
      {load.fileName && (
        <p class="muted no-print" data-testid="opened-file">
          {t('report_file_shown', [load.fileName])}
        </p>
      )}
      <div class="toolbar no-print">
        <ExportActions report={load.report} redactIps={redact} onRedactChange={setRedact} showOpenPrintable={false} />
        <button type="button" onClick={() => window.print()} data-testid="print">
          {t('export_print')}
        </button>
      </div>
      <PrintableReport report={shown} />
      <aside class="no-print">
        <HistoryList />
      </aside>
    </main>
  );
}
