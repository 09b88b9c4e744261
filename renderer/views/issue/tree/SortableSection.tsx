import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import type { Article, Section } from '../../../../shared/model/issue.js';
import { droppedPaths } from '../../../api.js';
import { useI18n } from '../../../i18n/I18n.js';
import type { Selection } from '../SectionTree.js';
import { toDndId } from './arrangement.js';
import { SortableArticle } from './SortableArticle.js';
import { Grip, SectionLabel } from './TreeRows.js';

interface SortableSectionProps {
  section: Section;
  /** Its articles as shown now (while an article is dragged, the preview's order). */
  articles: readonly Article[];
  selection: Selection;
  onSelect(selection: Selection): void;
  onAddArticle(): void;
  /** Word files dropped on the section from the desktop (their paths). */
  onDropDocx(paths: string[]): void;
}

/**
 * A section (栏目) of the tree with its articles. The head drags the whole section; the
 * articles are a sortable list of their own that also takes articles from other sections.
 * Files dragged in from the desktop arrive as native drag events, which dnd-kit (pointer
 * and keyboard only) never sees, so the two kinds of dragging stay apart.
 */
export function SortableSection({ section, articles, selection, onSelect, onAddArticle, onDropDocx }: SortableSectionProps) {
  const { t } = useI18n();
  const [fileOver, setFileOver] = useState(false);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: toDndId({ kind: 'section', id: section.id }),
  });
  const selected = selection?.kind === 'section' && selection.id === section.id;
  const classes = ['tree-section', fileOver && 'drop-target', isDragging && 'is-dragging'].filter(Boolean).join(' ');
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={classes}
      data-section-id={section.id}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setFileOver(true);
      }}
      onDragLeave={() => setFileOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setFileOver(false);
        void droppedPaths(e.dataTransfer.files, /\.docx$/i).then((paths) => {
          if (paths.length) onDropDocx(paths);
        });
      }}
    >
      <div className={selected ? 'tree-section-head selected' : 'tree-section-head'} {...listeners}>
        <Grip />
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="tree-section-title"
          aria-current={selected}
          aria-describedby={attributes['aria-describedby']}
          onClick={() => onSelect({ kind: 'section', id: section.id })}
        >
          <SectionLabel section={section} count={articles.length} />
        </button>
        <button
          type="button"
          className="btn btn-icon"
          title={t('issue.addArticle')}
          aria-label={`${t('issue.addArticle')}：${section.title}`}
          onClick={onAddArticle}
        >
          ＋
        </button>
      </div>
      <SortableContext id={`articles:${section.id}`} items={articles.map((a) => toDndId({ kind: 'article', id: a.id }))} strategy={verticalListSortingStrategy}>
        <ol className="tree-articles">
          {articles.length === 0 && <li className="tree-empty">{t('issue.noArticles')}</li>}
          {articles.map((article) => (
            <SortableArticle
              key={article.id}
              article={article}
              selected={selection?.kind === 'article' && selection.id === article.id}
              onSelect={() => onSelect({ kind: 'article', id: article.id })}
            />
          ))}
        </ol>
      </SortableContext>
    </li>
  );
}
