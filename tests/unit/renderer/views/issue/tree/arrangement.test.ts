import { describe, expect, it } from 'vitest';
import { createArticle, createSection } from '../../../../../../shared/model/factory.js';
import type { Issue } from '../../../../../../shared/model/issue.js';
import { findArticle, moveArticle, moveSection } from '../../../../../../shared/model/ops.js';
import {
  arrangementOf,
  crossingPlace,
  fromDndId,
  keyboardStep,
  landingPlace,
  moveWithin,
  sectionOf,
  toDndId,
  type Arrangement,
  type Place,
  type TreeItem,
} from '../../../../../../renderer/views/issue/tree/arrangement.js';
import { sampleIssue } from '../../../../../helpers/issues.js';

/** Deep-freezes a value so any mutation by the code under test throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** An issue whose sections and articles carry the given ids, in print order. */
function issueOf(sections: Record<string, string[]>): Issue {
  return deepFreeze({
    ...sampleIssue(),
    sections: Object.entries(sections).map(([id, articles]) => ({
      ...createSection(id),
      id,
      articles: articles.map((a) => ({ ...createArticle(a), id: a })),
    })),
  });
}

/** 要闻 s1 [a b c], 基层 s2 [d e], an empty s3, 图片 s4 [f]. */
const ISSUE = issueOf({ s1: ['a', 'b', 'c'], s2: ['d', 'e'], s3: [], s4: ['f'] });
const ORDER = ISSUE.sections.map((s) => s.id);

const art = (id: string): TreeItem => ({ kind: 'article', id });
const sec = (id: string): TreeItem => ({ kind: 'section', id });
/** Short notation for a row: `s2` is a section head, anything else an article. */
const row = (id: string): TreeItem => (/^s\d$/.test(id) ? sec(id) : art(id));

/**
 * A pointer drag as useTreeDrag runs it: each `over` may carry the article into another
 * section (crossingPlace + moveWithin, as onDragOver does); the drop commits landingPlace
 * only when it differs from where the article was (as onDragEnd does).
 */
function pointerDrag(issue: Issue, articleId: string, overs: string[]) {
  let current = arrangementOf(issue);
  for (const over of overs) {
    const place = crossingPlace(ORDER, current, articleId, row(over));
    if (place) current = moveWithin(current, articleId, place);
  }
  const last = overs.length > 0 ? row(overs[overs.length - 1]) : null;
  const place = landingPlace(current, articleId, last);
  const before = findArticle(issue, articleId);
  const moved = place !== null && before !== null && (place.sectionId !== before.section.id || place.index !== before.index);
  const after = moved ? moveArticle(issue, articleId, place.sectionId, place.index) : issue;
  return { preview: current, place, moved, after: arrangementOf(after) };
}

describe('ids in and out of dnd-kit', () => {
  it.each<[TreeItem, string]>([
    [sec('s1'), 'section:s1'],
    [art('a'), 'article:a'],
    [art('Xy9_-'), 'article:Xy9_-'],
    [art('a:b'), 'article:a:b'],
  ])('%o is %s and back', (item, id) => {
    expect(toDndId(item)).toBe(id);
    expect(fromDndId(id)).toEqual(item);
  });

  it('keeps sections and articles with the same id apart', () => {
    expect(toDndId(sec('x'))).not.toBe(toDndId(art('x')));
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a number', 7],
    ['an unknown kind', 'figure:a'],
    ['the sortable context id', 'articles:s1'],
    ['a bare kind without colon', 'section'],
    ['an empty string', ''],
  ])('reads %s as no row', (_what, id) => {
    expect(fromDndId(id as string | number | null | undefined)).toBeNull();
  });

  it('reads an empty id after the kind as it is', () => {
    expect(fromDndId('section:')).toEqual({ kind: 'section', id: '' });
  });
});

