import type { UniqueIdentifier } from '@dnd-kit/core';
import type { Issue } from '../../../../shared/model/issue.js';

/** A row of the tree: a section (栏目) or an article. */
export interface TreeItem {
  kind: 'section' | 'article';
  id: string;
}

/** The drag-and-drop id of a row; sections and articles share one id space there, so the kind is part of it. */
export function toDndId(item: TreeItem): string {
  return `${item.kind}:${item.id}`;
}

export function fromDndId(id: UniqueIdentifier | null | undefined): TreeItem | null {
  if (typeof id !== 'string') return null;
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  return kind === 'section' || kind === 'article' ? { kind, id: id.slice(colon + 1) } : null;
}

/** Article ids by section id: the order the tree shows while an article is being dragged. */
export type Arrangement = Readonly<Record<string, readonly string[]>>;

/** Where a dragged article would be put: its section and its index there after the move. */
export interface Place {
  sectionId: string;
  index: number;
}

export function arrangementOf(issue: Issue): Arrangement {
  return Object.fromEntries(issue.sections.map((s) => [s.id, s.articles.map((a) => a.id)]));
}

export function sectionOf(arrangement: Arrangement, articleId: string): string | null {
  for (const [sectionId, ids] of Object.entries(arrangement)) if (ids.includes(articleId)) return sectionId;
  return null;
}

/** The arrangement with `articleId` taken out of its section and put into `place`. */
export function moveWithin(arrangement: Arrangement, articleId: string, place: Place): Arrangement {
  const next: Record<string, string[]> = {};
  for (const [sectionId, ids] of Object.entries(arrangement)) next[sectionId] = ids.filter((id) => id !== articleId);
  const target = next[place.sectionId];
  if (!target) return arrangement;
  target.splice(Math.max(0, Math.min(place.index, target.length)), 0, articleId);
  return next;
}

/**
 * Where the dragged article goes when it first comes over another section: coming down
 * from an earlier section it goes before the row it is over (or first, over the section
 * itself); coming up from a later one, after it (or last). Null while it stays in its section.
 */
export function crossingPlace(sectionOrder: readonly string[], arrangement: Arrangement, articleId: string, over: TreeItem): Place | null {
  const from = sectionOf(arrangement, articleId);
  const to = over.kind === 'section' ? over.id : sectionOf(arrangement, over.id);
  if (from === null || to === null || from === to || !arrangement[to]) return null;
  const downward = sectionOrder.indexOf(to) > sectionOrder.indexOf(from);
  if (over.kind === 'section') return { sectionId: to, index: downward ? 0 : arrangement[to].length };
  const overIndex = arrangement[to].indexOf(over.id);
  return { sectionId: to, index: downward ? overIndex : overIndex + 1 };
}

/**
 * Where the dragged article lands if dropped now. Over another article of the section it
 * is shown in, it takes that article's place (the sortable list has made room there);
 * anywhere else it stays where the arrangement holds it.
 */
export function landingPlace(arrangement: Arrangement, articleId: string, over: TreeItem | null): Place | null {
  const sectionId = sectionOf(arrangement, articleId);
  if (sectionId === null) return null;
  const ids = arrangement[sectionId];
  const overIndex = over?.kind === 'article' ? ids.indexOf(over.id) : -1;
  return { sectionId, index: overIndex >= 0 ? overIndex : ids.indexOf(articleId) };
}

/**
 * The row the keyboard moves the dragged item over with one press of ↑ (`step` -1) or ↓ (+1),
 * in print order. A section steps over its neighbour. An article steps over its
 * neighbours in its section and, at either end, over the next section itself (which
 * then takes it in first, or last coming up from below). Null at the very top or bottom.
 */
export function keyboardStep(
  sectionOrder: readonly string[],
  arrangement: Arrangement | null,
  active: TreeItem,
  over: TreeItem | null,
  step: -1 | 1,
): TreeItem | null {
  if (active.kind === 'section') {
    const at = sectionOrder.indexOf(over?.kind === 'section' && sectionOrder.includes(over.id) ? over.id : active.id);
    const next = sectionOrder[at + step];
    return at >= 0 && next !== undefined ? { kind: 'section', id: next } : null;
  }
  if (!arrangement) return null;
  const sectionId = sectionOf(arrangement, active.id);
  if (sectionId === null) return null;
  const ids = arrangement[sectionId];
  const at = ids.indexOf(over?.kind === 'article' && ids.includes(over.id) ? over.id : active.id);
  const next = ids[at + step];
  if (next !== undefined) return { kind: 'article', id: next };
  const neighbour = sectionOrder[sectionOrder.indexOf(sectionId) + step];
  return neighbour === undefined ? null : { kind: 'section', id: neighbour };
}
