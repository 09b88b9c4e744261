import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_FONT_FAMILIES, docxFontName, fontTableEntry, runFonts } from '../../../../../shared/export/docx/fonts.js';
import { BANNER_LABEL_STYLE, DOCX_STYLE_NAMES, FIRST_LINE_CHARS } from '../../../../../shared/export/docx/styles.js';
import { borderEighths, halfPoints, pageGeometry, twipsOfMm } from '../../../../../shared/export/docx/units.js';
import { CHINESE_FONT_SIZES } from '../../../../../shared/typography/fontSizes.js';
import { emptyIssue, packed, styleXml, type Parts } from './unpack.js';

// The named styles an editor restyles in Word or WPS, and the Chinese typesetting they carry.

const EDITOR_STYLES = {
  MastheadTitle: '报头',
  IssueLine: '期号',
  Banner: '栏目',
  Kicker: '引题',
  Headline: '标题',
  Deck: '副题',
  Byline: '作者',
  BodyText: '正文',
  Caption: '图注',
  Colophon: '报尾',
} as const;

describe('units', () => {
  it('turns Chinese size names into half-points (三号 16 pt → 32, 五号 10.5 pt → 21)', () => {
    const byName = Object.fromEntries(CHINESE_FONT_SIZES.map((s) => [s.name, halfPoints(s.pt)]));
    expect(byName).toMatchObject({ 初号: 84, 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21, 小五: 18, 六号: 15, 小六: 13, 七号: 11, 八号: 10 });
  });

  it('measures pages in twips from mm and columns net of gutters', () => {
    expect(twipsOfMm(210)).toBe(11906);
    expect(twipsOfMm(297)).toBe(16838);
    expect(twipsOfMm(25.4)).toBe(1440);
    const g = pageGeometry(emptyIssue('newsletter').layout); // A4, 18 mm margins, 2 columns, 6 mm gutter
    expect(g.textWidth).toBe(twipsOfMm(174));
    expect(g.columnWidth).toBe(Math.floor((twipsOfMm(174) - twipsOfMm(6)) / 2));
    expect(borderEighths(0.5)).toBe(4);
    expect(borderEighths(40)).toBe(96); // the schema's limit
  });
});

describe('fonts', () => {
  it('names bundled fonts by family and keeps system names as they are', () => {
    expect(docxFontName('noto-serif-sc')).toBe('Noto Serif SC');
    expect(docxFontName('lxgw-wenkai')).toBe('LXGW WenKai');
    expect(docxFontName('仿宋_GB2312')).toBe('仿宋_GB2312');
    expect(runFonts('noto-sans-sc')).toEqual({ ascii: 'Noto Sans SC', hAnsi: 'Noto Sans SC', eastAsia: 'Noto Sans SC', cs: 'Noto Sans SC', hint: 'eastAsia' });
  });

  it('gives each bundled font the Windows font of its role as stand-in, and system fonts their English names', () => {
    expect(fontTableEntry('noto-serif-sc')).toMatchObject({ name: 'Noto Serif SC', altName: '宋体' });
    expect(fontTableEntry('noto-sans-sc')).toMatchObject({ name: 'Noto Sans SC', altName: '黑体' });
    expect(fontTableEntry('lxgw-wenkai')).toMatchObject({ name: 'LXGW WenKai', altName: '楷体' });
    expect(fontTableEntry('仿宋_GB2312')).toMatchObject({ altName: 'FangSong_GB2312' });
    expect(fontTableEntry('华文中宋')).toMatchObject({ name: '华文中宋', altName: null, panose: '02010600030101010101' });
    expect(Object.keys(BUNDLED_FONT_FAMILIES).sort()).toEqual(['lxgw-wenkai', 'noto-sans-sc', 'noto-serif-sc']);
  });
});

