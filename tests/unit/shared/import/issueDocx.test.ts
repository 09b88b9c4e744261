import { describe, expect, it } from 'vitest';
import { parseHtml, type HtmlElement } from '../../../../shared/import/htmlTree.js';
import {
  bannerTitles,
  definesMastheadStyles,
  issueFromHtmlTree,
  ISSUE_DOCX_STYLE_MAP,
  parseChineseDate,
  parseIssueLine,
} from '../../../../shared/import/issueDocx.js';
import { DOCX_READBACK_STYLE_MAP } from '../../../../shared/export/docx/styles.js';
import { TextFormat, type BlockNode } from '../../../../shared/model/body.js';
import { SectionSchema, type Section } from '../../../../shared/model/issue.js';
import { blockLines } from '../../../../shared/model/text.js';

// The walker on small trees shaped like mammoth's HTML of a Masthead export (see
// ISSUE_DOCX_STYLE_MAP for the classes): images are `src="a"`/`src="b"`, anything else
// cannot be had.

const A = `${'a'.repeat(64)}.jpg`;
const B = `${'b'.repeat(64)}.png`;
const read = (html: string) => issueFromHtmlTree(parseHtml(html), (src) => {
  const assetId = ({ a: A, b: B } as Record<string, string>)[src];
  return assetId ? { assetId, size: null } : null;
});

/** One line per block: `type[ tag]: text`, figures as `figure <a|b|->: caption`. */
function outline(blocks: readonly BlockNode[]): string[] {
  return blocks.map((b) => {
    if (b.type === 'figure') return `figure ${b.assetId === A ? 'a' : b.assetId === B ? 'b' : '-'}: ${b.caption}`;
    return `${b.type}${b.type === 'heading' ? ` ${b.tag}` : ''}: ${blockLines(b).join('|')}`;
  });
}

/** Sections as [title, articles] with each article's kind, head and outlined body. */
function shape(sections: readonly Section[]) {
  return sections.map((s) => ({
    title: s.title,
    articles: s.articles.map((a) => ({
      kind: a.kind,
      head: [a.kicker, a.headline, a.deck, a.byline],
      body: outline(a.body.root.children),
    })),
  }));
}

const banner = (...titles: string[]) =>
  `<p class="banner">${titles.map((t) => `<span class="banner-label">\u3000${t}\u3000</span>`).join('\u3000')}</p>`;

describe('issueFromHtmlTree: sections', () => {
  it('gives each banner of a row its own section, in order; the articles go to the last one', () => {
    const { sections } = read(`${banner('渝工铸魂', '渝工建功')}<h1 class="headline">标题一</h1><p>正文一。</p>${banner('渝工暖心')}<h1 class="headline">标题二</h1>`);
    expect(shape(sections)).toEqual([
      { title: '渝工铸魂', articles: [] },
      { title: '渝工建功', articles: [{ kind: 'story', head: ['', '标题一', '', ''], body: ['paragraph: 正文一。'] }] },
      { title: '渝工暖心', articles: [{ kind: 'story', head: ['', '标题二', '', ''], body: [] }] },
    ]);
    expect(sections.every((s) => SectionSchema.safeParse(s).success)).toBe(true);
  });

  it('keeps a trailing banner row of sections without articles, and puts content before any banner in an untitled section', () => {
    const { sections } = read(`<h1 class="headline">无栏目稿件</h1><p>正文。</p>${banner('工会动态', '基层风采')}`);
    expect(sections.map((s) => [s.title, s.articles.length])).toEqual([
      ['', 1],
      ['工会动态', 0],
      ['基层风采', 0],
    ]);
  });

  it('reads banner titles with inner spaces, and rows without label runs split at double ideographic spaces', () => {
    const row = (html: string) => bannerTitles(parseHtml(html)[0] as HtmlElement);
    expect(row(banner('工会 动态', '渝工　暖心'))).toEqual(['工会 动态', '渝工　暖心']);
    expect(row('<p class="banner">　◆渝工铸魂　　　◆渝工建功　</p>')).toEqual(['渝工铸魂', '渝工建功']);
    expect(row('<p class="banner">图片新闻</p>')).toEqual(['图片新闻']);
  });
});

