import { BorderStyle, ImageRun, LineRuleType, Paragraph, ShadingType, type IBorderOptions } from 'docx';
import type { FigureNode, FigureWidth } from '../../model/body.js';
import { figureWidthShare } from '../../model/figures.js';
import type { AssetResolver } from '../assets.js';
import { textRuns } from './inline.js';
import { pxOfTwips, type PageGeometry } from './units.js';

/** An image Word can embed: PNG, JPEG or GIF bytes with their pixel size. */
export interface EmbeddableImage {
  type: 'png' | 'jpg' | 'gif';
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * The image of an asset as Word can take it, or null when the file is missing, its size
 * unknown, or its format one that WordprocessingML does not carry (WebP).
 */
export function embeddableImage(assetId: string, assets: AssetResolver): EmbeddableImage | null {
  const ext = /\.(png|jpg|gif)$/.exec(assetId)?.[1];
  if (ext !== 'png' && ext !== 'jpg' && ext !== 'gif') return null;
  const data = assets.bytes(assetId);
  const size = assets.size(assetId);
  if (!data || !size || size.width <= 0 || size.height <= 0) return null;
  return { type: ext, data, ...size };
}

/** Twips per pixel at 96 to the inch: an image is never drawn larger than its pixels at 96 dpi. */
const TWIPS_PER_PX = 15;

/**
 * The drawn size of a figure in twips: its share of the column (or of the page width
 * for `page`), at the image's aspect ratio, never upscaled past its pixels at 96 dpi,
 * and no taller than 70 % of the text height (so a caption still fits on the page).
 * `columns` is the column count of the part of the page the figure stands in.
 */
export function figureBox(
  px: { width: number; height: number },
  width: FigureWidth,
  geometry: PageGeometry,
  columns: number,
): { width: number; height: number } {
  const available = columns === 1 || width === 'page' ? geometry.textWidth : geometry.columnWidth;
  let w = Math.min(available * figureWidthShare(width, columns), px.width * TWIPS_PER_PX);
  let h = (w * px.height) / px.width;
  const maxHeight = geometry.textHeight * 0.7;
  if (h > maxHeight) {
    w = (w * maxHeight) / h;
    h = maxHeight;
  }
  return { width: Math.round(w), height: Math.round(h) };
}

const FRAME_BORDER: IBorderOptions = { style: BorderStyle.DASHED, size: 5, color: '999999', space: 0 };

/**
 * A frame where a photo still has to go, like the PDF's hatched box: an empty paragraph
 * of the figure's width and a 4:3 height, with a dashed border and a light fill. It holds
 * no text, so a reader of the DOCX (mammoth, an importer) finds only the caption.
 */
function placeholderFrame(width: FigureWidth, geometry: PageGeometry, columns: number): Paragraph {
  const box = figureBox({ width: 4000, height: 3000 }, width, geometry, columns);
  const available = columns === 1 || width === 'page' ? geometry.textWidth : geometry.columnWidth;
  const side = Math.max(0, Math.round((available - box.width) / 2));
  return new Paragraph({
    style: 'Figure',
    indent: { left: side, right: side },
    spacing: { line: box.height, lineRule: LineRuleType.EXACT },
    border: { top: FRAME_BORDER, bottom: FRAME_BORDER, left: FRAME_BORDER, right: FRAME_BORDER },
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F4F4F4' },
  });
}

/** An inline picture of `box` twips, with the caption as its alternative text. */
export function imageRun(image: EmbeddableImage, box: { width: number; height: number }, altText: string): ImageRun {
  return new ImageRun({
    type: image.type,
    data: image.data,
    transformation: { width: Math.round(pxOfTwips(box.width)), height: Math.round(pxOfTwips(box.height)) },
    altText: { name: altText, description: altText, title: altText },
  });
}

/**
 * A figure as paragraphs: the picture (style 图片, kept with the next paragraph) or,
 * while the photo is missing, a marked frame; then the caption (style 图注) when it has one.
 */
export function figureParagraphs(figure: FigureNode, assets: AssetResolver, geometry: PageGeometry, columns: number): Paragraph[] {
  const image = figure.assetId ? embeddableImage(figure.assetId, assets) : null;
  const picture = image
    ? new Paragraph({ style: 'Figure', children: [imageRun(image, figureBox(image, figure.width, geometry, columns), figure.caption || '图片')] })
    : placeholderFrame(figure.width, geometry, columns);
  const caption = figure.caption.trim() ? [new Paragraph({ style: 'Caption', children: textRuns(figure.caption.trim()) })] : [];
  return [picture, ...caption];
}
