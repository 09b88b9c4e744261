import { describe, expect, it } from 'vitest';
import {
  bodyOf,
  figureNode,
  paragraphNode,
  textNode,
  TextFormat,
  type BlockNode,
  type Body,
  type InlineNode,
  type ListNode,
  type ParagraphNode,
  type TableNode,
} from '../../../../shared/model/body.js';
import { findInIssue, replaceInIssue, type FindQuery, type Match } from '../../../../shared/model/find.js';
import { IssueSchema, type Article, type Issue } from '../../../../shared/model/issue.js';
import { addArticle, addSection, updateArticle } from '../../../../shared/model/ops.js';
import { ASSET_ID, sampleIssue } from '../../../helpers/issues.js';

/** Deep-freezes a value so any mutation by the code under test throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const { bold, italic } = TextFormat;
const plain = (text: string): FindQuery => ({ text, wholeWord: false });
const whole = (text: string): FindQuery => ({ text, wholeWord: true });

function para(...children: InlineNode[]): ParagraphNode {
  return { ...paragraphNode(''), children };
}
const br: InlineNode = { type: 'linebreak', version: 1 };

function list(items: (InlineNode | ListNode)[][]): ListNode {
  const base = { version: 1 as const, direction: null, format: '' as const, indent: 0 };
  return {
    type: 'list',
    ...base,
    listType: 'bullet',
    start: 1,
    tag: 'ul',
    children: items.map((children, i) => ({ type: 'listitem', ...base, value: i + 1, children })),
  };
}

function table(rows: string[][]): TableNode {
  const base = { version: 1 as const, direction: null, format: '' as const, indent: 0 };
  return {
    type: 'table',
    ...base,
    children: rows.map((cells) => ({
      type: 'tablerow',
      ...base,
      children: cells.map((text) => ({ type: 'tablecell', ...base, headerState: 0, colSpan: 1, rowSpan: 1, children: [paragraphNode(text)] })),
    })),
  };
}

type ArticleFields = Partial<Omit<Article, 'id' | 'body'>> & { body?: BlockNode[] };

/** An issue with one section per entry, each holding articles with the given fields (frozen). */
function issueWith(...sections: ArticleFields[][]): { issue: Issue; ids: string[] } {
  let issue = sampleIssue();
  const ids: string[] = [];
  for (const [n, articles] of sections.entries()) {
    const s = addSection(issue, `栏目${n + 1}`);
    issue = s.issue;
    for (const { body, ...fields } of articles) {
      const a = addArticle(issue, s.section.id, fields.headline ?? '标题');
      issue = updateArticle(a.issue, a.article.id, { ...fields, body: bodyOf(body ?? []) });
      ids.push(a.article.id);
    }
  }
  return { issue: deepFreeze(issue), ids };
}

/** One article with a body of these blocks. */
const bodyIssue = (...blocks: BlockNode[]) => issueWith([{ headline: '标题', body: blocks }]);

const bodyOfFirst = (issue: Issue): Body => issue.sections[0].articles[0].body;
const runs = (issue: Issue, block = 0): { text: string; format: number }[] => {
  const b = bodyOfFirst(issue).root.children[block];
  if (b.type !== 'paragraph') throw new Error(`block ${block} is ${b.type}`);
  return b.children.map((c) => (c.type === 'text' ? { text: c.text, format: c.format } : { text: '\n', format: -1 }));
};
const where = (m: Match) => `${m.field}${m.path.length ? `@${m.path.join('.')}` : ''}:${m.start}-${m.end}`;

