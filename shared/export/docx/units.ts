import type { Layout } from '../../model/layout.js';

/**
 * Units of WordprocessingML and the page geometry of a layout. Word measures lengths
 * in twips (1/20 pt, 1/1440 inch), font sizes in half-points, borders in eighths of a
 * point and images in pixels at 96 to the inch (the `docx` package turns them into EMU).
 */

/** Twips (1/20 pt) in one millimetre: 1440 twips per inch, 25.4 mm per inch. */
const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres → twips, rounded (page size, margins, spacing). */
export function twipsOfMm(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** Points → twips, rounded. */
export function twipsOfPt(pt: number): number {
  return Math.round(pt * 20);
}

/** Points → half-points (`w:sz`), rounded to a whole half-point: 三号 16 pt → 32, 五号 10.5 pt → 21. */
export function halfPoints(pt: number): number {
  return Math.max(2, Math.round(pt * 2));
}

/** Points → eighths of a point (`w:sz` of a border), within the schema's 2…96. */
export function borderEighths(pt: number): number {
  return Math.min(96, Math.max(2, Math.round(pt * 8)));
}

/** `#c8161d` → `C8161D`, as `w:color` and `w:fill` take it. */
export function hexColor(css: string): string {
  return css.replace(/^#/, '').toUpperCase();
}

/** Pixels at 96 to the inch (what `ImageRun` takes) for a length in twips. */
export function pxOfTwips(twips: number): number {
  return (twips / 1440) * 96;
}

/** The widths an issue's content is laid out in, in twips. */
export interface PageGeometry {
  /** Page width minus left and right margins. */
  textWidth: number;
  /** Page height minus top and bottom margins. */
  textHeight: number;
  /** Width of one text column: (text width − gutters) / columns. */
  columnWidth: number;
  /** Space between columns. */
  gutter: number;
}

/** Text area and column widths of a layout, in twips. */
export function pageGeometry(layout: Layout): PageGeometry {
  const { page, margins: m } = layout;
  const textWidth = twipsOfMm(page.widthMm - m.leftMm - m.rightMm);
  const textHeight = twipsOfMm(page.heightMm - m.topMm - m.bottomMm);
  const gutter = layout.columns > 1 ? twipsOfMm(layout.gutterMm) : 0;
  const columnWidth = Math.floor((textWidth - gutter * (layout.columns - 1)) / layout.columns);
  return { textWidth, textHeight, columnWidth, gutter };
}