describe('issueFromHtmlTree: articles', () => {
  it('fills kicker, headline (two lines), deck and byline of one story; the next head part in order opens the next story', () => {
    const { sections } = read(
      `<p class="kicker">引题</p><h1 class="headline">主题第一行<br />第二行</h1><p class="deck">副题</p><p class="byline">通讯员 张三</p><p>正文。</p>` +
        `<h1 class="headline">第二篇</h1><p class="byline">记者 李四</p>` +
        `<p class="deck">只有副题的第三篇</p><p class="kicker">第四篇的引题</p><h1 class="headline">第四篇</h1>`,
    );
    expect(shape(sections)[0].articles).toEqual([
      { kind: 'story', head: ['引题', '主题第一行\n第二行', '副题', '通讯员 张三'], body: ['paragraph: 正文。'] },
      { kind: 'story', head: ['', '第二篇', '', '记者 李四'], body: [] },
      { kind: 'story', head: ['', '', '只有副题的第三篇', ''], body: [] },
      { kind: 'story', head: ['第四篇的引题', '第四篇', '', ''], body: [] },
    ]);
  });

  it('keeps subheading levels, quotes, lists, tables and emphasis; header cells lose the bold the export gave them', () => {
    const { sections } = read(
      `<h1 class="headline">标题</h1><h2>一级</h2><h3>二级</h3><h4>三级</h4><blockquote><p>引文一</p><p>引文二</p></blockquote>` +
        `<p><strong>加粗</strong>与<em>倾斜</em>和<u>下划线</u></p><ul><li>甲<ul><li>甲一</li></ul></li><li>乙</li></ul><ol><li>一</li><li>二</li></ol>` +
        `<table><thead><tr><th><p><strong>奖项</strong></p></th><th><p><strong>数量</strong></p></th></tr></thead><tbody><tr><td><p><strong>先进</strong>集体</p></td><td><p>100个</p></td></tr></tbody></table>`,
    );
    const body = sections[0].articles[0].body.root.children;
    expect(outline(body)).toEqual([
      'heading h2: 一级',
      'heading h3: 二级',
      'heading h4: 三级',
      'quote: 引文一',
      'quote: 引文二',
      'paragraph: 加粗与倾斜和下划线',
      'list: 甲|甲一|乙',
      'list: 一|二',
      'table: 奖项\t数量|先进集体\t100个',
    ]);
    const p = body[5];
    expect(p.type === 'paragraph' && p.children.map((c) => (c.type === 'text' ? c.format : -1))).toEqual([
      TextFormat.bold,
      0,
      TextFormat.italic,
      0,
      TextFormat.underline,
    ]);
    const table = body[8];
    const formats = table.type === 'table' ? table.children.map((r) => r.children.map((c) => c.children[0].children.map((t) => (t.type === 'text' ? t.format : -1)))) : [];
    expect(formats).toEqual([[[0], [0]], [[TextFormat.bold, 0], [0]]]);
  });

  it('makes figures of pictures and their captions: a frame waiting for its photo, a caption alone, a picture without caption', () => {
    const { sections } = read(
      `<h1 class="headline">标题</h1><p>第一段。</p><p class="figure"><img src="a" alt="说明" /></p><p class="caption">图为现场</p>` +
        `<p class="figure"></p><p class="caption">照片待补</p><p class="caption">只有图注</p><p class="figure"><img src="b" /></p><p>第二段。</p>` +
        `<p class="figure"><img src="外链" /></p><p></p>`,
    );
    expect(shape(sections)[0].articles[0].body).toEqual([
      'paragraph: 第一段。',
      'figure a: 图为现场',
      'figure -: 照片待补',
      'figure -: 只有图注',
      'figure b: ',
      'paragraph: 第二段。',
      'figure -: ',
    ]);
  });

  it('reads photo news: photos first, then headline and text; a lone empty frame stands for no photo at all', () => {
    const { sections } = read(
      `${banner('图片新闻')}<p class="figure"><img src="a" /></p><p class="caption">健步行出发</p><p class="figure"><img src="b" /></p>` +
        `<h2 class="headline">春日健步行</h2><p class="photo-text">第一段。</p><p class="photo-text">第二段。</p>` +
        `<p class="figure"><img src="a" /></p><p class="photo-text">无标题的图片新闻。</p>` +
        `<p class="figure"></p><h2 class="headline">照片待补</h2><p class="photo-text">文字先到。</p>` +
        `<p class="figure"></p><p class="caption">有图注的空框</p><h2 class="headline">图注在</h2>`,
    );
    expect(shape(sections)).toEqual([
      {
        title: '图片新闻',
        articles: [
          { kind: 'photo', head: ['', '春日健步行', '', ''], body: ['figure a: 健步行出发', 'figure b: ', 'paragraph: 第一段。', 'paragraph: 第二段。'] },
          { kind: 'photo', head: ['', '', '', ''], body: ['figure a: ', 'paragraph: 无标题的图片新闻。'] },
          { kind: 'photo', head: ['', '照片待补', '', ''], body: ['paragraph: 文字先到。'] },
          { kind: 'photo', head: ['', '图注在', '', ''], body: ['figure -: 有图注的空框'] },
        ],
      },
    ]);
  });

  it('keeps a story’s last figure in the story when no photo news follows it', () => {
    const { sections } = read(`<h1 class="headline">标题</h1><p>正文。</p><p class="figure"><img src="a" /></p><p class="caption">图注</p><h1 class="headline">下一篇</h1>`);
    expect(shape(sections)[0].articles.map((a) => a.body)).toEqual([['paragraph: 正文。', 'figure a: 图注'], []]);
  });

  it('skips masthead and colophon lines: they are no article', () => {
    const { sections } = read(`<p class="masthead masthead-title">渝工简报</p><p class="colophon"><strong>报：</strong>全国总工会</p>`);
    expect(sections).toEqual([]);
  });
});

