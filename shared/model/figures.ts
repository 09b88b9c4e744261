import type { FigureNode, FigureWidth } from './body.js';
import type { Layout } from './layout.js';

/**
 * How large a figure prints and whether its photo has the pixels for it: the widths
 * below are the ones the print stylesheet (shared/export/print/css.ts) is built from,
 * the effective resolution is the photo's pixel width over the printed width.
 */

/** Millimetres in an inch. */
const MM_PER_INCH = 25.4;

/**
 * Below this effective resolution, in ppi (pixels per inch on paper), a photo may print
 * blurry. Halftone printing wants 1.5–2 × the screen ruling; 150 ppi covers the
 * 85–100 lpi of office presses and quick-print shops that bulletins go to.
 */
export const LOW_RESOLUTION_PPI = 150;

/** Space between photo-news items in the printed grid, mm (the `.photo-grid` gap of the print stylesheet). */
export const PHOTO_GRID_GAP_MM = 5;

/** How many photo-news items the printed grid puts in a row: one per column, two at most. */
export function photoGridCells(columns: number): number {
  return Math.max(1, Math.min(2, columns));
}

/**
 * The share of the width it stands in that a figure takes (0–1); the print stylesheet
 * sizes `.fig-column` and `.fig-half` from it (`.fig-page` spans the text width): in a
 * one-column layout a column figure takes 75 % and a half one 45 %; with more columns,
 * 100 % and 60 % of one column.
 */
export function figureWidthShare(width: FigureWidth, columns: number): number {
  if (width === 'page') return 1;
  if (width === 'half') return columns === 1 ? 0.45 : 0.6;
  return columns === 1 ? 0.75 : 1;
}

/** Where a figure stands: in an article's body, or among the photos of a photo-news item (图片新闻). */
export type FigurePlacement = 'body' | 'photo';

/** The layout fields that decide a figure's printed width. */
export type FigureLayout = Pick<Layout, 'page' | 'margins' | 'columns' | 'gutterMm'>;

/**
 * The width a figure prints at, in mm. In a body, a page-wide figure spans the text
 * width (page width minus left and right margins) and the others take their share of
 * one column (of the text width in a one-column layout); among photo news, the share is
 * of one cell of the photo grid (two cells a row at most).
 */
export function figurePrintWidthMm(width: FigureWidth, layout: FigureLayout, placement: FigurePlacement = 'body'): number {
  const { page, margins: m, columns } = layout;
  const textMm = page.widthMm - m.leftMm - m.rightMm;
  if (placement === 'photo') {
    const cells = photoGridCells(columns);
    return ((textMm - PHOTO_GRID_GAP_MM * (cells - 1)) / cells) * figureWidthShare(width, columns);
  }
  if (width === 'page' || columns === 1) return textMm * figureWidthShare(width, columns);
  const columnMm = (textMm - layout.gutterMm * (columns - 1)) / columns;
  return columnMm * figureWidthShare(width, columns);
}

/** The effective resolution, in ppi, of `pixelWidth` px printed `widthMm` mm wide. */
export function effectivePpi(pixelWidth: number, widthMm: number): number {
  return pixelWidth / (widthMm / MM_PER_INCH);
}

/** How a figure's photo will print: its printed width (mm), its effective resolution (ppi, rounded) and whether that is low. */
export interface FigureResolution {
  widthMm: number;
  ppi: number;
  low: boolean;
}

/**
 * The print resolution of a figure in `layout`, or null when it cannot be told: no
 * image, its pixel size not recorded, or a layout that leaves no width to print in.
 */
export function figureResolution(
  figure: Pick<FigureNode, 'assetId' | 'width' | 'pixelWidth'>,
  layout: FigureLayout,
  placement: FigurePlacement = 'body',
): FigureResolution | null {
  if (figure.assetId === null || figure.pixelWidth === null) return null;
  const widthMm = figurePrintWidthMm(figure.width, layout, placement);
  if (!(widthMm > 0)) return null;
  const ppi = Math.round(effectivePpi(figure.pixelWidth, widthMm));
  // Judged on the rounded figure, so a warning never shows "about 150 ppi".
  return { widthMm, ppi, low: ppi < LOW_RESOLUTION_PPI };
}
