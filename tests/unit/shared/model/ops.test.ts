import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../../shared/model/issue.js';
import { IssueSchema } from '../../../../shared/model/issue.js';
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
} from '../../../../shared/model/ops.js';
import { sampleIssue } from '../../../helpers/issues.js';

/** Deep-freezes a value so any mutation by the code under test throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Section titles in order. */
const titles = (issue: Issue) => issue.sections.map((s) => s.title);
/** Headlines per section, in order. */
const headlines = (issue: Issue) => issue.sections.map((s) => s.articles.map((a) => a.headline));

/** 要闻 [甲, 乙, 丙], 基层 [丁], 图片 [] — frozen, so a mutating op fails loudly. */
function threeSections() {
  let issue = sampleIssue();
  const ids: Record<string, string> = {};
  for (const t of ['要闻', '基层', '图片']) {
    const r = addSection(issue, t);
    issue = r.issue;
    ids[t] = r.section.id;
  }
  for (const [section, headline] of [['要闻', '甲'], ['要闻', '乙'], ['要闻', '丙'], ['基层', '丁']]) {
    const r = addArticle(issue, ids[section], headline);
    issue = r.issue;
    ids[headline] = r.article.id;
  }
  const snapshot = JSON.stringify(issue);
  return { issue: deepFreeze(issue), ids, snapshot };
}

describe('sections', () => {
  it('adds at the end by default and at a given index', () => {
    const { issue, snapshot } = threeSections();
    expect(titles(addSection(issue, '末尾').issue)).toEqual(['要闻', '基层', '图片', '末尾']);
    expect(titles(addSection(issue, '开头', 0).issue)).toEqual(['开头', '要闻', '基层', '图片']);
    expect(titles(addSection(issue, '中间', 1).issue)).toEqual(['要闻', '中间', '基层', '图片']);
    expect(JSON.stringify(issue)).toBe(snapshot);
  });

  it('returns the new, empty section with a fresh id', () => {
    const { issue } = threeSections();
    const { issue: next, section } = addSection(issue, '新栏目');
    expect(section).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9]{12}$/), title: '新栏目', articles: [] });
    expect(next.sections.at(-1)).toBe(section);
    expect(issue.sections.map((s) => s.id)).not.toContain(section.id);
  });

  it.each([
    [-5, ['新', '要闻', '基层', '图片']],
    [99, ['要闻', '基层', '图片', '新']],
    [1.7, ['要闻', '新', '基层', '图片']],
  ])('clamps an out-of-range insert index %d', (index, expected) => {
    const { issue } = threeSections();
    expect(titles(addSection(issue, '新', index).issue)).toEqual(expected);
  });

  it('renames only the named section', () => {
    const { issue, ids, snapshot } = threeSections();
    const next = renameSection(issue, ids['基层'], '基层动态');
    expect(titles(next)).toEqual(['要闻', '基层动态', '图片']);
    expect(next.sections[0]).toBe(issue.sections[0]);
    expect(JSON.stringify(issue)).toBe(snapshot);
  });

  it.each([
    [0, ['图片', '要闻', '基层']],
    [1, ['要闻', '图片', '基层']],
    [2, ['要闻', '基层', '图片']],
    [-3, ['图片', '要闻', '基层']],
    [42, ['要闻', '基层', '图片']],
  ])('moves a section to index %d (its position after the move, clamped)', (to, expected) => {
    const { issue, ids, snapshot } = threeSections();
    expect(titles(moveSection(issue, ids['图片'], to))).toEqual(expected);
    expect(JSON.stringify(issue)).toBe(snapshot);
  });

  it('deletes a section together with its articles', () => {
    const { issue, ids, snapshot } = threeSections();
    const next = deleteSection(issue, ids['要闻']);
    expect(titles(next)).toEqual(['基层', '图片']);
    expect(findArticle(next, ids['甲'])).toBeNull();
    expect(JSON.stringify(issue)).toBe(snapshot);
  });
});

