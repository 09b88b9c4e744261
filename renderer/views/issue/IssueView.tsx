import { useEffect, useState } from 'react';
import type { Language, Settings } from '../../../shared/api/contract.js';
import type { AppErrorData } from '../../../shared/api/errors.js';
import { formatIssueLine } from '../../../shared/model/issueLine.js';
import {
  addArticle,
  addSection,
  deleteArticle,
  deleteSection,
  findArticle,
  moveArticle,
  moveSection,
  renameSection,
  updateArticle,
} from '../../../shared/model/ops.js';
import { issueChars } from '../../../shared/model/text.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useI18n } from '../../i18n/I18n.js';
import { navigate } from '../../route.js';
import { useMenuCommand } from '../../useMenuCommand.js';
import { flushEditors } from '../../editor/pendingEdits.js';
import { ArticlePane } from './ArticlePane.js';
import { Inspector } from './inspector/Inspector.js';
import { PagePreview } from './preview/PagePreview.js';
import { SaveStatus } from './SaveStatus.js';
import { ExportButtons } from './ExportButtons.js';
import { SectionPane } from './SectionPane.js';
import { SectionTree, type Selection } from './SectionTree.js';
import { useIssueDocument } from './useIssueDocument.js';
import { useDocxImport } from './useDocxImport.js';
import { DocxImportResultDialog } from './DocxImportResult.js';
import { FindBar } from './find/FindBar.js';
import { ProofPanel } from './proof/ProofPanel.js';

