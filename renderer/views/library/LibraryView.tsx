import { useCallback, useEffect, useState } from 'react';
import type { Language, LibraryEntry, NewIssueInput, Output, Settings } from '../../../shared/api/contract.js';
import type { DraftLine } from '../../../shared/import/text.js';
import type { AppErrorData } from '../../../shared/api/errors.js';
import { formatIssueLine } from '../../../shared/model/issueLine.js';
import { call, errorData } from '../../api.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useI18n } from '../../i18n/I18n.js';
import { navigate } from '../../route.js';
import { useMenuCommand } from '../../useMenuCommand.js';
import { ImportPreview } from '../import/ImportPreview.js';
import { IssueCard } from './IssueCard.js';
import { NewIssueDialog } from './NewIssueDialog.js';
import { SettingsDialog } from './SettingsDialog.js';
import { TextDialog } from '../../components/TextDialog.js';

type Modal =
  | { kind: 'new' }
  | { kind: 'settings' }
  | { kind: 'rename'; slug: string; initial: string }
  | { kind: 'import'; draft: Output<'import:previewText'> }
  | null;

/** The library: every issue in the workspace folder. */
export function LibraryView({
  settings,
  onSettings,
}: {
  settings: Settings;
  onSettings(patch: { language?: Language; workspace?: string }): void;
}) {
  const { t } = useI18n();
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [modal, setModal] = useState<Modal>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setEntries((await call('library:list', {})).entries);
    } catch (err) {
      setError(errorData(err));
      setEntries([]);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh, settings.workspace]);

  useMenuCommand((command) => {
    if (command === 'newIssue') setModal({ kind: 'new' });
    if (command === 'settings') setModal({ kind: 'settings' });
    if (command === 'importText') void importText();
  });

  const act = async (f: () => Promise<unknown>) => {
    try {
      await f();
    } catch (err) {
      setError(errorData(err));
    }
    await refresh();
  };

  const create = (input: NewIssueInput) => {
    setModal(null);
    void act(async () => {
      const { slug } = await call('issue:create', input);
      navigate({ view: 'issue', slug });
    });
  };

  const importText = async (path?: string) => {
    try {
      const chosen = path ?? (await call('import:chooseFiles', { kind: 'text' })).paths[0];
      if (!chosen) return;
      setModal({ kind: 'import', draft: await call('import:previewText', { path: chosen }) });
    } catch (err) {
      setError(errorData(err));
    }
  };

  const createFromLines = async (lines: DraftLine[], fields: NewIssueInput) => {
    setBusy(true);
    try {
      const { slug } = await call('import:createFromLines', { lines, fields });
      setModal(null);
      navigate({ view: 'issue', slug });
    } catch (err) {
      setError(errorData(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="library">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark">报</span>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="topbar-actions">
          <LanguageSwitch value={settings.language} onChange={(language) => onSettings({ language })} />
          <button type="button" className="btn" onClick={() => setModal({ kind: 'settings' })}>
            {t('settings.title')}
          </button>
        </div>
      </header>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <main className="library-main">
        <div className="library-head">
          <div>
            <h1>{t('library.title')}</h1>
            <p className="library-workspace">
              {t('library.workspace')}：<code className="path">{settings.workspace}</code>
              {entries && <span className="library-count">{t('library.count', { n: entries.length })}</span>}
            </p>
          </div>
          <div className="library-actions">
            <button type="button" className="btn" onClick={() => navigate({ view: 'trash' })}>
              {t('library.showTrash')}
            </button>
            <button type="button" className="btn" onClick={() => void refresh()}>
              {t('library.refresh')}
            </button>
            <button type="button" className="btn" onClick={() => void importText()}>
              {t('import.text')}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => setModal({ kind: 'new' })}>
              {t('library.newIssue')}
            </button>
          </div>
        </div>
        {entries === null ? (
          <p className="muted">{t('library.loading')}</p>
        ) : entries.length === 0 ? (
          <div className="empty-state">
            <p className="empty-title">{t('library.empty')}</p>
            <p className="muted">{t('library.emptyHint')}</p>
            <button type="button" className="btn btn-primary" onClick={() => setModal({ kind: 'new' })}>
              {t('library.newIssue')}
            </button>
          </div>
        ) : (
          <ul className="issue-grid">
            {entries.map((entry) => (
              <IssueCard
                key={entry.slug}
                entry={entry}
                onOpen={() => navigate({ view: 'issue', slug: entry.slug })}
                onDuplicate={() =>
                  void act(async () => {
                    await call('issue:duplicate', { slug: entry.slug });
                  })
                }
                onRename={() =>
                  setModal({
                    kind: 'rename',
                    slug: entry.slug,
                    initial:
                      entry.status === 'ok'
                        ? entry.summary.title || `${entry.summary.publication} ${formatIssueLine(entry.summary.number)}`
                        : entry.slug,
                  })
                }
                onTrash={() =>
                  void act(async () => {
                    await call('issue:trash', { slug: entry.slug });
                  })
                }
              />
            ))}
          </ul>
        )}
      </main>
      {modal?.kind === 'import' && (
        <ImportPreview draft={modal.draft} busy={busy} onCancel={() => setModal(null)} onCreate={createFromLines} />
      )}
      {modal?.kind === 'new' && <NewIssueDialog onClose={() => setModal(null)} onCreate={create} />}
      {modal?.kind === 'settings' && (
        <SettingsDialog settings={settings} onClose={() => setModal(null)} onSettings={onSettings} />
      )}
      {modal?.kind === 'rename' && (
        <TextDialog
          title={t('rename.title')}
          label={t('rename.label')}
          initial={modal.initial}
          submitLabel={t('common.ok')}
          onClose={() => setModal(null)}
          onSubmit={(title) => {
            const slug = modal.slug;
            setModal(null);
            void act(async () => {
              await call('issue:rename', { slug, title });
            });
          }}
        />
      )}
    </div>
  );
}
