import { describe, expect, it } from 'vitest';
import { BodySchema, bodyOf, figureNode, paragraphNode, textNode } from '../../../../shared/model/body.js';
import { createArticle } from '../../../../shared/model/factory.js';
import { articleChars, blockLines, bodyFigures, bodyText, countChars, issueChars } from '../../../../shared/model/text.js';
import { ASSET_ID, filledIssue } from '../../../helpers/issues.js';

describe('countChars (字数)', () => {
  it.each([
    ['市总工会召开党组会议', 10],
    ['会议指出，今年全国两会。', 12],
    ['Hello world', 2],
    ['2024年第3期', 5],
    ['', 0],
    ['  ,  ', 0],
    ['“劳模”精神——传承', 10], // quotes and each half of the dash count
    ['COVID-19 防控', 3],
    ['3.5 亿元', 3],
    ['𠀀字', 2], // a CJK Extension B character (a surrogate pair) counts once
    ['ＡＢＣ１２３', 6], // full-width letters and digits each count
  ])('%s → %i', (text, n) => {
    expect(countChars(text)).toBe(n);
  });
});

// A body with every block type, parsed from Lexical's raw shape.
const richBody = BodySchema.parse({
  root: {
    type: 'root',
    children: [
      { type: 'heading', tag: 'h2', children: [{ type: 'text', text: '一、总体要求' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '第一行' }, { type: 'linebreak' }, { type: 'text', text: '第二行' }] },
      { type: 'paragraph', children: [] },
      { type: 'quote', children: [{ type: 'text', text: '引文' }] },
      {
        type: 'list',
        listType: 'number',
        tag: 'ol',
        children: [
          {
            type: 'listitem',
            children: [
              { type: 'text', text: '甲' },
              { type: 'list', listType: 'bullet', tag: 'ul', children: [{ type: 'listitem', children: [{ type: 'text', text: '甲一' }] }] },
            ],
          },
          { type: 'listitem', children: [{ type: 'text', text: '乙' }] },
        ],
      },
      {
        type: 'table',
        children: [
          {
            type: 'tablerow',
            children: [
              { type: 'tablecell', children: [{ type: 'paragraph', children: [{ type: 'text', text: '单位' }] }] },
              {
                type: 'tablecell',
                children: [
                  { type: 'paragraph', children: [{ type: 'text', text: '人数' }] },
                  { type: 'paragraph', children: [{ type: 'text', text: '（人）' }] },
                ],
              },
            ],
          },
        ],
      },
      { type: 'horizontalrule' },
      { type: 'figure', assetId: ASSET_ID, caption: '图注一' },
      { type: 'figure', assetId: null, caption: '' },
      { type: 'paragraph', children: [{ type: 'text', text: '   ' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '结尾' }] },
    ],
  },
});

describe('bodyText', () => {
  it('walks every block in reading order; figures and blank paragraphs are left out', () => {
    expect(bodyText(richBody).split('\n')).toEqual([
      '一、总体要求',
      '第一行',
      '第二行',
      '引文',
      '甲',
      '甲一',
      '乙',
      '单位\t人数 （人）',
      '结尾',
    ]);
  });

  it('joins formatted runs of one paragraph without separators', () => {
    const body = bodyOf([{ ...paragraphNode(''), children: [textNode('加粗', 1), textNode('正常')] }]);
    expect(bodyText(body)).toBe('加粗正常');
  });

  it('is empty for an empty body', () => {
    expect(bodyText(bodyOf([]))).toBe('');
  });
});

describe('blockLines', () => {
  it('gives a figure its caption, and nothing when the caption is empty', () => {
    expect(blockLines(figureNode('图注', ASSET_ID))).toEqual(['图注']);
    expect(blockLines(figureNode(''))).toEqual([]);
  });
});

describe('bodyFigures', () => {
  it('lists top-level figures in order with caption and asset id (null while no image)', () => {
    expect(bodyFigures(richBody)).toEqual([
      { caption: '图注一', assetId: ASSET_ID },
      { caption: '', assetId: null },
    ]);
  });

  it('is empty when the body has no figure', () => {
    expect(bodyFigures(bodyOf([paragraphNode('文字')]))).toEqual([]);
  });
});

describe('articleChars and issueChars', () => {
  it('counts the body only, not the headline or captions', () => {
    const article = { ...createArticle('很长很长的标题'), body: bodyOf([paragraphNode('五个汉字啊'), figureNode('图注不计')]) };
    expect(articleChars(article)).toBe(5);
  });

  it('sums every article of every section', () => {
    // filledIssue: 会议指出，今年全国两会。(12) + Hello world (2) + 图为座谈会。(6)
    expect(issueChars(filledIssue())).toBe(20);
  });
});
