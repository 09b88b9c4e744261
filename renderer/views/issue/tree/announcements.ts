import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import { findArticle } from '../../../../shared/model/ops.js';
import type { Issue } from '../../../../shared/model/issue.js';
import type { I18n } from '../../../i18n/I18n.js';
import { fromDndId, type Place } from './arrangement.js';

type Landing = (active: UniqueIdentifier, over: UniqueIdentifier | null | undefined) => (Place & { total: number }) | null;

/** What screen readers say about a row that can be dragged. */
export function treeInstructions(i18n: I18n): ScreenReaderInstructions {
  return { draggable: i18n.t('issue.drag.instructions') };
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
  const where = (active: UniqueIdentifier, over: UniqueIdentifier | null | undefined, dropped: boolean): string | undefined => {
    const place = landing(active, over);
    if (!place) return undefined;
    const params = { title: label(active), position: place.index + 1, total: place.total };
    if (fromDndId(active)?.kind === 'section') return t(dropped ? 'issue.drag.droppedSection' : 'issue.drag.overSection', params);
    const section = issue.sections.find((s) => s.id === place.sectionId)?.title || '—';
    return t(dropped ? 'issue.drag.droppedArticle' : 'issue.drag.overArticle', { ...params, section });
  };
  return {
    onDragStart: ({ active }) => t('issue.drag.pickedUp', { title: label(active.id) }),
    onDragOver: ({ active, over }) => (over && !isQuietOver() ? where(active.id, over.id, false) : undefined),
    onDragEnd: ({ active, over }) => (over ? where(active.id, over.id, true) : undefined),
    onDragCancel: ({ active }) => t('issue.drag.cancelled', { title: label(active.id) }),
  };
}
