import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import { findArticle } from '../../../../shared/model/ops.js';
import type { Issue } from '../../../../shared/model/issue.js';
import type { I18n } from '../../../i18n/I18n.js';
import { fromDndId, type Place } from './arrangement.js';

type Landing = (active: UniqueIdentifier, over: UniqueIdentifier | null | undefined) => (Place & { total: number }) | null;

// These sentences are put together from existing words until the catalogues have their
// own (issue.drag.*); the separators follow the language.
function colon(i18n: I18n): string {
  return i18n.lang === 'en' ? ': ' : '：';
}

/** What screen readers say about a row that can be dragged. */
export function treeInstructions(i18n: I18n): ScreenReaderInstructions {
  const { t } = i18n;
  return {
    draggable: `${t('editor.dragBlock')}${colon(i18n)}Space · ↑ ${t('issue.moveUp')} · ↓ ${t('issue.moveDown')} · Space · Esc ${t('common.cancel')}`,
  };
}

/** What screen readers hear while a row of the tree is dragged, in the UI language. */
export function treeAnnouncements(i18n: I18n, issue: Issue, landing: Landing, isQuietOver: () => boolean): Announcements {
  const { t } = i18n;
  const label = (id: UniqueIdentifier): string => {
    const item = fromDndId(id);
    if (item?.kind === 'section') return issue.sections.find((s) => s.id === item.id)?.title || '—';
    const found = item && findArticle(issue, item.id);
    return found?.article.headline || t('issue.newArticleHeadline');
  };
  const where = (active: UniqueIdentifier, over: UniqueIdentifier | null | undefined): string => {
    const place = landing(active, over);
    if (!place) return '';
    const position = `${place.index + 1} / ${place.total}`;
    if (fromDndId(active)?.kind === 'section') return position;
    const section = issue.sections.find((s) => s.id === place.sectionId)?.title || '—';
    return `${t('issue.moveToSection')} “${section}” ${position}`;
  };
  return {
    onDragStart: ({ active }) => `${t('editor.dragBlock')}${colon(i18n)}${label(active.id)}`,
    onDragOver: ({ active, over }) => (over && !isQuietOver() ? `${label(active.id)} → ${where(active.id, over.id)}` : undefined),
    onDragEnd: ({ active, over }) => (over ? `${label(active.id)} → ${where(active.id, over.id)}` : undefined),
    onDragCancel: ({ active }) => `${t('common.cancel')}${colon(i18n)}${label(active.id)}`,
  };
}
