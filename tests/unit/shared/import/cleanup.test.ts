import { describe, expect, it } from 'vitest';
import { htmlTreeToBlocks, type ResolvedImage } from '../../../../shared/import/blocks.js';
import { BLOCK_TAGS, cleanHtmlTree, INLINE_FORMAT_TAGS } from '../../../../shared/import/cleanup.js';
import { htmlElement, htmlText, parseHtml, textContent, type HtmlNode } from '../../../../shared/import/htmlTree.js';
import {
  figureNode,
  TextFormat,
  textNode,
  type BlockNode,
  type InlineNode,
  type ListItemNode,
  type ListNode,
  type ParagraphNode,
  type TableCellNode,
} from '../../../../shared/model/body.js';

const A = `${'a'.repeat(64)}.png`;
const B = `${'b'.repeat(64)}.jpg`;
// a.png's size could not be read; b.jpg's could: its figures record it.
const B_SIZE = { width: 1200, height: 800 };
const IMAGES: Record<string, ResolvedImage> = { 'a.png': { assetId: A, size: null }, 'b.jpg': { assetId: B, size: B_SIZE } };
const resolve = (src: string) => IMAGES[src] ?? null;
const blocks = (html: string) => htmlTreeToBlocks(parseHtml(html), resolve);

const el = { version: 1 as const, direction: null, format: '' as const, indent: 0 };
const t = (text: string, format = 0) => textNode(text, format);
const br: InlineNode = { type: 'linebreak', version: 1 };
const inl = (c: Array<InlineNode | string>) => c.filter((x) => x !== '').map((x) => (typeof x === 'string' ? t(x) : x));
const p = (...c: Array<InlineNode | string>): ParagraphNode => ({ type: 'paragraph', ...el, children: inl(c) });
const h = (tag: 'h2' | 'h3' | 'h4', text: string): BlockNode => ({ type: 'heading', ...el, tag, children: [t(text)] });
const quote = (text: string): BlockNode => ({ type: 'quote', ...el, children: [t(text)] });
const li = (value: number, ...c: Array<InlineNode | ListNode | string>): ListItemNode => ({
  type: 'listitem',
  ...el,
  value,
  children: c.map((x) => (typeof x === 'string' ? t(x) : x)),
});
const list = (listType: 'bullet' | 'number', items: ListItemNode[], start = 1): ListNode => ({
  type: 'list',
  ...el,
  listType,
  start,
  tag: listType === 'bullet' ? 'ul' : 'ol',
  children: items,
});
const cell = (children: ParagraphNode[], extra: Partial<TableCellNode> = {}): TableCellNode => ({
  type: 'tablecell',
  ...el,
  headerState: 0,
  colSpan: 1,
  rowSpan: 1,
  children,
  ...extra,
});
const table = (...rows: TableCellNode[][]): BlockNode => ({
  type: 'table',
  ...el,
  children: rows.map((cells) => ({ type: 'tablerow', ...el, children: cells })),
});
const { bold, italic, underline, strikethrough, subscript, superscript } = TextFormat;