describe('styles.xml of the 简报 (bulletin) template', () => {
  let parts: Parts;
  let styles: string;
  beforeAll(async () => {
    ({ parts } = await packed(emptyIssue('bulletin')));
    styles = parts['word/styles.xml'];
  });

  it.each(Object.entries(EDITOR_STYLES))('has the paragraph style %s named %s', (id, name) => {
    const xml = styleXml(styles, id);
    expect(xml).toContain('w:type="paragraph"');
    expect(xml).toContain(`<w:name w:val="${name}"/>`);
    expect(DOCX_STYLE_NAMES[id as keyof typeof DOCX_STYLE_NAMES]).toBe(name);
  });

  it('sets an East-Asian font in every paragraph style that has a font', () => {
    const ids = Object.keys(DOCX_STYLE_NAMES).filter((id) => id !== 'Figure');
    for (const id of ids) {
      expect(styleXml(styles, id), id).toMatch(/<w:rFonts w:ascii="([^"]+)" w:cs="\1" w:eastAsia="\1" w:hAnsi="\1" w:hint="eastAsia"\/>/);
    }
  });

  it('takes sizes from the layout in half-points: body 三号 → 32, headline 二号 → 44, masthead 初号 → 84', () => {
    expect(styleXml(styles, 'BodyText')).toContain('<w:sz w:val="32"/>');
    expect(styleXml(styles, 'Headline')).toContain('<w:sz w:val="44"/>');
    expect(styleXml(styles, 'MastheadTitle')).toContain('<w:sz w:val="84"/>');
    expect(styleXml(styles, 'Caption')).toContain('<w:sz w:val="28"/>');
  });

  it('indents body text by two characters, justifies it, and spaces lines exactly at leading × size', () => {
    const body = styleXml(styles, 'BodyText');
    expect(body).toMatch(new RegExp(`<w:ind [^>]*w:firstLineChars="${FIRST_LINE_CHARS}"`));
    expect(FIRST_LINE_CHARS).toBe(200);
    expect(body).toContain('<w:jc w:val="both"/>');
    // 1.81 × 16 pt = 28.96 pt = 579 twips: GB/T 9704's 22 lines on an A4 type area
    expect(body).toContain('<w:spacing w:line="579" w:lineRule="exact"/>');
  });

  it('draws the masthead in the accent colour, centred, with the red rule as a paragraph border', () => {
    expect(styleXml(styles, 'MastheadTitle')).toContain('<w:color w:val="C8161D"/>');
    expect(styleXml(styles, 'MastheadTitle')).toContain('<w:jc w:val="center"/>');
    expect(styleXml(styles, 'MastheadMeta')).toMatch(/<w:pBdr><w:bottom w:val="thickThinSmallGap" w:color="C8161D"/);
    expect(styleXml(styles, 'Banner')).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="C8161D"/);
    const label = styleXml(styles, BANNER_LABEL_STYLE.id);
    expect(label).toContain('w:type="character"');
    expect(label).toContain('<w:shd w:fill="C8161D"');
  });

  it('keeps heads with what follows them and gives banners and headlines outline levels', () => {
    for (const id of ['Banner', 'Kicker', 'Headline', 'Deck', 'Byline', 'Figure']) expect(styleXml(styles, id), id).toContain('<w:keepNext/>');
    expect(styleXml(styles, 'Banner')).toContain('<w:outlineLvl w:val="0"/>');
    expect(styleXml(styles, 'Headline')).toContain('<w:outlineLvl w:val="1"/>');
  });

  it('sets body font, zh-CN and Chinese line breaking (kinsoku) in the document defaults', () => {
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    // The 简报 template sets 仿宋 for the body (GB/T 9704), by its system name.
    expect(defaults).toContain('w:eastAsia="仿宋"');
    expect(defaults).toContain('<w:lang w:eastAsia="zh-CN"/>');
    expect(defaults).toContain('<w:kinsoku/>');
    expect(defaults).toContain('<w:overflowPunct w:val="false"/>');
    expect(defaults).toContain('<w:autoSpaceDE w:val="false"/><w:autoSpaceDN w:val="false"/>');
  });

  it('leaves out the docx package defaults (blue headings, Title) and keeps Normal as the default style', () => {
    expect(styles).not.toContain('w:styleId="Title"');
    expect(styles).not.toContain('2E74B5');
    expect(styles).toContain('<w:style w:type="paragraph" w:styleId="Normal" w:default="1">');
  });

  it('writes the font table with each font’s stand-in', () => {
    const table = parts['word/fontTable.xml'];
    expect(table).toContain('<w:font w:name="Noto Serif SC"><w:altName w:val="宋体"/>');
    expect(table).toContain('<w:font w:name="Noto Sans SC"><w:altName w:val="黑体"/>');
    expect(table).toContain('<w:font w:name="LXGW WenKai"><w:altName w:val="楷体"/>');
    // the three bundled fonts, plus the template's system fonts (仿宋, 方正小标宋简体)
    expect(table.match(/<w:charset w:val="86"\/>/g)).toHaveLength(5);
  });
});

describe('styles.xml of the 报刊 (newsletter) template', () => {
  it('sets 五号 body text at 21 half-points and system fonts by name', async () => {
    const issue = emptyIssue('newsletter');
    issue.layout.fonts.body = { family: '宋体', sizePt: 10.5, bold: false };
    const { parts } = await packed(issue);
    const body = styleXml(parts['word/styles.xml'], 'BodyText');
    expect(body).toContain('<w:sz w:val="21"/>');
    expect(body).toContain('w:eastAsia="宋体"');
    expect(parts['word/fontTable.xml']).toContain('<w:font w:name="宋体"><w:altName w:val="SimSun"/>');
  });
});
