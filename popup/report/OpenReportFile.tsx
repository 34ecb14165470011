import { useEffect, useState } from 'preact/hooks';
import validate from 'virtual:report-validator';
import type { Report } from '../../src/report/types';
import { pageTranslate as t } from '../export/page-translate';
import { readReport } from './open-report';
import { MAX_REPORT_FILE_CHARS } from '../../src/report/limits';

/**
 * "Open a report file": a file picker, and a file dropped anywhere on the
 * page. A report someone sent is shown exactly as a stored one; anything else
 * gets a message naming what is wrong.
 */
export function OpenReportFile({ onOpen }: { onOpen(report: Report, fileName: string): void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const open = async (file: File | undefined) => {
    if (!file) return;
    // Not even read into memory: UTF-8 takes at most 4 bytes a character, so this file holds more characters than any report.
    if (file.size > 4 * MAX_REPORT_FILE_CHARS) {
      setProblem(t('report_file_refused', [file.name, t('report_file_too_large', [String(file.size), String(MAX_REPORT_FILE_CHARS)])]));
      return;
    }
    const result = readReport(await file.text(), validate);
    if (result.ok) {
      setProblem(null);
      onOpen(result.report, file.name);
    } else setProblem(t('report_file_refused', [file.name, t(result.key, result.substitutions)]));
  };

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void open(e.dataTransfer?.files[0]);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <section class={`open-file no-print${dragging ? ' dragging' : ''}`} data-testid="open-report">
      <label>
        {t('report_file_open')}{' '}
        <input type="file" accept="application/json,.json" onChange={(e) => void open(e.currentTarget.files?.[0])} data-testid="open-report-input" />
      </label>
      <p class="muted">{t('report_file_drop')}</p>
      {problem && (
        <p class="error" role="alert" data-testid="open-report-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