describe('articles', () => {
  it('adds a draft story at the end or at an index, clamped', () => {
    const { issue, ids } = threeSections();
    const { issue: next, article } = addArticle(issue, ids['要闻'], '新稿', 1);
    expect(headlines(next)[0]).toEqual(['甲', '新稿', '乙', '丙']);
    expect(article).toMatchObject({ kind: 'story', status: 'draft', headline: '新稿', kicker: '', deck: '', byline: '' });
    expect(headlines(addArticle(issue, ids['要闻'], '尾').issue)[0]).toEqual(['甲', '乙', '丙', '尾']);
    expect(headlines(addArticle(issue, ids['要闻'], '负', -1).issue)[0]).toEqual(['负', '甲', '乙', '丙']);
    expect(headlines(addArticle(issue, ids['图片'], '远', 50).issue)[2]).toEqual(['远']);
    expect(IssueSchema.safeParse(next).success).toBe(true);
  });

  it('finds an article with its section and index', () => {
    const { issue, ids } = threeSections();
    const found = findArticle(issue, ids['丙']);
    expect(found?.section.title).toBe('要闻');
    expect(found?.index).toBe(2);
    expect(found?.article.headline).toBe('丙');
  });

  it('updates the fields of one article and keeps its id', () => {
    const { issue, ids, snapshot } = threeSections();
    const next = updateArticle(issue, ids['乙'], { headline: '乙（改）', deck: '副题', status: 'final' });
    expect(findArticle(next, ids['乙'])?.article).toMatchObject({ id: ids['乙'], headline: '乙（改）', deck: '副题', status: 'final' });
    expect(next.sections[1]).toBe(issue.sections[1]); // untouched sections are shared, not copied
    expect(JSON.stringify(issue)).toBe(snapshot);
  });

  it('moves an article within its section (position after the move)', () => {
    const { issue, ids, snapshot } = threeSections();
    expect(headlines(moveArticle(issue, ids['甲'], ids['要闻'], 2))[0]).toEqual(['乙', '丙', '甲']);
    expect(headlines(moveArticle(issue, ids['丙'], ids['要闻'], 0))[0]).toEqual(['丙', '甲', '乙']);
    expect(JSON.stringify(issue)).toBe(snapshot);
  });

  it('moves an article to another section, keeping the article object whole', () => {
    const { issue, ids, snapshot } = threeSections();
    const next = moveArticle(issue, ids['乙'], ids['基层'], 0);
    expect(headlines(next)).toEqual([['甲', '丙'], ['乙', '丁'], []]);
    expect(findArticle(next, ids['乙'])?.article).toEqual(findArticle(issue, ids['乙'])?.article);
    expect(headlines(moveArticle(issue, ids['丁'], ids['图片'], 7))).toEqual([['甲', '乙', '丙'], [], ['丁']]);
    expect(JSON.stringify(issue)).toBe(snapshot);
  });

  it('clamps a negative target index to the start', () => {
    const { issue, ids } = threeSections();
    expect(headlines(moveArticle(issue, ids['丁'], ids['要闻'], -4))[0]).toEqual(['丁', '甲', '乙', '丙']);
  });

  it('deletes one article and nothing else', () => {
    const { issue, ids, snapshot } = threeSections();
    expect(headlines(deleteArticle(issue, ids['乙']))).toEqual([['甲', '丙'], ['丁'], []]);
    expect(JSON.stringify(issue)).toBe(snapshot);
  });
});

describe('unknown ids leave the issue as it was', () => {
  const unknown = 'NoSuchId0000';

  it.each([
    ['renameSection', (i: Issue) => renameSection(i, unknown, 'x')],
    ['moveSection', (i: Issue) => moveSection(i, unknown, 0)],
    ['deleteSection', (i: Issue) => deleteSection(i, unknown)],
    ['addArticle', (i: Issue) => addArticle(i, unknown, 'x').issue],
    ['updateArticle', (i: Issue) => updateArticle(i, unknown, { headline: 'x' })],
    ['deleteArticle', (i: Issue) => deleteArticle(i, unknown)],
  ])('%s with an unknown id changes nothing', (_name, op) => {
    const { issue, snapshot } = threeSections();
    expect(op(issue)).toEqual(issue);
    expect(JSON.stringify(issue)).toBe(snapshot);
  });

  it('moveArticle with an unknown article or an unknown target section returns the same issue', () => {
    const { issue, ids } = threeSections();
    expect(moveArticle(issue, unknown, ids['基层'], 0)).toBe(issue);
    expect(moveArticle(issue, ids['甲'], unknown, 0)).toBe(issue);
    expect(findArticle(issue, unknown)).toBeNull();
  });
});
