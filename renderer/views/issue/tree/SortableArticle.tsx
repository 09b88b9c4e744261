import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Article } from '../../../../shared/model/issue.js';
import { toDndId } from './arrangement.js';
import { ArticleLabel, Grip } from './TreeRows.js';

interface SortableArticleProps {
  article: Article;
  selected: boolean;
  onSelect(): void;
}

/** An article's row: a click selects it, a drag (or Space, arrows, Space) moves it. */
export function SortableArticle({ article, selected, onSelect }: SortableArticleProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: toDndId({ kind: 'article', id: article.id }),
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={isDragging ? 'tree-article-item is-dragging' : 'tree-article-item'}
      data-article-id={article.id}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        className={selected ? 'tree-article selected' : 'tree-article'}
        aria-current={selected}
        // A button already says what it is; dnd-kit's role and pressed state would only blur that.
        aria-describedby={attributes['aria-describedby']}
        onClick={onSelect}
        {...listeners}
      >
        <Grip />
        <ArticleLabel article={article} />
      </button>
    </li>
  );
}