type Confirm = { kind: 'section' | 'article'; id: string; message: string } | null;

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** One open issue: its sections and articles on the left, the selected item on the right. */
export function IssueView({
  slug,
  settings,
  onSettings,
}: {
  slug: string;
  settings: Settings;
  onSettings(patch: { language?: Language }): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const doc = useIssueDocument(slug);
  const docx = useDocxImport(slug, doc);
  const [selection, setSelection] = useState<Selection>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [dismissedError, setDismissedError] = useState<AppErrorData | null>(null);
  const { issue } = doc;

  useMenuCommand((command) => {
    if (command === 'save') {
      flushEditors();
      void doc.saveNow();
    }
    if (command === 'showLibrary') navigate({ view: 'library' });
    if (command === 'importDocx' && issue) {
      // Into the selected section, else the selected article's, else the last one (created if none).
      const target =
        (selection?.kind === 'section' && issue.sections.find((s) => s.id === selection.id)) ||
        (selection?.kind === 'article' && findArticle(issue, selection.id)?.section) ||
        issue.sections.at(-1);
      void docx.importFiles(target ? target.title : '');
    }
  });

  const moveSelected = (delta: number) => {
    if (!issue || !selection) return;
    if (selection.kind === 'section') {
      const index = issue.sections.findIndex((s) => s.id === selection.id);
      if (index >= 0) doc.edit((i) => moveSection(i, selection.id, index + delta));
      return;
    }
    const place = findArticle(issue, selection.id);
    if (!place) return;
    const target = place.index + delta;
    const sectionIndex = issue.sections.indexOf(place.section);
    // Past the top or bottom of its section, an article moves on into the neighbouring section.
    if (target < 0 && sectionIndex > 0) {
      const prev = issue.sections[sectionIndex - 1];
      doc.edit((i) => moveArticle(i, selection.id, prev.id, prev.articles.length));
    } else if (target >= place.section.articles.length && sectionIndex < issue.sections.length - 1) {
      doc.edit((i) => moveArticle(i, selection.id, issue.sections[sectionIndex + 1].id, 0));
    } else {
      doc.edit((i) => moveArticle(i, selection.id, place.section.id, target));
    }
  };

  const askDelete = () => {
    if (!issue || !selection) return;
    if (selection.kind === 'section') {
      const section = issue.sections.find((s) => s.id === selection.id);
      if (section) {
        const message = t('issue.confirmDeleteSection', { title: section.title, n: section.articles.length });
        setConfirm({ kind: 'section', id: section.id, message });
      }
    } else {
      const place = findArticle(issue, selection.id);
      if (place) setConfirm({ kind: 'article', id: selection.id, message: t('issue.confirmDeleteArticle', { title: place.article.headline }) });
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 's') {
        e.preventDefault();
        flushEditors();
        void doc.saveNow();
      } else if (mod && !isTextField(e.target) && ((key === 'z' && e.shiftKey) || key === 'y')) {
        e.preventDefault();
        doc.redo();
      } else if (mod && !isTextField(e.target) && key === 'z') {
        e.preventDefault();
        doc.undo();
      } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        moveSelected(e.key === 'ArrowUp' ? -1 : 1);
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && !isTextField(e.target) && selection) {
        e.preventDefault();
        askDelete();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (doc.loadError) {
    return (
      <div className="library">
        <header className="topbar">
          <button type="button" className="btn btn-quiet" onClick={() => navigate({ view: 'library' })}>
            ← {t('issue.back')}
          </button>
        </header>
        <ErrorBanner error={doc.loadError} onDismiss={() => navigate({ view: 'library' })} />
      </div>
    );
  }
  if (!issue) return <div className="loading muted">{t('library.loading')}</div>;

  const selectedArticle = selection?.kind === 'article' ? findArticle(issue, selection.id)?.article : undefined;
  const selectedSection = selection?.kind === 'section' ? issue.sections.find((s) => s.id === selection.id) : undefined;
  const articleCount = issue.sections.reduce((n, s) => n + s.articles.length, 0);

  const newSection = () => {
    const { section } = addSection(issue, '');
    const title = t('issue.newSectionTitle');
    doc.edit((i) => ({ ...i, sections: [...i.sections, { ...section, title }] }));
    setSelection({ kind: 'section', id: section.id });
  };
  const newArticle = (sectionId: string) => {
    const { article } = addArticle(issue, sectionId, '');
    const headline = t('issue.newArticleHeadline');
    doc.edit((i) => addArticleWith(i, sectionId, { ...article, headline }));
    setSelection({ kind: 'article', id: article.id });
  };

  return (
    <div className="issue-view">
      <header className="topbar">
        <div className="topbar-left">
          <button type="button" className="btn btn-quiet" onClick={() => navigate({ view: 'library' })}>
            ← {t('issue.back')}
          </button>
          <div className="issue-title">
            <span className="issue-title-name">{issue.title || issue.publication.name}</span>
            <span className="issue-title-line">
              {formatIssueLine(issue.number)} · {issue.date}
            </span>
          </div>
        </div>
        <div className="topbar-actions">
          <SaveStatus state={doc.saveState} checkpointed={doc.checkpointed} onReload={doc.reload} />
          <ExportButtons slug={slug} beforeExport={doc.flush} />
          <LanguageSwitch value={settings.language} onChange={(language) => onSettings({ language })} />
        </div>
      </header>
      {/* Closing the message only hides it: the edits stay in the editor (Reload in the status is explicit). */}
      <ErrorBanner
        error={(doc.saveState === 'failed' || doc.saveState === 'conflict') && doc.saveError !== dismissedError ? doc.saveError : null}
        onDismiss={() => setDismissedError(doc.saveError)}
      />
      <FindBar issue={issue} edit={doc.edit} onReveal={(articleId) => setSelection({ kind: 'article', id: articleId })} />
      <div className="issue-body">
        <aside className="sidebar">
          <SectionTree
            issue={issue}
            selection={selection}
            onSelect={setSelection}
            onAddSection={newSection}
            onAddArticle={newArticle}
            onDropDocx={(title, paths) => void docx.importFiles(title, paths)}
            onMoveArticle={(articleId, toSectionId, toIndex) => doc.edit((i) => moveArticle(i, articleId, toSectionId, toIndex))}
            onMoveSection={(sectionId, toIndex) => doc.edit((i) => moveSection(i, sectionId, toIndex))}
          />
          <footer className="sidebar-foot">
            {t('issue.summary', { sections: issue.sections.length, articles: articleCount, chars: i18n.number(issueChars(issue)) })}
          </footer>
        </aside>
        <main className="workarea">
          {selectedArticle ? (
            <ArticlePane
              slug={slug}
              issue={issue}
              article={selectedArticle}
              onChange={(patch, field) => doc.edit((i) => updateArticle(i, selectedArticle.id, patch), `${selectedArticle.id}:${field}`)}
              onMove={(toSection, toIndex) => doc.edit((i) => moveArticle(i, selectedArticle.id, toSection, toIndex))}
              onDelete={askDelete}
            />
          ) : selectedSection ? (
            <SectionPane
              issue={issue}
              section={selectedSection}
              onRename={(title) => doc.edit((i) => renameSection(i, selectedSection.id, title), `${selectedSection.id}:title`)}
              onMove={(toIndex) => doc.edit((i) => moveSection(i, selectedSection.id, toIndex))}
              onAddArticle={() => newArticle(selectedSection.id)}
              onImportDocx={() => void docx.importFiles(selectedSection.title)}
              onDelete={askDelete}
            />
          ) : (
            <div className="pane pane-empty muted">{t('issue.selectArticle')}</div>
          )}
        </main>
        <Inspector
          issue={issue}
          onChange={(change, field) => doc.edit(change, field)}
          preview={<PagePreview slug={slug} issue={issue} />}
          proof={<ProofPanel issue={issue} edit={doc.edit} onReveal={(articleId) => setSelection({ kind: 'article', id: articleId })} />}
        />
      </div>
      {docx.result && <DocxImportResultDialog result={docx.result} onClose={docx.dismiss} />}
      <ErrorBanner error={docx.error} onDismiss={docx.dismiss} />
      {confirm && (
        <Dialog
          title={confirm.kind === 'section' ? t('issue.deleteSection') : t('issue.deleteArticle')}
          submitLabel={t('common.delete')}
          danger
          onClose={() => setConfirm(null)}
          onSubmit={() => {
            const { kind, id } = confirm;
            doc.edit((i) => (kind === 'section' ? deleteSection(i, id) : deleteArticle(i, id)));
            setConfirm(null);
            setSelection(null);
          }}
        >
          <p>{confirm.message}</p>
        </Dialog>
      )}
    </div>
  );
}

function addArticleWith(issue: Parameters<typeof addArticle>[0], sectionId: string, article: ReturnType<typeof addArticle>['article']) {
  return {
    ...issue,
    sections: issue.sections.map((s) => (s.id === sectionId ? { ...s, articles: [...s.articles, article] } : s)),
  };
}
