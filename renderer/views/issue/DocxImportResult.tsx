import { basename } from '../../basename.js';
import { useI18n } from '../../i18n/I18n.js';
import type { DocxImportResult } from './useDocxImport.js';

/** What a Word import did, file by file: the headline of each article, or why a file was refused. */
export function DocxImportResultDialog({ result, onClose }: { result: DocxImportResult; onClose(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ok = result.results.filter((r) => r.ok).length;
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={t('import.docx')}>
        <h2 className="dialog-title">{t('import.docx')}</h2>
        <p className="muted">{t('import.docxResult', { ok, failed: result.results.length - ok })}</p>
        <ul className="import-results">
          {result.results.map((r) => (
            <li key={r.file} className={r.ok ? 'ok' : 'failed'}>
              {r.ok
                ? t('cli.import.docxOk', { file: basename(r.file), headline: r.headline, images: r.images })
                : t('cli.import.docxFailed', { file: basename(r.file), message: i18n.error(r.error) })}
              {r.ok &&
                r.warnings.map((w, i) => (
                  <div key={i} className="muted">
                    {t(`import.warning.${w.kind}`, { contentType: w.contentType ?? '' })}
                  </div>
                ))}
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
