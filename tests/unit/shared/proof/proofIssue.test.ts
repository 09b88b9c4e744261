import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftLines, linesToSections } from '../../../../shared/import/text.js';
import { bodyOf, figureNode, paragraphNode, textNode, TextFormat, type ParagraphNode } from '../../../../shared/model/body.js';
import { IssueSchema, type Issue } from '../../../../shared/model/issue.js';
import { bodyText } from '../../../../shared/model/text.js';
import { addArticle, addSection, updateArticle } from '../../../../shared/model/ops.js';
import { fixInIssue, proofIssue } from '../../../../shared/proof/proofIssue.js';
import { ASSET_ID, sampleIssue } from '../../../helpers/issues.js';

const SAMPLE = readFileSync(new URL('../../../../resources/samples/yugong-2024-03.txt', import.meta.url), 'utf8');

function importedSample(): Issue {
  let n = 0;
  const sections = linesToSections(draftLines(SAMPLE)).map((s) => ({
    ...s,
    id: `section${++n}`,
    articles: s.articles.map((a) => ({ ...a, id: `article${++n}` })),
  }));
  return { ...sampleIssue(), sections };
}

/** One article with a headline, a bold run across a mark, and a captioned figure. */
function smallIssue(): { issue: Issue; articleId: string } {
  const made = addSection(sampleIssue(), '渝工建功');
  const added = addArticle(made.issue, made.section.id, '城口县首届“卓越杯” 电力行业职工技能竞赛开赛!');
  const paragraph: ParagraphNode = { ...paragraphNode(''), children: [textNode('近日'), textNode(',城口县', TextFormat.bold), textNode('举办竞赛.')] };
  const issue = updateArticle(added.issue, added.article.id, {
    byline: '通讯员 张三',
    body: bodyOf([paragraph, { ...figureNode('选手正在比赛(现场)', ASSET_ID) }]),
  });
  return { issue, articleId: added.article.id };
}

describe('proofIssue and fixInIssue', () => {
  it('finds the sample bulletin’s half-width marks and corrects them all in one go', () => {
    const issue = importedSample();
    const hits = proofIssue(issue);
    expect(hits.length).toBeGreaterThan(130);
    expect(new Set(hits.map((h) => h.rule))).toEqual(new Set(['halfWidth', 'parentheses']));
    const { issue: fixed, count } = fixInIssue(issue, 'all');
    expect(count).toBe(hits.length);
    expect(proofIssue(fixed)).toEqual([]);
    IssueSchema.parse(fixed);
    const text = fixed.sections.flatMap((s) => s.articles.map((a) => `${a.headline}\n${bodyText(a.body)}`)).join('\n');
    expect(text).not.toMatch(/[\p{Script=Han}][,!?:;]/u);
    expect(text).toContain('施工队伍开（复）工');
    expect(text).toContain('1068.45万元');
    // The original is untouched.
    expect(proofIssue(issue)).toHaveLength(hits.length);
  });

  it('keeps formatting and images, and leaves spaces set on purpose in headlines and bylines', () => {
    const { issue, articleId } = smallIssue();
    const hits = proofIssue(issue);
    expect(hits.map((h) => [h.field, h.text, h.replacement])).toEqual([
      ['headline', '!', '！'],
      ['body', ',', '，'],
      ['body', '.', '。'],
      ['caption', '(', '（'],
      ['caption', ')', '）'],
    ]);
    expect(hits[1].context).toEqual({ before: '近日', after: '城口县举办竞赛.' });
    const fixed = fixInIssue(issue, 'all').issue;
    const article = fixed.sections[0].articles.find((a) => a.id === articleId);
    expect(article?.headline).toBe('城口县首届“卓越杯” 电力行业职工技能竞赛开赛！');
    expect(article?.byline).toBe('通讯员 张三');
    const [p, figure] = article?.body.root.children ?? [];
    expect(p.type === 'paragraph' && p.children).toEqual([
      expect.objectContaining({ text: '近日', format: 0 }),
      expect.objectContaining({ text: '，城口县', format: TextFormat.bold }),
      expect.objectContaining({ text: '举办竞赛。', format: 0 }),
    ]);
    expect(figure).toEqual(expect.objectContaining({ caption: '选手正在比赛（现场）', assetId: ASSET_ID }));
  });

  it('corrects one hit, or one rule, and skips a hit whose text has changed since', () => {
    const { issue, articleId } = smallIssue();
    const hits = proofIssue(issue);
    const one = fixInIssue(issue, hits[1]);
    expect(one.count).toBe(1);
    expect(proofIssue(one.issue)).toHaveLength(hits.length - 1);
    expect(fixInIssue(one.issue, hits[1])).toEqual({ issue: one.issue, count: 0 });

    const parens = fixInIssue(issue, { rule: 'parentheses' });
    expect(parens.count).toBe(2);
    expect(proofIssue(parens.issue).map((h) => h.rule)).toEqual(['halfWidth', 'halfWidth', 'period']);

    const edited = updateArticle(issue, articleId, { headline: '开赛了' });
    expect(fixInIssue(edited, hits[0]).count).toBe(0);
  });

  it('corrects both halves of a bracket pair from either half', () => {
    const { issue } = smallIssue();
    const close = proofIssue(issue).find((h) => h.text === ')');
    if (!close) throw new Error('no closing bracket hit');
    const { issue: fixed, count } = fixInIssue(issue, close);
    expect(count).toBe(2);
    const figure = fixed.sections[0].articles[0].body.root.children[1];
    expect(figure.type === 'figure' && figure.caption).toBe('选手正在比赛（现场）');
  });

  it('leaves nothing to correct after 全部修正, whatever the text (corrections that put a neighbour into Chinese included)', () => {
    const pieces = ['工作', '中文', 'OK', 'PLC', '2,300', '3.5', ' ', '!', '?', ',', ':', ';', '.', '(', ')', '"', '“', '”', '--', '...', '…', '２０', '一', '\n', 'https://a.cn/x?y=1'];
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 3 + Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const made = addSection(sampleIssue(), '栏目');
      const added = addArticle(made.issue, made.section.id, '标题');
      const issue = updateArticle(added.issue, added.article.id, { body: bodyOf([paragraphNode(text)]) });
      const fixed = fixInIssue(issue, 'all').issue;
      expect(proofIssue(fixed), JSON.stringify(text)).toEqual([]);
    }
  });

  it('hands back the same issue when there is nothing to correct', () => {
    const issue = sampleIssue();
    expect(proofIssue(issue)).toEqual([]);
    expect(fixInIssue(issue, 'all').issue).toBe(issue);
  });
});
