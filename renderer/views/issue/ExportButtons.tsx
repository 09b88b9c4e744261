import { useState } from 'react';
import type { AppErrorData } from '../../../shared/api/errors.js';
import { call, errorData } from '../../api.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useI18n } from '../../i18n/I18n.js';
import { useMenuCommand } from '../../useMenuCommand.js';

/** Export PDF / Export Word, with a save dialog in the main process and a busy state while it works. */
export function ExportButtons({ slug, beforeExport }: { slug: string; beforeExport(): Promise<unknown> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<'pdf' | 'docx' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  const run = async (kind: 'pdf' | 'docx') => {
    if (busy) return;
    setBusy(kind);
    setDone(null);
    try {
      await beforeExport();
      const { path } = kind === 'pdf' ? await call('export:pdf', { slug, bleedMm: 0 }) : await call('export:docx', { slug });
      if (path) setDone(path);
    } catch (err) {
      setError(errorData(err));
    } finally {
      setBusy(null);
    }
  };
  useMenuCommand((command) => {
    if (command === 'exportPdf') void run('pdf');
    if (command === 'exportDocx') void run('docx');
  });

  return (
    <>
      <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => void run('docx')}>
        {busy === 'docx' ? t('export.working') : t('export.docx')}
      </button>
      <button type="button" className="btn btn-small btn-primary" disabled={busy !== null} onClick={() => void run('pdf')}>
        {busy === 'pdf' ? t('export.working') : t('export.pdf')}
      </button>
      {done && (
        <span className="export-done" role="status" title={done}>
          {t('export.done', { path: done.split(/[\\/]/).pop() ?? done })}
        </span>
      )}
      <div className="export-error">
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
      </div>
    </>
  );
}
