import { Paragraph, SymbolRun, Tab, TextRun, type ImageRun } from 'docx';
import type { Issue } from '../../model/issue.js';
import { formatIssueLine } from '../../model/issueLine.js';
import type { AssetResolver } from '../assets.js';
import { chineseDate } from '../print/document.js';
import { embeddableImage, imageRun } from './figure.js';
import { textRuns } from './inline.js';
import { BANNER_LABEL_STYLE } from './styles.js';
import { twipsOfPt, type PageGeometry } from './units.js';

/**
 * The masthead (报头) at the top of page 1 and the banner rows, as styled paragraphs.
 * Rules are paragraph borders (`w:pBdr`): drawn shapes would need `mc:AlternateContent`
 * to validate. The colophon (报尾) that closes the issue is in colophon.ts.
 */

/** The title image, at most 1.6 × the masthead size high and the text width wide (twips). */
function titleImage(issue: Issue, assets: AssetResolver, geometry: PageGeometry): ImageRun[] | null {
  const id = issue.masthead.titleAssetId;
  const image = id ? embeddableImage(id, assets) : null;
  if (!image) return null;
  const maxHeight = twipsOfPt(issue.layout.fonts.masthead.sizePt * 1.6);
  // 15 twips a pixel is the image at 96 dpi: never drawn larger than that.
  const scale = Math.min(maxHeight / image.height, geometry.textWidth / image.width, 15);
  return [imageRun(image, { width: image.width * scale, height: image.height * scale }, issue.publication.name)];
}

/**
 * The masthead: 内部资料 and permit line (when set), the title (or its image) in the
 * accent colour, the subtitle, the issue line 2024年第3期（总第186期）, then publisher
 * and date on one line over the red thick-and-thin rule.
 */
export function mastheadParagraphs(issue: Issue, assets: AssetResolver, geometry: PageGeometry): Paragraph[] {
  const p = issue.publication;
  const out: Paragraph[] = [];
  if (p.internal || p.permit) {
    out.push(new Paragraph({ style: 'MastheadNote', children: textRuns(`${p.internal ? '内部资料\u3000免费交流' : ''}\t${p.permit}`) }));
  }
  const image = titleImage(issue, assets, geometry);
  // A title image stands on auto line spacing: exact spacing would cut it off.
  out.push(new Paragraph({ style: 'MastheadTitle', children: image ?? textRuns(p.name), spacing: image ? { line: 240 } : undefined }));
  if (p.subtitle) out.push(new Paragraph({ style: 'MastheadSubtitle', children: textRuns(p.subtitle) }));
  out.push(new Paragraph({ style: 'IssueLine', children: textRuns(formatIssueLine(issue.number)) }));
  out.push(new Paragraph({ style: 'MastheadMeta', children: [new TextRun({ children: [p.publisher, new Tab(), chineseDate(issue.date)] })] }));
  return out;
}

/**
 * A banner row: the titles of one or more sections (栏目) as white-on-accent labels on
 * one paragraph with an accent rule under it. Empty sections share the row of the next
 * one, as in the PDF.
 */
export function bannerParagraph(titles: readonly string[], fontName: string): Paragraph {
  const label = { style: BANNER_LABEL_STYLE.id };
  const children = titles.flatMap((title, i) => [
    ...(i > 0 ? [new TextRun({ text: '\u3000' })] : []),
    new TextRun({ ...label, text: '\u3000' }),
    // The diamond is an ornament, not part of the title: a symbol character, which readers such as mammoth skip.
    new SymbolRun({ ...label, char: '25C6', symbolfont: fontName, characterSpacing: 60 }),
    new TextRun({ ...label, text: `${title.trim()}\u3000` }),
  ]);
  return new Paragraph({ style: 'Banner', children });
}