describe('issueFromHtmlTree: masthead and colophon', () => {
  it('reads publication name, issue line, publisher and date from the masthead', () => {
    const html =
      `<p class="masthead masthead-note">内部资料\u3000免费交流\t渝内资准字（2024）第001号</p><p class="masthead masthead-title">渝工简报</p>` +
      `<p class="masthead masthead-subtitle">重庆市总工会主办</p><p class="masthead issue-line">2024年第3期（总第186期）</p>` +
      `<p class="masthead masthead-meta">重庆市总工会办公室\t2024年3月20日</p>`;
    const { sections, ...fields } = read(html);
    expect(sections).toEqual([]);
    expect(fields).toEqual({
      publication: { name: '渝工简报', publisher: '重庆市总工会办公室' },
      number: { year: 2024, no: 3, serial: 186 },
      date: '2024-03-20',
    });
  });

  it('takes publisher and date from the colophon’s 印发 line when the masthead has none; a title image gives no name', () => {
    const html =
      `<p class="masthead masthead-title"><img src="a" /></p><p class="masthead issue-line">2025年第12期</p><p class="masthead masthead-meta">\t</p>` +
      `<p class="colophon">责任编辑：李明\t共印300份</p><p class="colophon">重庆市总工会办公室\t2025年12月1日印发</p>`;
    const { publication, number, date } = read(html);
    expect({ publication, number, date }).toEqual({ publication: undefined, number: { year: 2025, no: 12, serial: null }, date: '2025-12-01' });
  });
});

describe('issue line, date and style checks', () => {
  it.each([
    ['2024年第3期（总第186期）', { year: 2024, no: 3, serial: 186 }],
    ['2024 年 第 3 期 (总第 186 期)', { year: 2024, no: 3, serial: 186 }],
    ['2024年第12期', { year: 2024, no: 12, serial: null }],
    ['第3期', null],
    ['1899年第1期', null],
    ['2024年第0期', null],
  ])('parseIssueLine(%s)', (text, want) => {
    expect(parseIssueLine(text)).toEqual(want);
  });

  it.each([
    ['2024年3月20日', '2024-03-20'],
    ['重庆市总工会办公室\t2024年12月1日印发', '2024-12-01'],
    ['2024年2月30日', null],
    ['2024-03-20', null],
  ])('parseChineseDate(%s)', (text, want) => {
    expect(parseChineseDate(text)).toBe(want);
  });

  it('knows a Masthead styles part by its style ids, in any attribute order', () => {
    const style = (id: string) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id}"/></w:style>`;
    const ours = `<w:styles>${['Normal', 'MastheadTitle', 'IssueLine', 'Banner', 'Headline'].map(style).join('')}</w:styles>`;
    expect(definesMastheadStyles(ours)).toBe(true);
    expect(definesMastheadStyles(ours.replace('w:type="paragraph" w:styleId="Banner"', 'w:styleId="Banner" w:type="paragraph"'))).toBe(true);
    expect(definesMastheadStyles(ours.replace('MastheadTitle', 'Title'))).toBe(false);
    expect(definesMastheadStyles(`<w:styles>${['Normal', 'Title', 'Heading1'].map(style).join('')}</w:styles>`)).toBe(false);
  });

  it('puts its own rules before the read-back map (mammoth takes the first rule that matches)', () => {
    expect(ISSUE_DOCX_STYLE_MAP.slice(-DOCX_READBACK_STYLE_MAP.length - 1, -1)).toEqual(DOCX_READBACK_STYLE_MAP);
    const masthead = ISSUE_DOCX_STYLE_MAP.findIndex((r) => r.includes('masthead-title'));
    expect(masthead).toBeLessThan(ISSUE_DOCX_STYLE_MAP.findIndex((r) => r.endsWith('=> p.masthead:fresh')));
  });
});