describe('findInIssue', () => {
  it('finds in every field of every article, in print order', () => {
    const { issue, ids } = issueWith(
      [
        {
          kicker: '学习劳模',
          headline: '劳模\n劳模精神',
          deck: '——记劳模',
          byline: '劳模宣讲团',
          body: [paragraphNode('劳模'), figureNode('劳模座谈会', ASSET_ID), paragraphNode('致敬劳模，学习劳模')],
        },
        { headline: '无关' },
      ],
      [{ headline: '第二栏目', body: [paragraphNode('巾帼劳模')] }],
    );
    const matches = findInIssue(issue, plain('劳模'));
    expect(matches.map(where)).toEqual([
      'kicker:2-4',
      'headline:0-2',
      'headline:3-5',
      'deck:3-5',
      'byline:0-2',
      'body@0:0-2',
      'caption@1:0-2',
      'body@2:2-4',
      'body@2:7-9',
      'body@0:2-4',
    ]);
    expect(matches.map((m) => m.articleId)).toEqual([...Array<string>(9).fill(ids[0]), ids[2]]);
    expect(matches.every((m) => m.text === '劳模')).toBe(true);
  });

  it('finds a match that spans runs of different formats, with offsets into the block text', () => {
    const { issue } = bodyIssue(para(textNode('全国劳', 0), textNode('模', bold), textNode('精神', italic)));
    expect(findInIssue(issue, plain('劳模精')).map(where)).toEqual(['body@0:2-5']);
  });

  it('finds in lists (nested too) and tables, with the path to the block', () => {
    const nested = list([[textNode('二级劳模')]]);
    const { issue } = bodyIssue(
      list([[textNode('一级劳模')], [textNode('劳模'), nested]]),
      { type: 'horizontalrule', version: 1 },
      table([
        ['单位', '劳模人数'],
        ['一车间', '3'],
      ]),
      { type: 'heading', version: 1, direction: null, format: '', indent: 0, tag: 'h2', children: [textNode('劳模风采')] },
      { type: 'quote', version: 1, direction: null, format: '', indent: 0, children: [textNode('引文劳模')] },
    );
    expect(findInIssue(issue, plain('劳模')).map(where)).toEqual([
      'body@0.0:2-4',
      'body@0.1:0-2',
      'body@0.1.1.0:2-4',
      'body@2.0.1.0:0-2',
      'body@3:0-2',
      'body@4:2-4',
    ]);
  });

  it('never matches across a line break, a nested list or two blocks', () => {
    const { issue } = bodyIssue(
      para(textNode('甲乙'), br, textNode('丙丁')),
      list([[textNode('戊'), list([[textNode('己')]])]]),
      paragraphNode('庚'),
      paragraphNode('辛'),
    );
    const found = (text: string) => findInIssue(issue, plain(text)).map(where);
    expect(found('乙丙')).toEqual([]);
    expect(found('乙\n丙')).toEqual([]);
    expect(found('戊己')).toEqual([]);
    expect(found('庚辛')).toEqual([]);
    expect(found('丙丁')).toEqual(['body@0:3-5']);
  });

  it.each<[string, FindQuery, string, number[]]>([
    ['Latin is case-insensitive by default', plain('ai'), 'AI and ai, Ai', [0, 7, 11]],
    ['match case tells AI from ai', { text: 'ai', wholeWord: false, matchCase: true }, 'AI and ai', [7]],
    ['the query is literal, not a pattern', plain('(1).'), '第(1).条 (1)x', [1]],
    ['a dot matches only a dot', plain('.'), 'a.b', [1]],
    ['matches do not overlap', plain('aa'), 'aaaa', [0, 2]],
    ['an empty query finds nothing', plain(''), '劳模', []],
    ['a query with a line break finds nothing', plain('劳\n模'), '劳模', []],
    ['full-width letters are not half-width ones', plain('AI'), 'ＡＩ', []],
  ])('%s', (_, query, text, starts) => {
    const { issue } = bodyIssue(paragraphNode(text));
    expect(findInIssue(issue, query).map((m) => m.start)).toEqual(starts);
  });

  describe('whole word', () => {
    it.each<[string, string, string, number[]]>([
      // Latin and digits: word boundaries as in any word processor.
      ['a word between spaces and punctuation', 'art', 'art, the art. art', [0, 9, 14]],
      ['not inside a longer word', 'art', 'artist smart artwork', []],
      ['not after a digit', 'art', '4art', []],
      ['a number is a word', '2024', '2024年, 20245', [0]],
      ['part of a number is not', '202', '2024', []],
      ['accented letters are letters', 'caf', 'café', []],
      ['Latin next to CJK is bounded by it', 'AI', 'AI赋能，用好AI。OpenAI', [0, 7]],
      ['a rejected candidate may hide a word', 'a', 'aa a', [3]],
      ['a query ending in punctuation is bounded there', 'C++', 'C++程序 xC++', [0]],
      // CJK: every character is a word boundary, so CJK matches always count.
      ['CJK inside a longer CJK word still counts', '工会', '市总工会、工会干部', [2, 5]],
      ['CJK next to Latin counts', '劳模', 'AI劳模2024', [2]],
      ['CJK extension B characters are CJK', '𠀀', '𠀀𠀀', [0, 2]],
      ['kana count as CJK', 'カ', 'カタカナ', [0, 2]],
      ['a CJK query ending in Latin is bounded on the Latin side', '第5', '第5期 第55期', [0]],
    ])('%s', (_, text, haystack, starts) => {
      const { issue } = bodyIssue(paragraphNode(haystack));
      expect(findInIssue(issue, whole(text)).map((m) => m.start)).toEqual(starts);
    });

    it('applies the same rule across runs of different formats', () => {
      const { issue } = bodyIssue(para(textNode('smart', 0), textNode('art', bold), textNode(' art', 0)));
      expect(findInIssue(issue, whole('art')).map(where)).toEqual(['body@0:9-12']);
    });
  });
});

