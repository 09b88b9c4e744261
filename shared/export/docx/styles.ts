import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  OnOffElement,
  ParagraphProperties,
  RunPropertiesDefaults,
  ShadingType,
  XmlComponent,
  type ICharacterStyleOptions,
  type IParagraphStyleOptions,
  type IRunStylePropertiesOptions,
  type ISpacingProperties,
  type IStylesOptions,
} from 'docx';
import type { FontRole, Layout } from '../../model/layout.js';
import { runFonts } from './fonts.js';
import { borderEighths, halfPoints, hexColor, pageGeometry, twipsOfMm, twipsOfPt } from './units.js';

/**
 * The named styles of a Masthead DOCX. Each part of the issue gets a paragraph style an
 * editor can restyle in Word or WPS (the id is stable, the name is what the style list
 * shows). In-article subheadings, quotes, lists, page header and footer use Word's
 * built-in names (heading 2, Quote, List Paragraph, header, footer), which Word and WPS
 * show in the user's language and which Word's navigation pane and mammoth know.
 * Note: Chinese Word and WPS also show their built-in Normal as 正文 and Title as 标题;
 * the style ids (BodyText, Headline) keep ours apart from those.
 */
export const DOCX_STYLE_NAMES = {
  MastheadNote: '报头眉注',
  MastheadTitle: '报头',
  MastheadSubtitle: '报头副题',
  IssueLine: '期号',
  MastheadMeta: '报头信息',
  Banner: '栏目',
  Kicker: '引题',
  Headline: '标题',
  Deck: '副题',
  Byline: '作者',
  BodyText: '正文',
  Figure: '图片',
  Caption: '图注',
  PhotoHeadline: '图片新闻标题',
  PhotoText: '图片新闻正文',
  TableText: '表格文字',
  Colophon: '报尾',
  Heading2: 'heading 2',
  Heading3: 'heading 3',
  Heading4: 'heading 4',
  Quote: 'Quote',
  ListParagraph: 'List Paragraph',
  Header: 'header',
  Footer: 'footer',
} as const;

/** Id of a paragraph style of a Masthead DOCX. */
export type DocxStyleId = keyof typeof DOCX_STYLE_NAMES;

/** The character style of a banner label (white on the accent colour) and its name. */
export const BANNER_LABEL_STYLE = { id: 'BannerLabel', name: '栏目标签' } as const;

/**
 * A mammoth style map that reads a Masthead DOCX back by its style names: headlines
 * as `h1.headline` (photo news `h2.headline`), kicker, deck, byline, caption, banner,
 * masthead and colophon lines as classed paragraphs; body text stays plain `p`, and
 * mammoth's defaults give subheadings (heading 2–4) and lists. Give it to
 * `mammoth.convertToHtml({ styleMap })`; a DOCX importer can use it to recognise
 * Masthead's own files.
 */
export const DOCX_READBACK_STYLE_MAP: readonly string[] = [
  `p[style-name='${DOCX_STYLE_NAMES.Headline}'] => h1.headline:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.PhotoHeadline}'] => h2.headline:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.Kicker}'] => p.kicker:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.Deck}'] => p.deck:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.Byline}'] => p.byline:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.Caption}'] => p.caption:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.Banner}'] => p.banner:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.MastheadNote}'] => p.masthead:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.MastheadTitle}'] => p.masthead:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.MastheadSubtitle}'] => p.masthead:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.IssueLine}'] => p.masthead:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.MastheadMeta}'] => p.masthead:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.Colophon}'] => p.colophon:fresh`,
  `p[style-name='${DOCX_STYLE_NAMES.Quote}'] => blockquote > p:fresh`,
];

/**
 * Exact line spacing of `pt` points (固定值), in twips. The layout's leading is a multiple
 * of the font size, as CSS `line-height` is; Word's "multiple" spacing multiplies the
 * font's own line height instead (1.3–1.45 × the size for CJK fonts), so exact spacing
 * is what reproduces the PDF, and what GB/T 9704 documents use. Pictures stand in
 * paragraphs without it (exact spacing would cut them off).
 */
