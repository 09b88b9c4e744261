import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { imagesLeftOut, toDocx } from '../../../../../shared/export/docx/document.js';
import { figureBox } from '../../../../../shared/export/docx/figure.js';
import { pageGeometry, twipsOfMm } from '../../../../../shared/export/docx/units.js';
import { bodyOf, figureNode, paragraphNode, textNode, TextFormat, type BlockNode, type FigureNode } from '../../../../../shared/model/body.js';
import type { Issue } from '../../../../../shared/model/issue.js';
import { makePng, poster } from '../../../../integration/docx/images.js';
import { allMatches, emptyIssue, memoryAssets, packed, paragraphTexts, textSampleIssue, type Parts } from './unpack.js';

const GOLDEN_DIR = new URL('./golden/', import.meta.url);
const GOLDEN = new URL('./golden/sample-document.xml', import.meta.url);

/** document.xml with one block a line and the process-wide drawing ids numbered from 1, for a reviewable golden file. */
function normalized(documentXml: string): string {
  let n = 0;
  return documentXml.replace(/<w:(p|tbl)>|<w:p (?=[^>]*>)/g, (m) => `\n${m}`).replace(/(<wp:docPr id=")\d+/g, (_m, p: string) => `${p}${++n}`);
}

function withStory(issue: Issue, blocks: BlockNode[], fields: Partial<Issue['sections'][number]['articles'][number]> = {}): Issue {
  const article = { id: 'article01', kind: 'story' as const, kicker: '', headline: '标题', deck: '', byline: '', status: 'draft' as const, ...fields, body: bodyOf(blocks) };
  return { ...issue, sections: [{ id: 'section01', title: '栏目', articles: [article] }] };
}

const figure = (assetId: string | null, caption: string, width: FigureNode['width'] = 'column'): FigureNode => ({ ...figureNode(caption, assetId), width });

describe('toDocx on the sample bulletin (text import)', () => {
  let parts: Parts;
  beforeAll(async () => {
    ({ parts } = await packed(textSampleIssue()));
  });

  it('matches the reviewed golden document.xml (UPDATE_GOLDEN=1 rewrites it after a deliberate change)', () => {
    const xml = normalized(parts['word/document.xml']);
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(GOLDEN, xml);
    }
    expect(xml).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('opens with the masthead: title, issue line, publisher and date, then the first banner row', () => {
    const texts = paragraphTexts(parts['word/document.xml']).filter((t) => t !== '');
    expect(texts.slice(0, 4)).toEqual(['渝工简报', '2024年第3期（总第186期）', '重庆市总工会办公室2024年3月20日', '\u3000渝工铸魂\u3000\u3000\u3000渝工建功\u3000']);
    expect(parts['word/document.xml']).toMatch(/<w:pStyle w:val="MastheadMeta"\/><\/w:pPr><w:r><w:t xml:space="preserve">重庆市总工会办公室<\/w:t><w:tab\/>/);
  });

  it('styles every headline, deck and caption, and sets body paragraphs in 正文', () => {
    const doc = parts['word/document.xml'];
    const styled = (style: string, text: string) => new RegExp(`<w:pStyle w:val="${style}"/>(<w:spacing [^>]*/>)?</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t>`);
    expect(styled('Headline', '巾帼匠心筑梦 强国复兴有我').test(doc)).toBe(true);
    expect(styled('Deck', '市总工会举办巾帼劳模工匠大宣讲活动').test(doc)).toBe(true);
    expect(styled('Caption', '巾帼劳模工匠大宣讲现场').test(doc)).toBe(true);
    expect(allMatches(doc, /<w:pStyle w:val="(BodyText|PhotoText)"\/>/).length).toBeGreaterThan(25);
  });

  it('marks a photo that is still missing with an empty dashed frame, not with text', () => {
    expect(parts['word/document.xml']).toMatch(/<w:pStyle w:val="Figure"\/><w:pBdr><w:top w:val="dashed"[^]*?<\/w:pPr><\/w:p>/);
  });

  it('ends with the colophon: its 印发 line, then the blank paragraph its frame is anchored to', () => {
    const texts = paragraphTexts(parts['word/document.xml']);
    expect(texts.filter((t) => t !== '').at(-1)).toBe('重庆市总工会办公室2024年3月20日印发');
    expect(texts.at(-1)).toBe('');
  });

  it('sets document properties: title, author, subject, keywords, description', () => {
    const core = parts['docProps/core.xml'];
    expect(core).toContain('<dc:title>渝工简报 2024年第3期（总第186期）</dc:title>');
    expect(core).toContain('<dc:creator>重庆市总工会办公室</dc:creator>');
    expect(core).toContain('<dc:subject>渝工简报</dc:subject>');
    expect(core).toContain('<cp:keywords>渝工铸魂，渝工建功，渝工暖心，图片新闻</cp:keywords>');
    expect(core).toMatch(/<dc:description>市总工会党组 学习贯彻全国两会精神；巾帼匠心筑梦/);
    expect(core).toMatch(/<dcterms:created xsi:type="dcterms:W3CDTF">\d{4}-/);
  });
});

describe('the colophon (报尾)', () => {
  const colophonOf = (template: 'bulletin' | 'newsletter'): Issue => ({
    ...textSampleIssue(template),
    colophon: {
      distribution: [
        { label: '报', text: '全国总工会办公厅' },
        { label: '送', text: ' ' },
        { label: '发', text: '市总工会各部门' },
      ],
      editor: '李明',
      reviewer: '',
      approver: '张强',
      copies: 300,
    },
  });
  /** The 报尾 paragraphs of document.xml, in order. */
  const colophonParagraphs = (doc: string) => allMatches(doc, /(<w:p><w:pPr><w:pStyle w:val="Colophon"\/>.*?<\/w:p>)/);
  const text = (p: string) => allMatches(p, /<w:t[^>]*>([^<]*)<\/w:t>/).join('');
  const shaded = (p: string) => p.includes('<w:shd w:fill="111111"');
  const height = (p: string) => /<w:spacing [^>]*w:line="(\d+)" w:lineRule="exact"\/>/.exec(p)?.[1];

  it('stands in one frame on the foot of the type area of a one-column issue, between shaded rules', async () => {
    const issue = colophonOf('bulletin');
    const doc = (await packed(issue)).parts['word/document.xml'];
    const paragraphs = colophonParagraphs(doc);
    expect(paragraphs.map(text)).toEqual(['', '报：全国总工会办公厅', '发：市总工会各部门', '', '重庆市总工会办公室2024年3月20日印发', '责任编辑：李明\u3000签发：张强共印300份', '', '']);
    // GB/T 9704-2012 §7.4.1: one frame as wide as the type area, on its bottom edge, 10 mm clear of the text above
    const frame = `<w:framePr w:w="${pageGeometry(issue.layout).textWidth}" w:hAnchor="margin" w:vAnchor="margin" w:hSpace="0" w:vSpace="${twipsOfMm(10)}" w:xAlign="center" w:yAlign="bottom" w:wrap="notBeside"/>`;
    expect(paragraphs.slice(0, -1).every((p) => p.includes(frame))).toBe(true);
    // rules 1 pt, 0.5 pt and 1 pt high, drawn as shading: LibreOffice drops a frame whose paragraphs have differing borders
    expect(paragraphs.filter(shaded).map(height)).toEqual(['20', '10', '20']);
    expect(paragraphs.some((p) => p.includes('<w:pBdr>'))).toBe(false);
    // the frame stands on the page of the paragraph after it: empty, unframed, 1 pt high, the last of the document
    const anchor = paragraphs.at(-1) ?? '';
    expect(anchor).not.toContain('framePr');
    expect(height(anchor)).toBe('20');
    expect(doc.indexOf(anchor)).toBe(doc.lastIndexOf('<w:p>'));
  });

  it('follows the last article of an issue in columns (no frame among column sections), kept together, 10 mm below it', async () => {
    const doc = (await packed(colophonOf('newsletter'))).parts['word/document.xml'];
    const paragraphs = colophonParagraphs(doc);
    expect(doc).not.toContain('framePr');
    expect(paragraphs.map(text)).toEqual(['', '', '报：全国总工会办公厅', '发：市总工会各部门', '', '重庆市总工会办公室2024年3月20日印发', '责任编辑：李明\u3000签发：张强共印300份', '']);
    expect(paragraphs[0]).toContain(`<w:spacing w:after="0" w:before="${twipsOfMm(10)}" w:line="20" w:lineRule="exact"/>`);
    expect(paragraphs.filter(shaded).map(height)).toEqual(['20', '10', '20']);
    expect(paragraphs.map((p) => !p.includes('<w:keepNext w:val="false"/>'))).toEqual([true, true, true, true, true, true, true, false]);
  });
});

describe('page setup', () => {
  it('sizes the page and margins in twips from the layout, with header and page-number footer', async () => {
    const { parts } = await packed(emptyIssue('bulletin'));
    const doc = parts['word/document.xml'];
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(doc).toContain(`<w:pgMar w:top="${twipsOfMm(37)}" w:right="${twipsOfMm(26)}" w:bottom="${twipsOfMm(35)}" w:left="${twipsOfMm(28)}"`);
    expect(doc).toContain('<w:pgNumType w:start="1" w:fmt="decimal"/>');
    expect(doc).toContain('<w:titlePg/>'); // page 1 (the masthead) has no running header
    const footer = parts['word/footer1.xml'];
    expect(footer).toContain('<w:t xml:space="preserve">— </w:t>');
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(parts['word/header1.xml']).toContain('渝工简报\u30002024年第3期（总第186期）');
  });

  it.each([
    ['chinese', '第', '页'],
    ['plain', null, null],
  ] as const)('writes page numbers in the %s style', async (style, before, after) => {
    const issue = emptyIssue();
    issue.layout.pageNumbers = { style, first: 5 };
    const { parts } = await packed(issue);
    const footer = parts['word/footer1.xml'];
    expect(footer).toContain('PAGE');
    if (before) expect(footer).toContain(`<w:t xml:space="preserve">${before}</w:t>`);
    if (after) expect(footer).toContain(`<w:t xml:space="preserve">${after}</w:t>`);
    if (!before) expect(footer).not.toContain('<w:t');
    expect(parts['word/document.xml']).toContain('<w:pgNumType w:start="5" w:fmt="decimal"/>');
  });

  it('leaves out the footer with page numbers off, and the header text when the header is hidden', async () => {
    const issue = emptyIssue();
    issue.layout.pageNumbers.style = 'none';
    issue.layout.header.show = false;
    const { parts } = await packed(issue);
    expect(parts['word/document.xml']).not.toContain('footerReference');
    expect(parts['word/header1.xml']).not.toContain('<w:t');
  });

  it('writes a landscape page with its long side as width', async () => {
    const issue = emptyIssue();
    issue.layout.page = { preset: 'custom', widthMm: 297, heightMm: 210 };
    const { parts } = await packed(issue);
    expect(parts['word/document.xml']).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
  });

  it('sets columned bodies apart from page-wide heads with continuous section breaks', async () => {
    const issue = withStory(emptyIssue('newsletter'), [paragraphNode('正文一。'), figure(null, '通栏图片', 'page'), paragraphNode('正文二。')]);
    const { parts } = await packed(issue);
    const cols = allMatches(parts['word/document.xml'], /<w:cols ([^/]*)\/>/);
    // masthead + banner + head | body | page-wide figure | body | colophon
    expect(cols).toEqual(['w:num="1"', 'w:space="340" w:num="2" w:sep="true" w:equalWidth="true"', 'w:num="1"', 'w:space="340" w:num="2" w:sep="true" w:equalWidth="true"', 'w:num="1"']);
    expect(allMatches(parts['word/document.xml'], /<w:type w:val="(\w+)"\/>/)).toEqual(['continuous', 'continuous', 'continuous', 'continuous']);
  });

  it('keeps a one-column issue in one section', async () => {
    const { parts } = await packed(textSampleIssue('bulletin'));
    expect(parts['word/document.xml'].match(/<w:sectPr>/g)).toHaveLength(1);
  });
});

describe('body content', () => {
  const list = (listType: 'bullet' | 'number', items: string[], start = 1): BlockNode => ({
    type: 'list',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    listType,
    start,
    tag: listType === 'number' ? 'ol' : 'ul',
    children: items.map((t, i) => ({ type: 'listitem', version: 1, direction: null, format: '', indent: 0, value: i + 1, children: [textNode(t)] })),
  });

  it('writes lists with real numbering definitions, each list numbered from its own start', async () => {
    const issue = withStory(emptyIssue(), [list('bullet', ['甲', '乙']), list('number', ['一', '二']), list('number', ['三'], 3)]);
    const { parts } = await packed(issue);
    const numbering = parts['word/numbering.xml'];
    expect(numbering).toContain('<w:numFmt w:val="decimal"/><w:suff w:val="tab"/><w:lvlText w:val="%1."/>');
    expect(numbering).toContain('<w:lvlText w:val="（%2）"/>');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/><w:suff w:val="tab"/><w:lvlText w:val="●"/>');
    expect(numbering).toMatch(/<w:startOverride w:val="3"\/>/);
    const items = allMatches(parts['word/document.xml'], /<w:pStyle w:val="ListParagraph"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/>/);
    expect(items).toHaveLength(5);
    expect(new Set(items).size).toBe(3); // three lists, three instances
    expect(parts['word/document.xml']).not.toMatch(/<w:t[^>]*>[●•]/); // no typed bullets
  });

  it('writes tables across the text width with a repeated header row', async () => {
    const cell = (t: string, headerState = 0) => ({ type: 'tablecell' as const, version: 1 as const, direction: null, format: '' as const, indent: 0, headerState, colSpan: 1, rowSpan: 1, children: [paragraphNode(t)] });
    const row = (cells: ReturnType<typeof cell>[]) => ({ type: 'tablerow' as const, version: 1 as const, direction: null, format: '' as const, indent: 0, children: cells });
    const table: BlockNode = { type: 'table', version: 1, direction: null, format: '', indent: 0, children: [row([cell('奖项', 1), cell('数量', 1)]), row([cell('先进集体'), cell('100个')])] };
    const issue = withStory(emptyIssue(), [table]);
    const { parts } = await packed(issue);
    const doc = parts['word/document.xml'];
    const width = pageGeometry(issue.layout).textWidth;
    expect(doc).toContain(`<w:tblW w:type="dxa" w:w="${Math.floor(width / 2) * 2}"/>`);
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toMatch(/<w:shd w:fill="F2F2F2"[^>]*\/>.*?<w:b\/>.*?奖项/);
    expect(allMatches(doc, /<w:pStyle w:val="(TableText)"\/>/)).toHaveLength(4);
  });

  it('keeps format bits, aligned paragraphs lose their indent, and characters XML cannot hold are dropped', async () => {
    const centred = { ...paragraphNode('居中'), format: 'center' as const };
    const formatted = { ...paragraphNode(''), children: [textNode('粗', TextFormat.bold), textNode('斜', TextFormat.italic), textNode('下', TextFormat.underline), textNode('上', TextFormat.superscript)] };
    const issue = withStory(emptyIssue(), [centred, formatted, paragraphNode('控制\u0007字符\uFFFF'), paragraphNode('')], { headline: '两行\n标题' });
    const { parts } = await packed(issue);
    const doc = parts['word/document.xml'];
    expect(doc).toContain('<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/>');
    expect(doc).toContain('<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">粗</w:t>');
    expect(doc).toContain('<w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">斜</w:t>');
    expect(doc).toContain('<w:u w:val="single"/></w:rPr><w:t xml:space="preserve">下</w:t>');
    expect(doc).toContain('<w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">上</w:t>');
    expect(doc).toContain('>控制字符<');
    expect(doc).toMatch(/两行<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">标题/); // one headline paragraph, two lines
    expect(allMatches(doc, /<w:pStyle w:val="(BodyText)"\/>/)).toHaveLength(3); // the empty paragraph prints nothing
  });
});

describe('figures', () => {
  const png = makePng(400, 300, poster);
  const pngId = `${'a'.repeat(64)}.png`;
  const webpId = `${'b'.repeat(64)}.webp`;
  const assets = memoryAssets({ [pngId]: { bytes: png, width: 400, height: 300 }, [webpId]: { bytes: new Uint8Array([1]), width: 10, height: 10 } });

  it('scales a figure to its share of the column, keeps the aspect ratio and never upscales', () => {
    const g = pageGeometry(emptyIssue('bulletin').layout); // one column, 156 mm wide
    const big = figureBox({ width: 4000, height: 3000 }, 'column', g, 1);
    expect(big.width).toBe(Math.round(g.textWidth * 0.75));
    expect(big.height).toBe(Math.round((big.width * 3) / 4));
    expect(figureBox({ width: 4000, height: 3000 }, 'half', g, 1).width).toBe(Math.round(g.textWidth * 0.45));
    expect(figureBox({ width: 4000, height: 3000 }, 'page', g, 1).width).toBe(g.textWidth);
    expect(figureBox({ width: 200, height: 100 }, 'page', g, 1)).toEqual({ width: 3000, height: 1500 }); // 200 px at 96 dpi
    const g2 = pageGeometry(emptyIssue('newsletter').layout);
    expect(figureBox({ width: 4000, height: 3000 }, 'column', g2, 2).width).toBe(g2.columnWidth);
    const tall = figureBox({ width: 1000, height: 4000 }, 'page', g, 1);
    expect(tall.height).toBe(Math.round(g.textHeight * 0.7));
    expect(tall.width / tall.height).toBeCloseTo(0.25, 3);
  });

  it('embeds the image inline at that size with its caption as alt text, then the caption paragraph', async () => {
    const issue = withStory(emptyIssue(), [figure(pngId, '职工运动会现场')]);
    const { parts, media } = await packed(issue, assets);
    expect(media).toEqual(['word/media/image1.png']);
    const box = figureBox({ width: 400, height: 300 }, 'column', pageGeometry(issue.layout), 1);
    const doc = parts['word/document.xml'];
    expect(doc).toContain(`<wp:extent cx="${Math.round((box.width / 1440) * 96) * 9525}" cy="${Math.round((box.height / 1440) * 96) * 9525}"/>`);
    expect(doc).toMatch(/<wp:docPr id="\d+" name="职工运动会现场" descr="职工运动会现场"/);
    expect(doc).toMatch(/<w:pStyle w:val="Figure"\/><\/w:pPr><w:r><w:drawing>.*?<\/w:p><w:p><w:pPr><w:pStyle w:val="Caption"\/><\/w:pPr><w:r><w:t xml:space="preserve">职工运动会现场/);
  });

  it('puts a marked frame where an image is missing or in a format Word cannot hold, and reports them', async () => {
    const missing = `${'c'.repeat(64)}.jpg`;
    const issue = withStory(emptyIssue(), [figure(missing, '缺图'), figure(webpId, 'WebP 图片'), figure(null, '待补图片'), figure(pngId, '')]);
    const { parts, media } = await packed(issue, assets);
    expect(media).toEqual(['word/media/image1.png']);
    expect(parts['word/document.xml'].match(/<w:top w:val="dashed"/g)).toHaveLength(3);
    expect(imagesLeftOut(issue, assets)).toEqual([missing, webpId]);
  });

  it('uses the masthead title image in place of the typeset name', async () => {
    const issue = { ...emptyIssue(), masthead: { titleAssetId: pngId } };
    const { parts } = await packed(issue, assets);
    expect(parts['word/document.xml']).toMatch(/<w:pStyle w:val="MastheadTitle"\/><w:spacing w:line="240"\/><\/w:pPr><w:r><w:drawing>/);
    expect(paragraphTexts(parts['word/document.xml'])).not.toContain('渝工简报');
  });

  it('builds the Document without touching a package (pure)', () => {
    expect(toDocx(emptyIssue(), assets).Document).toBeDefined();
  });
});