describe('htmlTreeToBlocks: Word HTML to body blocks', () => {
  const cases: Array<{ name: string; html: string; want: BlockNode[] }> = [
    {
      name: 'drops spans, fonts, colours, classes and styles, keeps bold',
      html: `<p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0'><span lang=EN-US style='font-size:12.0pt;font-family:宋体;color:red'>会议指出，</span><b><span style='font-family:黑体;mso-bidi-font-weight:normal'>要坚持</span></b><font color="#ff0000" face="楷体">以职工为中心。</font><o:p></o:p></p>`,
      want: [p('会议指出，', t('要坚持', bold), '以职工为中心。')],
    },
    {
      name: 'drops comments, conditional comments and Office XML islands',
      html: `<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--><p>正文</p><!-- 批注 -->`,
      want: [p('正文')],
    },
    {
      name: 'drops the bullet text of Word list paragraphs (mso-list:Ignore)',
      html: `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>第一项</p>`,
      want: [p('第一项')],
    },
    {
      name: 'keeps the text of links, not the links',
      html: `<p>详见<a href="https://example.com/x" style="color:blue">市总工会网站</a>。</p>`,
      want: [p('详见市总工会网站。')],
    },
    {
      name: 'maps emphasis to format bits, nested ones combined',
      html: `<p><b><i>粗斜</i></b><u>下划</u><strike>删除</strike>H<sub>2</sub>O x<sup>2</sup><em>强调</em></p>`,
      want: [
        p(t('粗斜', bold | italic), t('下划', underline), t('删除', strikethrough), 'H', t('2', subscript), 'O x', t('2', superscript), t('强调', italic)),
      ],
    },
    {
      name: 'collapses ASCII spaces, joins CJK source lines, trims indentation, keeps punctuation',
      html: `<p>\u3000\u3000各位职工：   为进一步\n  激发热情 &nbsp; 。 </p><p>他说:"好!" -- 然后...</p>`,
      want: [p('各位职工： 为进一步激发热情 。'), p('他说:"好!" -- 然后...')],
    },
    {
      name: 'drops empty paragraphs',
      html: `<p></p><p>&nbsp;</p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p>\u3000\u3000</p><p>文字</p><p><br></p>`,
      want: [p('文字')],
    },
    {
      name: 'keeps line breaks inside a paragraph',
      html: `<p>第一行<br>第二行<br/><br/>第四行<br></p>`,
      want: [p('第一行', br, '第二行', br, br, '第四行')],
    },
    {
      name: 'maps h1 to h2, h2 to h3, lower headings to h4',
      html: `<h1>一级</h1><h2>二级</h2><h3>三级</h3><h5>五级</h5>`,
      want: [h('h2', '一级'), h('h3', '二级'), h('h4', '三级'), h('h4', '五级')],
    },
    {
      name: 'keeps nested bulleted and numbered lists',
      html: `<ul><li>甲<ul><li>甲一</li></ul></li><li>乙</li></ul><ol start="3"><li><p>丙</p></li><li></li></ol>`,
      want: [list('bullet', [li(1, '甲', list('bullet', [li(1, '甲一')])), li(2, '乙')]), list('number', [li(3, '丙')], 3)],
    },
    {
      name: 'keeps tables: header cells, spans, paragraphs in cells, empty cells',
      html: `<table style="border:1px"><thead><tr><th>区县</th><th colspan="2">数量</th></tr></thead><tbody><tr><td><p>渝中</p><p>解放碑</p></td><td></td><td bgcolor=red>12</td></tr></tbody></table>`,
      want: [
        table(
          [cell([p('区县')], { headerState: 1 }), cell([p('数量')], { headerState: 1, colSpan: 2 })],
          [cell([p('渝中'), p('解放碑')]), cell([p('')]), cell([p('12')])],
        ),
      ],
    },
    {
      name: 'a short line after an image is its caption',
      html: `<p><img src="a.png" /></p><p>巾帼劳模工匠大宣讲现场</p><p>正文第一段。</p>`,
      want: [figureNode('巾帼劳模工匠大宣讲现场', A), p('正文第一段。')],
    },
    {
      name: 'a sentence after an image is not a caption',
      html: `<p><img src="a.png"></p><p>3月15日，市总工会举办活动。</p>`,
      want: [figureNode('', A), p('3月15日，市总工会举办活动。')],
    },
    {
      name: 'a line starting 图为 is a caption even as a sentence',
      html: `<p><img src="b.jpg"></p><p>图为座谈会现场，劳模代表发言。</p>`,
      want: [figureNode('图为座谈会现场，劳模代表发言。', B, B_SIZE)],
    },
    {
      name: 'a Caption-styled paragraph is a caption whatever its length',
      html: `<p><img src="a.png"></p><p class="caption">3月15日，市总工会在国网重庆市电力公司举办巾帼劳模工匠大宣讲活动，为100余名职工代表带来一场宣讲。</p>`,
      want: [figureNode('3月15日，市总工会在国网重庆市电力公司举办巾帼劳模工匠大宣讲活动，为100余名职工代表带来一场宣讲。', A)],
    },
    {
      name: 'text after the image in the same paragraph (LibreOffice frames) is its caption',
      html: `<p><img src="a.png" />图 1: 活动现场</p>`,
      want: [figureNode('图 1: 活动现场', A)],
    },
    {
      name: 'an image that cannot be resolved is a figure waiting for its photo',
      html: `<p><img src="file:///C:/Users/x/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"></p>`,
      want: [figureNode('', null)],
    },
    {
      name: 'a byline or a bold line after an image is not a caption',
      html: `<p><img src="a.png"></p><p>通讯员 张三</p><p><img src="b.jpg"></p><p><b>一、基本情况</b></p>`,
      want: [figureNode('', A), p('通讯员 张三'), figureNode('', B, B_SIZE), p(t('一、基本情况', bold))],
    },
    {
      name: 'a table that only lays out photos and captions gives the figures',
      html: `<table><tr><td><img src="a.png"><p>图为甲</p></td><td><img src="b.jpg"><p>图为乙</p></td></tr></table>`,
      want: [figureNode('图为甲', A), figureNode('图为乙', B, B_SIZE)],
    },
    {
      name: 'quotes: one quote block per paragraph',
      html: `<blockquote><p>引文一</p><p>引文二</p></blockquote>`,
      want: [quote('引文一'), quote('引文二')],
    },
    {
      name: 'drops scripts, styles and embeds with their content',
      html: `<style>p{color:red}</style><script>alert(1)</script><iframe src="x">框</iframe><p>安全</p><svg><text>矢量</text></svg>`,
      want: [p('安全')],
    },
    {
      name: 'divs and sections separate paragraphs (web and WeChat paste)',
      html: `<div>第一段</div><section><span>第二段</span><br>第二行</section><div><div>第三段</div></div>`,
      want: [p('第一段'), p('第二段', br, '第二行'), p('第三段')],
    },
    {
      name: "Google Docs' <b style=font-weight:normal> wrapper is not bold",
      html: `<b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">普通</span></p></b>`,
      want: [p('普通')],
    },
    {
      name: 'hidden text is dropped, a rule is kept',
      html: `<p>可见<span style="display:none">隐藏</span></p><hr><p style="mso-hide:all">也隐藏</p>`,
      want: [p('可见'), { type: 'horizontalrule', version: 1 }],
    },
  ];

  it.each(cases)('$name', ({ html, want }) => {
    expect(blocks(html)).toEqual(want);
  });

  it('survives very deep nesting without overflowing the stack', () => {
    const html = `${'<div><span>'.repeat(20_000)}深${'</span></div>'.repeat(20_000)}`;
    expect(blocks(html)).toEqual([p('深')]);
  });
});

