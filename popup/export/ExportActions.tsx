import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import type { Report } from '../../src/report/types';
import { exportCopy, jsonExport, printableUrl, textExport } from './exports';
import { pageTranslate as t } from './page-translate';
import { copyText, saveFile } from './save-file';
import { useRedactSetting } from './use-redact-setting';

export interface ExportActionsProps {
  report: Report;
  /** Start value of "hide IP addresses"; read from the settings when omitted. */
  redactIps?: boolean;
  /** Told when the user switches "hide IP addresses", so a host page can show the same copy. */
  onRedactChange?: (redact: boolean) => void;
  /** The printable page hosts these actions too and hides its own "open" button. */
  showOpenPrintable?: boolean;
}

/**
 * "Copy for support ticket", "Download report" (JSON, and the ticket text),
 * "Open printable report". Everything is rendered from the stored report and
 * stays in the browser until the user pastes or attaches it.
 */
export function ExportActions(props: ExportActionsProps) {
  const { report, showOpenPrintable = true } = props;
  const [redact, setRedact] = useRedactSetting(props.redactIps);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (props.redactIps !== undefined) setRedact(props.redactIps);
  }, [props.redactIps]);
  const changeRedact = (value: boolean) => {
    setRedact(value);
    props.onRedactChange?.(value);
  };

  const copy = async () => {
    try {
      await copyText(textExport(exportCopy(report, redact), t).text);
      setStatus({ ok: true, text: t('export_copied') });
    } catch (err) {
      setStatus({ ok: false, text: t('export_copy_failed', [err instanceof Error ? err.message : String(err)]) });
    }
  };
  const download = (format: 'json' | 'text') => {
    const copy = exportCopy(report, redact);
    const file = format === 'json' ? jsonExport(copy) : textExport(copy, t);
    saveFile(file.name, file.text, format === 'json' ? 'application/json' : 'text/plain;charset=utf-8');
  };
  const openPrintable = () => {
    void browser.tabs.create({ url: printableUrl(browser.runtime.getURL, report.id, redact) });
  };

  return (
    <section class="export-actions no-print" aria-label={t('export_actions_label')}>
      <label class="export-redact">
        <input type="checkbox" checked={redact} onChange={(e) => changeRedact((e.currentTarget as HTMLInputElement).checked)} data-testid="export-redact" />{' '}
        {t('export_redact_ips')}
      </label>
      <div class="export-buttons">
        <button type="button" onClick={copy} data-testid="export-copy">
          {t('export_copy')}
        </button>
        <button type="button" onClick={() => download('json')} data-testid="export-download">
          {t('export_download')}
        </button>
        <button type="button" onClick={() => download('text')} data-testid="export-download-text">
          {t('export_download_text')}
        </button>
        {showOpenPrintable && (
          <button type="button" onClick={openPrintable} data-testid="export-open-printable">
            {t('export_open_printable')}
          </button>
        )}
      </div>
      {status && (
        <p class={status.ok ? 'export-status' : 'export-status error'} role="status">
          {status.text}
        </p>
      )}
    </section>
  );
}
