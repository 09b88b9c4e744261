import { useCallback, useEffect, useState } from 'react';
import type { Settings, TrashEntry } from '../../../shared/api/contract.js';
import type { AppErrorData } from '../../../shared/api/errors.js';
import { formatIssueLine } from '../../../shared/model/issueLine.js';
import { call, errorData } from '../../api.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useI18n } from '../../i18n/I18n.js';
import { navigate } from '../../route.js';

/** The workspace trash: issues moved out of the library, each restorable. */
export function TrashView({ settings }: { settings: Settings }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [entries, setEntries] = useState<TrashEntry[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  const refresh = useCallback(async () => {
    try {
      setEntries((await call('library:trash', {})).entries);
    } catch (err) {
      setError(errorData(err));
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh, settings.workspace]);

  const restore = async (trashId: string) => {
    try {
      await call('issue:restore', { trashId });
    } catch (err) {
      setError(errorData(err));
    }
    await refresh();
  };

  return (
    <div className="library">
      <header className="topbar">
        <button type="button" className="btn btn-quiet" onClick={() => navigate({ view: 'library' })}>
          ← {t('trash.back')}
        </button>
      </header>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <main className="library-main">
        <div className="library-head">
          <h1>{t('trash.title')}</h1>
        </div>
        {entries?.length === 0 && <p className="muted">{t('trash.empty')}</p>}
        <ul className="trash-list">
          {entries?.map((e) => (
            <li key={e.trashId} className="trash-item" data-trash-id={e.trashId}>
              <div>
                <div className="trash-title">
                  {e.summary ? `${e.summary.publication} ${formatIssueLine(e.summary.number)}` : e.slug}
                </div>
                <div className="muted">{t('trash.trashedAt', { time: i18n.dateTime(e.trashedAt) })}</div>
              </div>
              <button type="button" className="btn" onClick={() => void restore(e.trashId)}>
                {t('trash.restore')}
              </button>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