describe('cleanHtmlTree', () => {
  it('keeps only meaningful attributes and a role from the style', () => {
    const tree = parseHtml(
      `<p class="MsoTitle" style="text-align:center" align="center">题</p><img src="a.png" alt="说明" width="3" style="x" onclick="y"><table><tr><td colspan="2" rowspan="3" bgcolor="red" class="x">格</td></tr></table><ol start="4" type="a"><li>项</li></ol>`,
    );
    expect(cleanHtmlTree(tree)).toEqual([
      htmlElement('p', { class: 'title' }, [htmlText('题')]),
      htmlElement('p', {}, [htmlElement('img', { src: 'a.png', alt: '说明' })]),
      htmlElement('table', {}, [htmlElement('tr', {}, [htmlElement('td', { colspan: '2', rowspan: '3' }, [htmlElement('p', {}, [htmlText('格')])])])]),
      htmlElement('ol', { start: '4' }, [htmlElement('li', {}, [htmlText('项')])]),
    ]);
  });

  it('leaves nothing but BLOCK_TAGS, INLINE_FORMAT_TAGS and the meaningful attributes', () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>.x{}</style></head><body lang=ZH-CN><div class=WordSection1>
      <p class=MsoTitle align=center><span style='font-family:黑体'>标题</span></p>
      <p class=MsoNormal><span style='color:#333'><a name="_Toc1"></a>正文<font size=4><b>加粗</b></font><abbr>缩写</abbr><mark>高亮</mark></span></p>
      <table class=MsoTableGrid border=1 cellpadding=0><tbody><tr style='height:20pt'><td width=100 valign=top><p class=MsoNormal>格</p></td></tr></tbody></table>
      <ul type=disc><li class=MsoNormal style='color:red'>项<span lang=EN-US>一</span></li></ul><hr size=2 width="100%"><img width=100 src="a.png" v:shapes="_x0000_i1025">
      </div></body></html>`;
    const allowedTags = new Set([...BLOCK_TAGS, ...Object.keys(INLINE_FORMAT_TAGS)]);
    const allowedAttrs: Record<string, string[]> = { img: ['src', 'alt'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], ol: ['start'] };
    const visit = (nodes: readonly HtmlNode[]): void => {
      for (const n of nodes) {
        if (n.type === 'text') continue;
        expect(allowedTags).toContain(n.tag);
        for (const name of Object.keys(n.attrs)) expect([...(allowedAttrs[n.tag] ?? []), 'class']).toContain(name);
        if (n.attrs.class !== undefined) expect(['title', 'subtitle', 'caption']).toContain(n.attrs.class);
        visit(n.children);
      }
    };
    const cleaned = cleanHtmlTree(parseHtml(word));
    visit(cleaned);
    expect(textContent(cleaned).replace(/\s+/g, '')).toBe('标题正文加粗缩写高亮格项一');
  });

  it('turns figcaption into a caption paragraph', () => {
    expect(cleanHtmlTree(parseHtml('<figure><img src="a.png"><figcaption>图注</figcaption></figure>'))).toEqual([
      htmlElement('p', {}, [htmlElement('img', { src: 'a.png' })]),
      htmlElement('p', { class: 'caption' }, [htmlText('图注')]),
    ]);
  });
});