export function exactLine(pt: number): ISpacingProperties {
  return { line: twipsOfPt(pt), lineRule: LineRuleType.EXACT };
}

/** Run properties of a layout font role, optionally at another size (pt). */
export function roleRun(layout: Layout, role: FontRole, sizePt?: number): IRunStylePropertiesOptions {
  const f = layout.fonts[role];
  return { font: runFonts(f.family), size: halfPoints(sizePt ?? f.sizePt), bold: f.bold };
}

/** Letter spacing of `em` of a `pt`-point font, in twips (`w:spacing` of a run). */
function tracking(em: number, pt: number): number {
  return twipsOfPt(em * pt);
}

/** The first-line indent of body paragraphs: 2 characters (首行缩进2字符) in 1/100 characters. */
export const FIRST_LINE_CHARS = 200;

/**
 * Paragraph defaults for Chinese: widow control, kinsoku (避头尾, GB/T 15834 line
 * breaking) on; no punctuation hanging into the margin and no extra space between
 * Chinese and Latin or digits, as in the PDF; opening punctuation compressed at a line
 * start (like the PDF's `text-spacing-trim`). Written by hand: the `docx` package has
 * no option for `w:kinsoku` and writes `w:autoSpaceDN` out of schema order.
 */
class ChineseParagraphDefaults extends XmlComponent {
  constructor() {
    super('w:pPrDefault');
    const pPr = new ParagraphProperties({});
    // CT_PPrBase order: widowControl … kinsoku, wordWrap, overflowPunct, topLinePunct, autoSpaceDE, autoSpaceDN
    pPr.push(new OnOffElement('w:widowControl', true));
    pPr.push(new OnOffElement('w:kinsoku', true));
    pPr.push(new OnOffElement('w:overflowPunct', false));
    pPr.push(new OnOffElement('w:topLinePunct', true));
    pPr.push(new OnOffElement('w:autoSpaceDE', false));
    pPr.push(new OnOffElement('w:autoSpaceDN', false));
    this.root.push(pPr);
  }
}

/** `w:docDefaults`: the body font, size and language for every run; Chinese paragraph rules. */
class ChineseDocDefaults extends XmlComponent {
  constructor(layout: Layout) {
    super('w:docDefaults');
    this.root.push(new RunPropertiesDefaults({ ...roleRun(layout, 'body'), bold: undefined, language: { eastAsia: 'zh-CN' } }));
    this.root.push(new ChineseParagraphDefaults());
  }
}

type StyleBody = Omit<IParagraphStyleOptions, 'id' | 'name'>;

function style(id: DocxStyleId, body: StyleBody): IParagraphStyleOptions {
  return { id, name: DOCX_STYLE_NAMES[id], basedOn: 'Normal', quickFormat: true, ...body };
}

function mastheadStyles(layout: Layout): IParagraphStyleOptions[] {
  const accent = hexColor(layout.accentColor);
  const title = layout.fonts.masthead.sizePt;
  const issueLine = Math.max(12, layout.fonts.colophon.sizePt + 2);
  const width = pageGeometry(layout).textWidth;
  return [
    style('MastheadNote', {
      run: { ...roleRun(layout, 'colophon', 10.5), color: '222222' },
      paragraph: { rightTabStop: width, spacing: { after: twipsOfMm(3) } },
    }),
    style('MastheadTitle', {
      next: 'IssueLine',
      run: { ...roleRun(layout, 'masthead'), color: accent, characterSpacing: tracking(0.12, title) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: exactLine(title * 1.15), keepNext: true },
    }),
    style('MastheadSubtitle', {
      run: { ...roleRun(layout, 'deck', 12), color: accent, characterSpacing: tracking(0.1, 12) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: twipsOfMm(1) }, keepNext: true },
    }),
    style('IssueLine', {
      next: 'MastheadMeta',
      run: { ...roleRun(layout, 'colophon', issueLine), characterSpacing: tracking(0.05, issueLine) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: twipsOfMm(3) }, keepNext: true },
    }),
    // The red rule under the masthead: a thick line over a thin one, as the paragraph's bottom border.
    style('MastheadMeta', {
      run: roleRun(layout, 'colophon'),
      paragraph: {
        rightTabStop: width - twipsOfMm(1),
        indent: { left: twipsOfMm(1), right: twipsOfMm(1) },
        spacing: { before: twipsOfMm(4), after: twipsOfMm(7) },
        border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: borderEighths(3), color: accent, space: 4 } },
      },
    }),
  ];
}

