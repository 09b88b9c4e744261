import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, ParseSpeeds, type PDFPage } from 'pdf-lib';
import { COLOPHON_GAP_MM, COLOPHON_MARKS, colophonRevisionCss } from '../../../shared/export/print/colophon.js';
import type { Layout } from '../../../shared/model/layout.js';
import type { Reviser } from '../../pdf/printer.js';
import { PT_PER_MM } from './finishPdf.js';

/** Where a colophon mark landed: its page (0-based) and its top and bottom edges, pt down from the top of the page. */
export interface MarkPlace {
  page: number;
  top: number;
  bottom: number;
}

/** Where the marks of the colophon landed in a printed PDF, and how many pages it has. */
export interface ColophonPlace {
  pages: number;
  top: MarkPlace | null;
  bottom: MarkPlace | null;
}

// Chromium writes a link's rectangle snapped to whole CSS pixels, so a mark can read up
// to 1 px (0.75 pt) off; the colophon is pushed down that much less, never past the
// type area (which would send it to a page of its own).
const SNAP_PT = 0.75;

function uriOf(annot: PDFDict | undefined): string | null {
  const uri = annot?.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
  return uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : null;
}

function load(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** The mark linking to `url` on `page`, if any. */
function markOn(page: PDFPage, index: number, url: string): MarkPlace | null {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const { y, height } = page.getMediaBox();
  for (let i = 0; i < (annots?.size() ?? 0); i++) {
    const annot = annots?.lookupMaybe(i, PDFDict);
    if (uriOf(annot) !== url) continue;
    const rect = annot?.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asRectangle();
    // Chromium lays the page out from the top-left corner of the MediaBox.
    if (rect) return { page: index, top: y + height - (rect.y + rect.height), bottom: y + height - rect.y };
  }
  return null;
}

/** Reads a printed PDF for the colophon marks (COLOPHON_MARKS link annotations). */
export async function findColophon(pdf: Uint8Array): Promise<ColophonPlace> {
  const pages = (await load(pdf)).getPages();
  // The colophon closes the issue: look from the last page back.
  const find = (url: string) => {
    for (let i = pages.length - 1; i >= 0; i--) {
      const place = markOn(pages[i], i, url);
      if (place) return place;
    }
    return null;
  };
  return { pages: pages.length, top: find(COLOPHON_MARKS.top), bottom: find(COLOPHON_MARKS.bottom) };
}

/**
 * How far to push the colophon down, pt, so its last rule sits on the bottom edge of the
 * type area (GB/T 9704-2012 §7.4.1: 末条分隔线与公文最后一页的版心下边缘重合); 0 when it
 * cannot move: marks missing, not on the last page, or split over two pages (a colophon
 * taller than a page), or already at the foot.
 */
export function colophonSpacer(place: ColophonPlace, layout: Layout): number {
  const { top, bottom, pages } = place;
  if (!top || !bottom || top.page !== bottom.page || bottom.page !== pages - 1) return 0;
  const areaBottom = (layout.page.heightMm - layout.margins.bottomMm) * PT_PER_MM;
  const spacer = areaBottom - bottom.bottom - SNAP_PT;
  return spacer > 0 ? spacer : 0;
}

/**
 * How full the last page is with the issue itself, 0–1: from the top to the bottom edge
 * of the type area, down to where the articles end; the colophon at the foot does not
 * count. Read from pass 1, where the colophon follows the last article: the articles end
 * the colophon's gap (COLOPHON_GAP_MM) above its top mark. 0 when the colophon starts
 * the last page (its gap falls away at the page break) or only its tail is there; null
 * without the top mark. Placing the colophon moves no article, so it holds for the
 * finished PDF too.
 */
export function lastPageFill(place: ColophonPlace, layout: Layout): number | null {
  const { top, pages } = place;
  if (!top) return null;
  if (top.page < pages - 1) return 0;
  const areaTop = layout.margins.topMm * PT_PER_MM;
  const areaBottom = (layout.page.heightMm - layout.margins.bottomMm) * PT_PER_MM;
  if (areaBottom <= areaTop) return null;
  const contentEnd = top.top - COLOPHON_GAP_MM * PT_PER_MM;
  return Math.max(0, Math.min(1, (contentEnd - areaTop) / (areaBottom - areaTop)));
}

/**
 * The `Reviser` that puts the colophon at the foot of the last page. The print HTML must
 * carry the marks (`toPrintHtml` with `colophonMarks`). Pass 1 measures and asks for the
 * marks hidden and the colophon pushed down; pass 2 keeps that PDF if it has as many
 * pages as pass 1 (the colophon stayed on its page), else pass 3 prints the colophon
 * where it was, marks hidden. The normal case costs one more Chromium print.
 * `onMeasured` gets where pass 1 found the colophon (for `lastPageFill`).
 */
export function colophonReviser(layout: Layout, onMeasured?: (place: ColophonPlace) => void): Reviser {
  let measured: ColophonPlace | null = null;
  let pushed = false;
  return async (pdf, pass) => {
    if (pass === 1) {
      measured = await findColophon(pdf);
      onMeasured?.(measured);
      const spacer = colophonSpacer(measured, layout);
      pushed = spacer > 0;
      return colophonRevisionCss(spacer);
    }
    // Pushed exactly into the free space it cannot have moved on; if it did, put it back.
    if (pass === 2 && pushed && (await load(pdf)).getPageCount() !== measured?.pages) return colophonRevisionCss(0);
    return null;
  };
}