describe('arrangementOf and sectionOf', () => {
  it('lists article ids by section, empty sections included, in print order', () => {
    const arrangement = arrangementOf(ISSUE);
    expect(arrangement).toEqual({ s1: ['a', 'b', 'c'], s2: ['d', 'e'], s3: [], s4: ['f'] });
    expect(Object.keys(arrangement)).toEqual(ORDER);
  });

  it.each<[string, string | null]>([
    ['a', 's1'],
    ['c', 's1'],
    ['e', 's2'],
    ['f', 's4'],
    ['zz', null],
    ['s1', null],
  ])('finds %s in %s', (articleId, sectionId) => {
    expect(sectionOf(arrangementOf(ISSUE), articleId)).toBe(sectionId);
  });
});

describe('moveWithin', () => {
  const start = deepFreeze(arrangementOf(ISSUE));

  it.each<[string, string, Place, Arrangement]>([
    ['to the end of its own section', 'a', { sectionId: 's1', index: 2 }, { s1: ['b', 'c', 'a'], s2: ['d', 'e'], s3: [], s4: ['f'] }],
    ['to the top of its own section', 'c', { sectionId: 's1', index: 0 }, { s1: ['c', 'a', 'b'], s2: ['d', 'e'], s3: [], s4: ['f'] }],
    ['between two articles of another section', 'a', { sectionId: 's2', index: 1 }, { s1: ['b', 'c'], s2: ['d', 'a', 'e'], s3: [], s4: ['f'] }],
    ['into an empty section', 'e', { sectionId: 's3', index: 0 }, { s1: ['a', 'b', 'c'], s2: ['d'], s3: ['e'], s4: ['f'] }],
    ['past the end: clamped to last', 'a', { sectionId: 's4', index: 99 }, { s1: ['b', 'c'], s2: ['d', 'e'], s3: [], s4: ['f', 'a'] }],
    ['before the start: clamped to first', 'f', { sectionId: 's2', index: -3 }, { s1: ['a', 'b', 'c'], s2: ['f', 'd', 'e'], s3: [], s4: [] }],
  ])('moves an article %s', (_what, articleId, place, expected) => {
    expect(moveWithin(start, articleId, place)).toEqual(expected);
  });

  it('leaves the arrangement as it was when the target section does not exist', () => {
    expect(moveWithin(start, 'a', { sectionId: 'gone', index: 0 })).toBe(start);
  });

  it('keeps every article exactly once', () => {
    const next = moveWithin(start, 'd', { sectionId: 's4', index: 1 });
    expect(Object.values(next).flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('crossingPlace', () => {
  const start = arrangementOf(ISSUE);

  it.each<[string, string, TreeItem, Place | null]>([
    ['down onto an article: before it', 'a', art('e'), { sectionId: 's2', index: 1 }],
    ['down onto the first article: first', 'a', art('d'), { sectionId: 's2', index: 0 }],
    ['down onto a section head: first', 'a', sec('s2'), { sectionId: 's2', index: 0 }],
    ['down onto an empty section: its only article', 'a', sec('s3'), { sectionId: 's3', index: 0 }],
    ['down over two sections at once', 'b', art('f'), { sectionId: 's4', index: 0 }],
    ['up onto an article: after it', 'f', art('d'), { sectionId: 's2', index: 1 }],
    ['up onto the last article: last', 'f', art('c'), { sectionId: 's1', index: 3 }],
    ['up onto a section head: last', 'f', sec('s2'), { sectionId: 's2', index: 2 }],
    ['up onto an empty section', 'f', sec('s3'), { sectionId: 's3', index: 0 }],
    ['within its own section: no crossing', 'a', art('c'), null],
    ['over its own section head: no crossing', 'a', sec('s1'), null],
    ['over itself: no crossing', 'a', art('a'), null],
    ['over an unknown article', 'a', art('zz'), null],
    ['over an unknown section', 'a', sec('zz'), null],
    ['for an article not in the tree', 'zz', art('d'), null],
  ])('%s', (_what, articleId, over, expected) => {
    expect(crossingPlace(ORDER, start, articleId, over)).toEqual(expected);
  });
});

describe('landingPlace', () => {
  const start = arrangementOf(ISSUE);

  it.each<[string, string, TreeItem | null, Place | null]>([
    ['over a later article of its section: takes its place', 'a', art('c'), { sectionId: 's1', index: 2 }],
    ['over an earlier article of its section: takes its place', 'c', art('a'), { sectionId: 's1', index: 0 }],
    ['over itself: stays', 'b', art('b'), { sectionId: 's1', index: 1 }],
    ['over its section head: stays', 'b', sec('s1'), { sectionId: 's1', index: 1 }],
    ['over another section head: stays (onDragOver has not moved it yet)', 'b', sec('s2'), { sectionId: 's1', index: 1 }],
    ['over an article of another section: stays', 'b', art('d'), { sectionId: 's1', index: 1 }],
    ['over nothing: stays', 'e', null, { sectionId: 's2', index: 1 }],
    ['for an article not in the tree', 'zz', art('a'), null],
  ])('%s', (_what, articleId, over, expected) => {
    expect(landingPlace(start, articleId, over)).toEqual(expected);
  });
});

describe('a pointer drag, during and after', () => {
  it.each<[string, string, string[], Arrangement, Arrangement]>([
    // what, dragged, rows passed over (the last is where it is dropped), preview during, issue after
    ['down within its section', 'a', ['b', 'c'],
      { s1: ['a', 'b', 'c'], s2: ['d', 'e'], s3: [], s4: ['f'] }, { s1: ['b', 'c', 'a'], s2: ['d', 'e'], s3: [], s4: ['f'] }],
    ['up within its section, to the top', 'c', ['b', 'a'],
      { s1: ['a', 'b', 'c'], s2: ['d', 'e'], s3: [], s4: ['f'] }, { s1: ['c', 'a', 'b'], s2: ['d', 'e'], s3: [], s4: ['f'] }],
    ['down into the next section, dropped where it was put', 'a', ['d', 'a'],
      { s1: ['b', 'c'], s2: ['a', 'd', 'e'], s3: [], s4: ['f'] }, { s1: ['b', 'c'], s2: ['a', 'd', 'e'], s3: [], s4: ['f'] }],
    ['down into the next section, dropped over the row below it', 'a', ['d'],
      { s1: ['b', 'c'], s2: ['a', 'd', 'e'], s3: [], s4: ['f'] }, { s1: ['b', 'c'], s2: ['d', 'a', 'e'], s3: [], s4: ['f'] }],
    ['down to the very end of the next section', 'a', ['s2', 'e'],
      { s1: ['b', 'c'], s2: ['a', 'd', 'e'], s3: [], s4: ['f'] }, { s1: ['b', 'c'], s2: ['d', 'e', 'a'], s3: [], s4: ['f'] }],
    ['up into the previous section, dropped where it was put', 'e', ['b', 'e'],
      { s1: ['a', 'b', 'e', 'c'], s2: ['d'], s3: [], s4: ['f'] }, { s1: ['a', 'b', 'e', 'c'], s2: ['d'], s3: [], s4: ['f'] }],
    ['up into the previous section, dropped over the row above it', 'e', ['b'],
      { s1: ['a', 'b', 'e', 'c'], s2: ['d'], s3: [], s4: ['f'] }, { s1: ['a', 'e', 'b', 'c'], s2: ['d'], s3: [], s4: ['f'] }],
    ['up to the very top of the first section', 'd', ['s1', 'a'],
      { s1: ['a', 'b', 'c', 'd'], s2: ['e'], s3: [], s4: ['f'] }, { s1: ['d', 'a', 'b', 'c'], s2: ['e'], s3: [], s4: ['f'] }],
    ['onto an empty section head', 'b', ['s3'],
      { s1: ['a', 'c'], s2: ['d', 'e'], s3: ['b'], s4: ['f'] }, { s1: ['a', 'c'], s2: ['d', 'e'], s3: ['b'], s4: ['f'] }],
    ['up onto an empty section head, emptying its own', 'f', ['s3'],
      { s1: ['a', 'b', 'c'], s2: ['d', 'e'], s3: ['f'], s4: [] }, { s1: ['a', 'b', 'c'], s2: ['d', 'e'], s3: ['f'], s4: [] }],
    ['through two sections before the drop', 'a', ['d', 'f'],
      { s1: ['b', 'c'], s2: ['d', 'e'], s3: [], s4: ['a', 'f'] }, { s1: ['b', 'c'], s2: ['d', 'e'], s3: [], s4: ['f', 'a'] }],
  ])('%s', (_what, articleId, overs, preview, after) => {
    const drag = pointerDrag(ISSUE, articleId, overs);
    expect(drag.preview).toEqual(preview);
    expect(drag.moved).toBe(true);
    expect(drag.after).toEqual(after);
  });

  it.each<[string, string, string[]]>([
    ['dropped on itself', 'b', ['b']],
    ['dropped on its own section head', 'b', ['s1']],
    ['taken to another section and brought back over the row that followed it', 'a', ['d', 'b']],
    ['dropped on nothing', 'e', []],
  ])('commits nothing when %s', (_what, articleId, overs) => {
    const drag = pointerDrag(ISSUE, articleId, overs);
    expect(drag.moved).toBe(false);
    expect(drag.after).toEqual(arrangementOf(ISSUE));
  });

  it('shows the article back in its section, in its old place, when brought back', () => {
    // Over d it went to s2; back over b (coming up) it sits after b, then over a it takes a's place.
    expect(pointerDrag(ISSUE, 'a', ['d', 'b']).preview.s1).toEqual(['b', 'a', 'c']);
    expect(pointerDrag(ISSUE, 'a', ['d', 'b']).place).toEqual({ sectionId: 's1', index: 0 });
  });

  it('leaves the issue it was given untouched', () => {
    const snapshot = JSON.stringify(ISSUE);
    pointerDrag(ISSUE, 'a', ['d', 'f']);
    expect(JSON.stringify(ISSUE)).toBe(snapshot);
  });
});

describe('keyboardStep', () => {
  const start = arrangementOf(ISSUE);

  it.each<[string, TreeItem, TreeItem | null, -1 | 1, TreeItem | null]>([
    ['an article steps down to its neighbour', art('a'), art('a'), 1, art('b')],
    ['an article steps on from the row it is over', art('a'), art('b'), 1, art('c')],
    ['an article steps back up to itself', art('a'), art('b'), -1, art('a')],
    ['with nothing over, it starts from itself', art('b'), null, 1, art('c')],
    ['over a row of another section (stale), it starts from itself', art('b'), art('d'), -1, art('a')],
    ['at the bottom of its section it steps onto the next section head', art('a'), art('c'), 1, sec('s2')],
    ['at the top of its section it steps onto the previous section head', art('d'), art('d'), -1, sec('s1')],
    ['from the last section upward, onto an empty section head', art('f'), art('f'), -1, sec('s3')],
    ['at the very top, nowhere', art('a'), art('a'), -1, null],
    ['at the very bottom, nowhere', art('f'), art('f'), 1, null],
    ['an article not in the tree, nowhere', art('zz'), null, 1, null],
    ['a section steps down', sec('s1'), sec('s1'), 1, sec('s2')],
    ['a section steps on from the section it is over', sec('s1'), sec('s3'), 1, sec('s4')],
    ['a section steps back', sec('s1'), sec('s3'), -1, sec('s2')],
    ['a section over an article starts from itself', sec('s2'), art('a'), -1, sec('s1')],
    ['a section over an unknown section starts from itself', sec('s2'), sec('zz'), 1, sec('s3')],
    ['the first section upward, nowhere', sec('s1'), null, -1, null],
    ['the last section downward, nowhere', sec('s4'), sec('s4'), 1, null],
    ['an unknown section, nowhere', sec('zz'), null, 1, null],
  ])('%s', (_what, active, over, step, expected) => {
    expect(keyboardStep(ORDER, start, active, over, step)).toEqual(expected);
  });

  it('needs an arrangement for an article but not for a section', () => {
    expect(keyboardStep(ORDER, null, art('a'), null, 1)).toBeNull();
    expect(keyboardStep(ORDER, null, sec('s1'), null, 1)).toEqual(sec('s2'));
  });

  it('steps out of an empty section it has just entered, both ways', () => {
    const inEmpty = moveWithin(start, 'a', { sectionId: 's3', index: 0 });
    expect(keyboardStep(ORDER, inEmpty, art('a'), sec('s3'), 1)).toEqual(sec('s4'));
    expect(keyboardStep(ORDER, inEmpty, art('a'), sec('s3'), -1)).toEqual(sec('s2'));
  });

  /**
   * Presses ↑ or ↓ `presses` times as useTreeDrag does (step, cross, land) and lists
   * where the article would land after each press; `end` once there is nowhere to go.
   */
  function keyboardWalk(articleId: string, step: -1 | 1, presses: number): string[] {
    let current = arrangementOf(ISSUE);
    let over: TreeItem = art(articleId);
    const stops: string[] = [];
    for (let i = 0; i < presses; i++) {
      const next = keyboardStep(ORDER, current, art(articleId), over, step);
      if (!next) {
        stops.push('end');
        continue;
      }
      over = next;
      const place = crossingPlace(ORDER, current, articleId, over);
      if (place) current = moveWithin(current, articleId, place);
      const landing = landingPlace(current, articleId, over);
      stops.push(landing ? `${landing.sectionId}:${landing.index}` : 'none');
    }
    return stops;
  }

  it.each<[string, string, -1 | 1, string[]]>([
    ['a down through every slot in print order', 'a', 1, ['s1:1', 's1:2', 's2:0', 's2:1', 's2:2', 's3:0', 's4:0', 's4:1', 'end']],
    ['f up through every slot in print order', 'f', -1, ['s3:0', 's2:2', 's2:1', 's2:0', 's1:3', 's1:2', 's1:1', 's1:0', 'end']],
    ['d up, across the top of its section', 'd', -1, ['s1:3', 's1:2', 's1:1', 's1:0', 'end']],
    ['e down, through the empty section', 'e', 1, ['s3:0', 's4:0', 's4:1', 'end']],
  ])('walks %s', (_what, articleId, step, expected) => {
    expect(keyboardWalk(articleId, step, expected.length)).toEqual(expected);
  });
});

describe('a section drop', () => {
  /** As onDragEnd does: the section goes to the index of the section it is dropped on. */
  function dropSection(sectionId: string, overId: string): string[] | null {
    const from = ORDER.indexOf(sectionId);
    const to = ORDER.indexOf(overId);
    if (from < 0 || to < 0 || from === to) return null;
    return moveSection(ISSUE, sectionId, to).sections.map((s) => s.id);
  }

  it.each<[string, string, string, string[] | null]>([
    ['down one', 's1', 's2', ['s2', 's1', 's3', 's4']],
    ['down to the end', 's1', 's4', ['s2', 's3', 's4', 's1']],
    ['up to the top', 's4', 's1', ['s4', 's1', 's2', 's3']],
    ['up one', 's3', 's2', ['s1', 's3', 's2', 's4']],
    ['onto itself: nothing', 's2', 's2', null],
    ['onto an unknown section: nothing', 's2', 'zz', null],
  ])('%s', (_what, sectionId, overId, expected) => {
    expect(dropSection(sectionId, overId)).toEqual(expected);
  });

  it('lands where the keyboard leaves it: two presses down puts s1 third', () => {
    const first = keyboardStep(ORDER, null, sec('s1'), sec('s1'), 1);
    const second = keyboardStep(ORDER, null, sec('s1'), first, 1);
    expect(second).toEqual(sec('s3'));
    expect(dropSection('s1', second?.id ?? '')).toEqual(['s2', 's3', 's1', 's4']);
  });
});
