import { DndContext, DragOverlay, MeasuringStrategy } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { Article, Issue } from '../../../shared/model/issue.js';
import { useI18n } from '../../i18n/I18n.js';
import { treeAnnouncements, treeInstructions } from './tree/announcements.js';
import { toDndId } from './tree/arrangement.js';
import { SortableSection } from './tree/SortableSection.js';
import { ArticleLabel, SectionLabel } from './tree/TreeRows.js';
import { useTreeDrag, type ActiveDrag } from './tree/useTreeDrag.js';

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
  /** An article dragged to `toIndex` (its place after the move) in section `toSectionId`. */
  onMoveArticle(articleId: string, toSectionId: string, toIndex: number): void;
  /** A section dragged to `toIndex` (its place after the move). */
  onMoveSection(sectionId: string, toIndex: number): void;
}

// Rows move while an article crosses sections, so drop targets are measured all along.
const MEASURING = { droppable: { strategy: MeasuringStrategy.Always } };

/**
 * The sections (栏目) of the issue with their articles, in print order. Rows are dragged
 * with the mouse, or with the keyboard (Space lifts, ↑/↓ move, Space drops, Esc cancels).
 */
export function SectionTree({ issue, selection, onSelect, onAddSection, onAddArticle, onDropDocx, onMoveArticle, onMoveSection }: SectionTreeProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const drag = useTreeDrag(issue, { onMoveArticle, onMoveSection });
  const articlesById = new Map(issue.sections.flatMap((s) => s.articles.map((a) => [a.id, a] as const)));
  const shown = (sectionId: string, articles: Article[]): Article[] =>
    drag.arrangement ? (drag.arrangement[sectionId] ?? []).flatMap((id) => articlesById.get(id) ?? []) : articles;
  const classes = ['tree', drag.active && 'is-dragging', drag.active?.viaKeyboard && 'is-keyboard-drag'].filter(Boolean).join(' ');

  return (
    <nav className={classes} aria-label={t('issue.sections')}>
      <div className="tree-head">
        <h2>{t('issue.sections')}</h2>
        <button type="button" className="btn btn-small" onClick={onAddSection}>
          ＋ {t('issue.addSection')}
        </button>
      </div>
      {issue.sections.length === 0 && <p className="tree-empty">{t('issue.noSections')}</p>}
      <DndContext
        sensors={drag.sensors}
        collisionDetection={drag.collisionDetection}
        measuring={MEASURING}
        accessibility={{
          announcements: treeAnnouncements(i18n, issue, drag.landing, drag.isQuietOver),
          screenReaderInstructions: treeInstructions(i18n),
        }}
        {...drag.handlers}
      >
        <SortableContext items={issue.sections.map((s) => toDndId({ kind: 'section', id: s.id }))} strategy={verticalListSortingStrategy}>
          <ol className="tree-sections">
            {issue.sections.map((section) => (
              <SortableSection
                key={section.id}
                section={section}
                articles={shown(section.id, section.articles)}
                selection={selection}
                onSelect={onSelect}
                onAddArticle={() => onAddArticle(section.id)}
                onDropDocx={(paths) => onDropDocx(section.title, paths)}
              />
            ))}
          </ol>
        </SortableContext>
        {/* The keyboard moves the row itself; the overlay only follows a mouse. */}
        <DragOverlay
          className={drag.active?.viaKeyboard ? 'tree-overlay is-keyboard' : 'tree-overlay'}
          style={{ height: 'auto' }}
          dropAnimation={drag.active?.viaKeyboard ? null : undefined}
        >
          <OverlayRow active={drag.active} issue={issue} articlesById={articlesById} shown={shown} />
        </DragOverlay>
      </DndContext>
    </nav>
  );
}

/** The row under the mouse while it drags: a copy of the section head or article row. */
function OverlayRow({
  active,
  issue,
  articlesById,
  shown,
}: {
  active: ActiveDrag | null;
  issue: Issue;
  articlesById: Map<string, Article>;
  shown(sectionId: string, articles: Article[]): Article[];
}) {
  if (active?.item.kind === 'section') {
    const section = issue.sections.find((s) => s.id === active.item.id);
    if (!section) return null;
    return (
      <div className="tree-section-head tree-overlay-row">
        <span className="tree-section-title">
          <SectionLabel section={section} count={shown(section.id, section.articles).length} />
        </span>
      </div>
    );
  }
  const article = active && articlesById.get(active.item.id);
  if (!article) return null;
  return (
    <div className="tree-article tree-overlay-row">
      <ArticleLabel article={article} />
    </div>
  );
}
