import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  draftLines,
  joinBrokenParagraphs,
  joinWithNext,
  linesToSections,
  moveArticleToSection,
  splitLine,
  type DraftLine,
} from '../../../../shared/import/text.js';
import { bodyFigures, bodyText } from '../../../../shared/model/text.js';

const SAMPLE = readFileSync(new URL('../../../../resources/samples/yugong-2024-03.txt', import.meta.url), 'utf8');

describe('importing the sample bulletin (yugong-2024-03.txt)', () => {
  const sections = linesToSections(draftLines(SAMPLE));
  const articles = sections.flatMap((s) => s.articles);

  it('finds the four sections in order, keeping both banners that stand in a row', () => {
    expect(sections.map((s) => s.title)).toEqual(['渝工铸魂', '渝工建功', '渝工暖心', '图片新闻']);
  });

  it('gives the six headlines exactly as written, without #', () => {
    expect(articles.filter((a) => a.kind === 'story').map((a) => a.headline)).toEqual([
      '市总工会党组 学习贯彻全国两会精神',
      '巾帼匠心筑梦 强国复兴有我',
      '春风送暖宣讲忙 劳模精神鼓干劲',
      '最高奖励5万元! 重庆市网上劳动和技能竞赛即将开赛',
      '城口县首届“卓越杯” 电力行业职工劳动技能竞赛举办',
      '璧山区总工会发布 62项“惠民强企”服务事项清单',
    ]);
  });

  it('puts the two decks on their articles', () => {
    const decks = articles.filter((a) => a.deck !== '').map((a) => [a.headline, a.deck]);
    expect(decks).toEqual([
      ['巾帼匠心筑梦 强国复兴有我', '市总工会举办巾帼劳模工匠大宣讲活动'],
      ['春风送暖宣讲忙 劳模精神鼓干劲', '万盛经开区总工会开展“劳模三进”宣讲活动'],
    ]);
  });

  it('makes the stand-alone caption one figure without an image, before the first paragraph', () => {
    const figures = articles.flatMap((a) => bodyFigures(a.body));
    expect(figures).toEqual([{ caption: '巾帼劳模工匠大宣讲现场', assetId: null }]);
    const article = articles.find((a) => a.headline.startsWith('巾帼匠心筑梦'));
    expect(article?.body.root.children[0]).toMatchObject({ type: 'figure', pixelWidth: null, pixelHeight: null }); // no image, no size
  });

  it('makes the photo news one photo article whose text is its paragraph', () => {
    const photo = sections[3].articles;
    expect(photo).toHaveLength(1);
    expect(photo[0].kind).toBe('photo');
    expect(photo[0].headline).toBe('');
    expect(bodyText(photo[0].body)).toMatch(/^向阳草木青,明媚春光暖。3月17日.*归属感。$/);
  });

  it('joins the words cut by page breaks (研/究, 时代/风采)', () => {
    const all = articles.map((a) => bodyText(a.body)).join('\n');
    expect(all).toContain('电子通信与软件测评研究中心主任');
    expect(all).toContain('甘于奉献的时代风采。');
    expect(all.split('\n').some((p) => p === '风采。' || p.startsWith('究中心'))).toBe(false);
  });

  it('keeps the text as written: ASCII commas stay', () => {
    const first = articles[0];
    expect(bodyText(first.body).startsWith('近日,市总工会召开党组会议,')).toBe(true);
  });

  it('keeps every paragraph of the body (no real paragraphs joined)', () => {
    const meeting = articles[0];
    expect(meeting.body.root.children).toHaveLength(4);
  });
});

describe('draft lines', () => {
  it('never joins a paragraph that ends a sentence or closes a bracket', () => {
    const lines: DraftLine[] = ['他说：“好。”', '第二段开始', '（完）', '下一段'].map((text) => ({ role: 'paragraph', text }));
    expect(joinBrokenParagraphs(lines).map((l) => l.text)).toEqual(['他说：“好。”', '第二段开始（完）', '下一段']);
  });

  it('reads Markdown headings and CRLF or CR line endings alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['要闻', '', '## 标题一', '', '正文第一段，内容比较长，用来确认它是正文而不是标题或者图注。'].join(eol);
      expect(draftLines(text).map((l) => l.role)).toEqual(['banner', 'headline', 'paragraph']);
    }
  });

  it('recognises a headline without # when a short line stands before body text', () => {
    const text = '职工运动会圆满落幕\n\n3月17日，公司工会举办职工趣味运动会，提升职工的快乐感、幸福感、归属感，参赛职工三百余人。';
    expect(draftLines(text).map((l) => l.role)).toEqual(['headline', 'paragraph']);
  });

  it('takes bylines from lines that start with 通讯员/记者/来源', () => {
    const text = '# 标题\n\n通讯员 张三\n\n正文第一段，内容比较长，用来确认它是正文而不是标题或者图注。';
    const [section] = linesToSections(draftLines(text));
    expect(section.articles[0].byline).toBe('通讯员 张三');
  });

  it('joins and splits lines for the preview', () => {
    const lines: DraftLine[] = [
      { role: 'paragraph', text: '甲乙' },
      { role: 'paragraph', text: '丙丁' },
    ];
    expect(joinWithNext(lines, 0)).toEqual([{ role: 'paragraph', text: '甲乙丙丁' }]);
    expect(splitLine(lines, 0, 1)).toEqual([
      { role: 'paragraph', text: '甲' },
      { role: 'paragraph', text: '乙' },
      { role: 'paragraph', text: '丙丁' },
    ]);
    expect(splitLine(lines, 0, 0)).toEqual(lines);
  });

  it('moves an article with its deck and body to another section', () => {
    const lines: DraftLine[] = [
      { role: 'banner', text: '甲栏' },
      { role: 'headline', text: '标题一' },
      { role: 'deck', text: '副题一' },
      { role: 'paragraph', text: '正文一。' },
      { role: 'headline', text: '标题二' },
      { role: 'banner', text: '乙栏' },
      { role: 'headline', text: '标题三' },
    ];
    const moved = moveArticleToSection(lines, 1, 5);
    const sections = linesToSections(moved);
    expect(sections.map((s) => [s.title, s.articles.map((a) => a.headline)])).toEqual([
      ['甲栏', ['标题二']],
      ['乙栏', ['标题三', '标题一']],
    ]);
    expect(sections[1].articles[1].deck).toBe('副题一');
  });
});
