import { figureWidthShare, photoGridCells, PHOTO_GRID_GAP_MM } from '../../model/figures.js';
import type { FontRole, Layout, PageNumberStyle } from '../../model/layout.js';
import { COLOPHON_GAP_MM } from './colophon.js';
import { fontStack } from './fonts.js';

/** CSS string literal (for `content:`), escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}

/** The `content:` value of a page number in the chosen style (— 1 —, 第1页, 1). */
export function pageNumberContent(style: PageNumberStyle): string {
  switch (style) {
    case 'dash':
      return '"— " counter(page) " —"';
    case 'chinese':
      return '"第" counter(page) "页"';
    case 'plain':
      return 'counter(page)';
    case 'none':
      return 'none';
  }
}

/** A share (0–1) as a CSS percentage, without float noise (0.45 → `45%`, not `45.00000000000001%`). */
export function cssPercent(share: number): string {
  return `${Number((share * 100).toFixed(4))}%`;
}

/** Turns a layout font family into a CSS `font-family` value. */
export type FamilyCss = (family: string) => string;

function fontOf(layout: Layout, role: FontRole, families: FamilyCss): string {
  const f = layout.fonts[role];
  return `font-family: ${families(f.family)}; font-size: ${f.sizePt}pt; font-weight: ${f.bold ? 700 : 400};`;
}

/**
 * The print stylesheet of a layout: page box and margin boxes (running header, page
 * number), columns, and every element of the issue, with CJK typesetting rules.
 * `runningHeader` is the text of the header on pages after the first; `families` turns
 * a layout family into CSS (in Node: the installed system font or its bundled stand-in).
 */
