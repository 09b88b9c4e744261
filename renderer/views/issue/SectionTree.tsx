import { useState } from 'react';
import type { Issue } from '../../../shared/model/issue.js';
import { droppedPaths } from '../../api.js';
import { articleChars, bodyText } from '../../../shared/model/text.js';
import { useI18n } from '../../i18n/I18n.js';

/** What is selected in the tree. */
export type Selection = { kind: 'section'; id: string } | { kind: 'article'; id: string } | null;

interface SectionTreeProps {
  issue: Issue;
  selection: Selection;
  onSelect(selection: Selection): void;
  onAddSection(): void;
  onAddArticle(sectionId: string): void;
  /** Word files dropped on a section (their paths). */
  onDropDocx(sectionTitle: string, paths: string[]): void;
}

/** The sections (栏目) of the issue with their articles, in print order. */
export function SectionTree({ issue, selection, onSelect, onAddSection, onAddArticle, onDropDocx }: SectionTreeProps) {
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <nav className="tree" aria-label={t('issue.sections')}>
      <div className="tree-head">
        <h2>{t('issue.sections')}</h2>
        <button type="button" className="btn btn-small" onClick={onAddSection}>
          ＋ {t('issue.addSection')}
        </button>
      </div>
      {issue.sections.length === 0 && <p className="tree-empty">{t('issue.noSections')}</p>}
      <ol className="tree-sections">
        {issue.sections.map((section) => {
          const sectionSelected = selection?.kind === 'section' && selection.id === section.id;
          return (
            <li
              key={section.id}
              className={dropTarget === section.id ? 'tree-section drop-target' : 'tree-section'}
              data-section-id={section.id}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes('Files')) return;
                e.preventDefault();
                setDropTarget(section.id);
              }}
              onDragLeave={() => setDropTarget(null)}
              onDrop={(e) => {
                e.preventDefault();
                setDropTarget(null);
                const paths = droppedPaths(e.dataTransfer.files, /\.docx$/i);
                if (paths.length) onDropDocx(section.title, paths);
              }}
            >
              <div className={sectionSelected ? 'tree-section-head selected' : 'tree-section-head'}>
                <button
                  type="button"
                  className="tree-section-title"
                  aria-current={sectionSelected}
                  onClick={() => onSelect({ kind: 'section', id: section.id })}
                >
                  <span className="banner-chip">{section.title || '—'}</span>
                  <span className="tree-count">{t('issue.sectionArticles', { n: section.articles.length })}</span>
                </button>
                <button
                  type="button"
                  className="btn btn-icon"
                  title={t('issue.addArticle')}
                  aria-label={`${t('issue.addArticle')}：${section.title}`}
                  onClick={() => onAddArticle(section.id)}
                >
                  ＋
                </button>
              </div>
              <ol className="tree-articles">
                {section.articles.length === 0 && <li className="tree-empty">{t('issue.noArticles')}</li>}
                {section.articles.map((article) => {
                  const selected = selection?.kind === 'article' && selection.id === article.id;
                  return (
                    <li key={article.id} data-article-id={article.id}>
                      <button
                        type="button"
                        className={selected ? 'tree-article selected' : 'tree-article'}
                        aria-current={selected}
                        onClick={() => onSelect({ kind: 'article', id: article.id })}
                      >
                        <span className={`status-dot status-${article.status}`} title={t(`article.status.${article.status}`)} />
                        <span className="tree-article-headline">
                          {article.headline || bodyText(article.body).slice(0, 24) || t('issue.newArticleHeadline')}
                        </span>
                        {article.kind === 'photo' && <span className="kind-tag">{t('article.kind.photo')}</span>}
                        <span className="tree-count">{i18n.number(articleChars(article))}</span>
                      </button>
                    </li>
                  );
                })}
              </ol>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