function articleStyles(layout: Layout): IParagraphStyleOptions[] {
  const accent = hexColor(layout.accentColor);
  const banner = layout.fonts.banner.sizePt;
  const size = (role: FontRole) => layout.fonts[role].sizePt;
  const centered = { alignment: AlignmentType.CENTER, keepNext: true } as const;
  const photoHeadline = Math.max(size('body') + 1, size('headline') * 0.7);
  return [
    style('Banner', {
      next: 'Headline',
      run: { ...roleRun(layout, 'banner'), characterSpacing: tracking(0.22, banner) },
      paragraph: {
        keepNext: true,
        outlineLevel: 0,
        spacing: { ...exactLine(banner * 1.45), before: twipsOfMm(6), after: twipsOfMm(3) },
        border: { bottom: { style: BorderStyle.SINGLE, size: borderEighths(1.6), color: accent, space: 0 } },
      },
    }),
    style('Kicker', {
      next: 'Headline',
      run: roleRun(layout, 'kicker'),
      paragraph: { ...centered, spacing: { ...exactLine(size('kicker') * 1.5), before: twipsOfMm(4), after: twipsOfMm(1) } },
    }),
    style('Headline', {
      next: 'Deck',
      run: { ...roleRun(layout, 'headline'), characterSpacing: tracking(0.02, size('headline')) },
      paragraph: { ...centered, outlineLevel: 1, spacing: { ...exactLine(size('headline') * 1.35), before: twipsOfMm(4) } },
    }),
    style('Deck', {
      next: 'BodyText',
      run: roleRun(layout, 'deck'),
      paragraph: { ...centered, spacing: { ...exactLine(size('deck') * 1.5), before: twipsOfMm(1.5) } },
    }),
    style('Byline', {
      next: 'BodyText',
      run: { ...roleRun(layout, 'byline'), color: '333333' },
      paragraph: { ...centered, spacing: { ...exactLine(size('byline') * 1.5), before: twipsOfMm(1.5) } },
    }),
    style('PhotoHeadline', {
      next: 'PhotoText',
      run: { ...roleRun(layout, 'headline', photoHeadline) },
      paragraph: { keepNext: true, outlineLevel: 1, spacing: { ...exactLine(photoHeadline * 1.35), before: twipsOfMm(1), after: twipsOfMm(1.5) } },
    }),
    style('PhotoText', {
      run: roleRun(layout, 'caption'),
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLineChars: FIRST_LINE_CHARS, firstLine: twipsOfPt(2 * size('caption')) },
        spacing: { ...exactLine(size('caption') * 1.6), after: twipsOfMm(4) },
      },
    }),
  ];
}