export function printCss(layout: Layout, runningHeader: string, families: FamilyCss = fontStack): string {
  const fontStack = families;
  const font = (l: Layout, role: FontRole) => fontOf(l, role, families);
  const { page, margins: m } = layout;
  const accent = layout.accentColor;
  // 每行字数: spread (or tighten) the body so exactly that many characters fill a column.
  const columnMm = (page.widthMm - m.leftMm - m.rightMm - layout.gutterMm * (layout.columns - 1)) / layout.columns;
  const sizeMm = (layout.fonts.body.sizePt * 25.4) / 72;
  const tracking = layout.charsPerLine ? columnMm / layout.charsPerLine - sizeMm : 0;
  const body = layout.fonts.body;
  const number = pageNumberContent(layout.pageNumbers.style);
  const header = layout.header.show && runningHeader !== '' ? cssString(runningHeader) : 'none';
  const smallFont = `font-family: ${fontStack(layout.fonts.colophon.family)}; font-size: 9pt; color: #444;`;
  return `
@page {
  size: ${page.widthMm}mm ${page.heightMm}mm;
  margin: ${m.topMm}mm ${m.rightMm}mm ${m.bottomMm}mm ${m.leftMm}mm;
  @top-center {
    content: ${header};
    ${smallFont}
    vertical-align: bottom;
    padding-bottom: 2.5mm;
    border-bottom: 0.6pt solid ${accent};
    margin-bottom: 4mm;
  }
  @bottom-center {
    content: ${number};
    font-family: ${fontStack(layout.fonts.colophon.family)};
    font-size: ${Math.min(14, Math.max(9, body.sizePt - 2))}pt;
    vertical-align: top;
    padding-top: 4mm;
  }
}
@page :first {
  @top-center { content: none; border: none; }
}
* { box-sizing: border-box; }
html {
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
  color: #111;
  ${layout.pageNumbers.first > 1 ? `counter-reset: page ${layout.pageNumbers.first - 1};` : ''}
}
body {
  margin: 0;
  ${font(layout, 'body')}
  line-height: ${layout.leading};
  line-break: strict;
  word-break: normal;
  overflow-wrap: anywhere;
  text-spacing-trim: normal;
  hanging-punctuation: none;
  font-kerning: normal;
}
p { margin: 0; text-indent: 2em; text-align: justify; text-justify: inter-character; orphans: 2; widows: 2; }
${tracking ? `.art-body p, .art-body li { letter-spacing: ${tracking.toFixed(3)}mm; text-indent: calc(2em + ${(2 * tracking).toFixed(3)}mm); }` : ''}

/* 报头 masthead */
.masthead { text-align: center; margin-bottom: 7mm; break-inside: avoid; }
.mh-top { display: flex; justify-content: space-between; ${smallFont} font-size: 10.5pt; color: #222; margin-bottom: 3mm; }
.mh-title { margin: 0; ${font(layout, 'masthead')} color: ${accent}; letter-spacing: 0.12em; line-height: 1.15; text-indent: 0.12em; }
.mh-title img { max-height: ${Math.round(layout.fonts.masthead.sizePt * 1.6)}pt; max-width: 100%; }
.mh-subtitle { ${font(layout, 'deck')} font-size: 12pt; color: ${accent}; margin-top: 1mm; letter-spacing: 0.1em; }
.mh-issue { ${font(layout, 'colophon')} font-size: ${Math.max(12, layout.fonts.colophon.sizePt + 2)}pt; margin-top: 3mm; letter-spacing: 0.05em; }
.mh-meta { display: flex; justify-content: space-between; align-items: baseline; ${font(layout, 'colophon')} margin-top: 4mm; padding: 0 1mm 1.5mm; }
.mh-rule { border-top: 2.2pt solid ${accent}; border-bottom: 0.7pt solid ${accent}; height: 3pt; }

/* 栏目 section banners */
.banner-row { display: flex; gap: 3mm; align-items: stretch; margin: 6mm 0 4.5mm; border-bottom: 1.6pt solid ${accent}; break-after: avoid; break-inside: avoid; column-span: all; }
.banner { ${font(layout, 'banner')} color: #fff; background: ${accent}; padding: 1.2mm 5mm 1mm 4mm; letter-spacing: 0.22em; line-height: 1.3; position: relative; }
.banner::before { content: ""; display: inline-block; width: 0.5em; height: 0.5em; margin-right: 0.55em; background: #fff; transform: rotate(45deg) translateY(-0.12em); }
.banner-row.first { margin-top: 0; }

/* 稿件 articles */
.article { margin-bottom: 6mm; }
.art-head { text-align: center; break-inside: avoid; break-after: avoid; column-span: all; margin-bottom: 3.5mm; }
.kicker { ${font(layout, 'kicker')} margin-bottom: 1mm; }
.headline { margin: 0; ${font(layout, 'headline')} line-height: 1.35; letter-spacing: 0.02em; text-wrap: balance; }
.deck { ${font(layout, 'deck')} margin-top: 1.5mm; line-height: 1.5; }
.byline { ${font(layout, 'byline')} margin-top: 1.5mm; color: #333; }
${layout.columns > 1 ? `.art-body { column-count: ${layout.columns}; column-gap: ${layout.gutterMm}mm; column-fill: balance; column-rule: 0.4pt solid #bbb; }` : '/* one column: no multicol box, whose start Chromium breaks before even after a headline (break-after: avoid) */'}
.subhead { margin: 0.6em 0 0.2em; font-family: ${fontStack(layout.fonts.banner.family)}; font-size: ${body.sizePt}pt; font-weight: 700; text-indent: 2em; break-after: avoid; }
blockquote { margin: 0.3em 2em; font-family: ${fontStack(layout.fonts.deck.family)}; text-align: justify; }
ul, ol { margin: 0.2em 0 0.2em 2em; padding-left: 1.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: ${Math.max(7.5, body.sizePt - 1.5)}pt; line-height: 1.45; break-inside: avoid; }
td, th { border: 0.5pt solid #555; padding: 0.8mm 1.5mm; vertical-align: top; }
th { font-family: ${fontStack(layout.fonts.banner.family)}; font-weight: 700; background: #f2f2f2; }
hr { border: none; border-top: 0.5pt solid #777; margin: 0.6em 25%; }

/* 图片 figures: never split from their captions */
.fig { margin: 2mm auto 3mm; break-inside: avoid; text-align: center; }
.fig img { display: block; width: 100%; height: auto; }
.fig-column { width: ${cssPercent(figureWidthShare('column', layout.columns))}; }
.fig-half { width: ${cssPercent(figureWidthShare('half', layout.columns))}; }
.fig-page { column-span: all; }
.fig-missing { width: 100%; aspect-ratio: 4 / 3; border: 0.6pt dashed #999; background: repeating-linear-gradient(45deg, #f4f4f4 0 3mm, #fafafa 3mm 6mm); }
figcaption { ${font(layout, 'caption')} line-height: 1.45; margin-top: 1.5mm; text-align: center; color: #222; }

/* 图片新闻 photo news */
.photo-grid { display: grid; grid-template-columns: repeat(${photoGridCells(layout.columns)}, 1fr); gap: ${PHOTO_GRID_GAP_MM}mm; }
.photo-item { break-inside: avoid; }
.photo-item .headline { font-size: ${Math.max(layout.fonts.body.sizePt + 1, layout.fonts.headline.sizePt * 0.7)}pt; margin-bottom: 1.5mm; }
.photo-item .fig { margin: 0 0 2mm; }
.photo-text { ${font(layout, 'caption')} line-height: 1.6; text-indent: 2em; text-align: justify; }

/* 报尾 colophon; the PDF service pushes it to the foot of the last page (colophon.ts) */
.colophon { position: relative; margin-top: ${COLOPHON_GAP_MM}mm; break-inside: avoid; ${font(layout, 'colophon')} line-height: 1.8; }
.colophon-mark { position: absolute; left: 0; width: 1.5pt; height: 1.5pt; }
.colophon-mark.top { top: 0; }
.colophon-mark.bottom { bottom: 0; }
.colophon .rule { border-top: 1pt solid #111; }
.colophon .rule.thin { border-top-width: 0.5pt; }
.colophon p { text-indent: 0; text-align: left; padding: 0.6mm 1em; }
.colophon .label { font-weight: 700; }
.colophon .col-line { display: flex; justify-content: space-between; padding: 0.6mm 1em; }
`;
}