describe('replaceInIssue', () => {
  it('replaces every match in every field and counts them', () => {
    const { issue } = issueWith([
      { kicker: '学习劳模', headline: '劳模精神', deck: '——记劳模', byline: '劳模宣讲团', body: [paragraphNode('致敬劳模，学习劳模')] },
      { headline: '二', body: [figureNode('劳模座谈会', ASSET_ID)] },
    ]);
    const before = findInIssue(issue, plain('劳模')).length;
    const { issue: next, count } = replaceInIssue(issue, plain('劳模'), '劳动模范', 'all');
    expect(count).toBe(before);
    expect(count).toBe(7);
    const [a, b] = next.sections[0].articles;
    expect([a.kicker, a.headline, a.deck, a.byline]).toEqual(['学习劳动模范', '劳动模范精神', '——记劳动模范', '劳动模范宣讲团']);
    expect(runs(next)).toEqual([{ text: '致敬劳动模范，学习劳动模范', format: 0 }]);
    expect(b.body.root.children[0]).toEqual(figureNode('劳动模范座谈会', ASSET_ID));
    expect(findInIssue(next, plain('劳模'))).toEqual([]);
    expect(findInIssue(next, plain('劳动模范'))).toHaveLength(7);
    expect(() => IssueSchema.parse(next)).not.toThrow();
  });

  it.each<[string, string, InlineNode[], { text: string; format: number }[]]>([
    [
      'a match starting in a plain run takes the plain format; the emptied bold run goes',
      '劳模',
      [textNode('全国劳', 0), textNode('模', bold), textNode('精神', italic)],
      [
        { text: '全国劳动模范', format: 0 },
        { text: '精神', format: italic },
      ],
    ],
    [
      'a match starting in a bold run stays bold; the rest is cut from the next run',
      '劳模',
      [textNode('全国', 0), textNode('劳', bold), textNode('模精神', 0)],
      [
        { text: '全国', format: 0 },
        { text: '劳动模范', format: bold },
        { text: '精神', format: 0 },
      ],
    ],
    [
      'a match across three runs keeps the first run\u2019s format',
      '劳模精',
      [textNode('劳', italic), textNode('模', bold), textNode('精神', 0)],
      [
        { text: '劳动模范', format: italic },
        { text: '神', format: 0 },
      ],
    ],
    [
      'several matches in one run and around a line break',
      '劳模',
      [textNode('劳模、劳模', bold), br, textNode('劳模', 0)],
      [
        { text: '劳动模范、劳动模范', format: bold },
        { text: '\n', format: -1 },
        { text: '劳动模范', format: 0 },
      ],
    ],
  ])('%s', (_, query, children, expected) => {
    const { issue } = bodyIssue(para(...children));
    const { issue: next, count } = replaceInIssue(issue, plain(query), '劳动模范', 'all');
    expect(count).toBe(findInIssue(issue, plain(query)).length);
    expect(runs(next)).toEqual(expected);
  });

  it('deletes with an empty replacement, dropping runs left empty', () => {
    const { issue } = bodyIssue(para(textNode('甲', 0), textNode('劳模', bold), textNode('乙', 0)));
    const { issue: next, count } = replaceInIssue(issue, plain('劳模'), '', 'all');
    expect(count).toBe(1);
    expect(runs(next)).toEqual([
      { text: '甲', format: 0 },
      { text: '乙', format: 0 },
    ]);
  });

  it('keeps the figure\u2019s image and width; only the caption changes', () => {
    const figure = { ...figureNode('劳模座谈会现场', ASSET_ID), width: 'page' as const };
    const { issue } = bodyIssue(figure, figureNode('劳模', null));
    const { issue: next, count } = replaceInIssue(issue, plain('劳模'), '劳动模范', 'all');
    expect(count).toBe(2);
    expect(bodyOfFirst(next).root.children).toEqual([
      { ...figure, caption: '劳动模范座谈会现场' },
      figureNode('劳动模范', null),
    ]);
  });

  it('replaces in lists and tables', () => {
    const { issue } = bodyIssue(list([[textNode('劳模'), list([[textNode('劳模')]])]]), table([['劳模人数']]));
    const { issue: next, count } = replaceInIssue(issue, plain('劳模'), 'X', 'all');
    expect(count).toBe(3);
    expect(findInIssue(next, plain('X')).map(where)).toEqual(['body@0.0:0-1', 'body@0.0.1.0:0-1', 'body@1.0.0.0:0-1']);
  });

  it('replaces whole words only when asked', () => {
    const { issue } = bodyIssue(paragraphNode('AI, OpenAI, ai助手'));
    expect(replaceInIssue(issue, whole('ai'), 'AGI', 'all')).toMatchObject({ count: 2 });
    expect(runs(replaceInIssue(issue, whole('ai'), 'AGI', 'all').issue)[0].text).toBe('AGI, OpenAI, AGI助手');
    expect(runs(replaceInIssue(issue, plain('ai'), 'AGI', 'all').issue)[0].text).toBe('AGI, OpenAGI, AGI助手');
  });

  it('replaces a replacement that contains the query once, not again and again', () => {
    const { issue } = bodyIssue(paragraphNode('劳模，劳模'));
    const { issue: next, count } = replaceInIssue(issue, plain('劳模'), '巾帼劳模', 'all');
    expect(count).toBe(2);
    expect(runs(next)[0].text).toBe('巾帼劳模，巾帼劳模');
  });

  it('replaces one match found earlier, and nothing when it no longer stands there', () => {
    const { issue } = issueWith([{ headline: '劳模', body: [paragraphNode('劳模和劳模')] }]);
    const matches = findInIssue(issue, plain('劳模'));
    const second = matches[2];
    expect(where(second)).toBe('body@0:3-5');
    const { issue: next, count } = replaceInIssue(issue, plain('劳模'), '劳动模范', second);
    expect(count).toBe(1);
    expect(next.sections[0].articles[0].headline).toBe('劳模');
    expect(runs(next)[0].text).toBe('劳模和劳动模范');
    // The same match again: the text there is no longer 劳模.
    const again = replaceInIssue(next, plain('劳模'), '劳动模范', second);
    expect(again.count).toBe(0);
    expect(again.issue).toBe(next);
    // A match of another query, or in another article, replaces nothing.
    expect(replaceInIssue(issue, plain('劳'), '工', second).count).toBe(0);
    expect(replaceInIssue(issue, plain('劳模'), 'x', { ...second, articleId: 'nosuchid' }).count).toBe(0);
  });

  it('returns a new issue and shares what it did not change; the old issue is untouched', () => {
    const { issue } = issueWith(
      [
        { headline: '劳模', body: [paragraphNode('无关'), paragraphNode('劳模')] },
        { headline: '无关', body: [paragraphNode('无关')] },
      ],
      [{ headline: '无关' }],
    );
    const snapshot = JSON.stringify(issue);
    const { issue: next } = replaceInIssue(issue, plain('劳模'), '劳动模范', 'all'); // `issue` is frozen: a mutation throws
    expect(JSON.stringify(issue)).toBe(snapshot);
    expect(next).not.toBe(issue);
    const [changed, untouched] = next.sections[0].articles;
    expect(changed).not.toBe(issue.sections[0].articles[0]);
    expect(changed.body.root.children[0]).toBe(issue.sections[0].articles[0].body.root.children[0]);
    expect(untouched).toBe(issue.sections[0].articles[1]);
    expect(next.sections[1]).toBe(issue.sections[1]);
    expect(next.publication).toBe(issue.publication);
  });

  it.each<[string, FindQuery]>([
    ['no match', plain('不存在')],
    ['an empty query', plain('')],
    ['a whole-word query that only matches inside words', whole('art')],
  ])('gives back the same issue object for %s', (_, query) => {
    const { issue } = issueWith([{ headline: 'artist', body: [paragraphNode('smart')] }]);
    const result = replaceInIssue(issue, query, '替换', 'all');
    expect(result).toEqual({ issue, count: 0 });
    expect(result.issue).toBe(issue);
  });
});