function bodyStyles(layout: Layout): IParagraphStyleOptions[] {
  const body = layout.fonts.body.sizePt;
  const leading = exactLine(body * layout.leading);
  const twoChars = twipsOfPt(2 * body);
  const table = Math.max(7.5, body - 1.5);
  const subhead = (id: 'Heading2' | 'Heading3' | 'Heading4', level: number): IParagraphStyleOptions =>
    style(id, {
      next: 'BodyText',
      run: { ...roleRun(layout, 'banner', body), bold: true },
      paragraph: {
        keepNext: true,
        outlineLevel: level,
        indent: { firstLineChars: FIRST_LINE_CHARS, firstLine: twoChars },
        spacing: { ...leading, before: twipsOfPt(body * 0.6), after: twipsOfPt(body * 0.2) },
      },
    });
  return [
    style('BodyText', {
      next: 'BodyText',
      run: roleRun(layout, 'body'),
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        // firstLine (twips) for readers that ignore firstLineChars; Word uses the characters.
        indent: { firstLineChars: FIRST_LINE_CHARS, firstLine: twoChars },
        spacing: leading,
      },
    }),
    subhead('Heading2', 2),
    subhead('Heading3', 3),
    subhead('Heading4', 4),
    style('Quote', {
      run: roleRun(layout, 'deck', body),
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        indent: { left: twoChars, right: twoChars },
        spacing: { ...leading, before: twipsOfPt(body * 0.3), after: twipsOfPt(body * 0.3) },
      },
    }),
    style('ListParagraph', { run: roleRun(layout, 'body'), paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: leading } }),
    style('TableText', { run: roleRun(layout, 'body', table), paragraph: { spacing: exactLine(table * 1.45) } }),
    style('Figure', {
      next: 'Caption',
      paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: twipsOfMm(2) } },
    }),
    style('Caption', {
      next: 'BodyText',
      run: { ...roleRun(layout, 'caption'), color: '222222' },
      paragraph: {
        alignment: AlignmentType.CENTER,
        keepLines: true,
        spacing: { ...exactLine(layout.fonts.caption.sizePt * 1.45), before: twipsOfMm(1.5), after: twipsOfMm(3) },
      },
    }),
  ];
}

function pageStyles(layout: Layout): IParagraphStyleOptions[] {
  const accent = hexColor(layout.accentColor);
  const colophon = layout.fonts.colophon.sizePt;
  const pageNumber = Math.min(14, Math.max(9, layout.fonts.body.sizePt - 2));
  const oneChar = twipsOfPt(colophon);
  return [
    style('Colophon', {
      run: roleRun(layout, 'colophon'),
      paragraph: {
        keepNext: true,
        keepLines: true,
        rightTabStop: pageGeometry(layout).textWidth - oneChar,
        indent: { left: oneChar, right: oneChar },
        spacing: exactLine(colophon * 1.8),
      },
    }),
    style('Header', {
      run: { ...roleRun(layout, 'colophon', 9), color: '444444' },
      paragraph: {
        alignment: AlignmentType.CENTER,
        border: { bottom: { style: BorderStyle.SINGLE, size: borderEighths(0.6), color: accent, space: 4 } },
      },
    }),
    style('Footer', { run: roleRun(layout, 'colophon', pageNumber), paragraph: { alignment: AlignmentType.CENTER } }),
  ];
}

/** The banner label: white letters on the accent colour, like the PDF's banner chips. */
function bannerLabel(layout: Layout): ICharacterStyleOptions {
  return {
    ...BANNER_LABEL_STYLE,
    quickFormat: true,
    run: { color: 'FFFFFF', shading: { type: ShadingType.CLEAR, color: 'auto', fill: hexColor(layout.accentColor) } },
  };
}

/**
 * The styles part of a layout: document defaults (body font in every `w:rFonts` slot,
 * body size, zh-CN, Chinese line breaking) and every named style with East-Asian fonts,
 * sizes in half-points, line spacing and indents from the layout.
 */
export function docxStyles(layout: Layout): IStylesOptions {
  return {
    // Replaces the docx package's default set (Title, blue headings …): only Masthead's styles remain.
    importedStyles: [new ChineseDocDefaults(layout)],
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', quickFormat: true },
      ...mastheadStyles(layout),
      ...articleStyles(layout),
      ...bodyStyles(layout),
      ...pageStyles(layout),
    ],
    characterStyles: [bannerLabel(layout)],
  };
}
