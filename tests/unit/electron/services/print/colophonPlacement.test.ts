// Placing the colophon from where its marks landed, on PDFs made with pdf-lib in the
// shape Chromium writes them (URI link annotations, MediaBox from 0,0), so every case is
// exact: the spacer that puts the last rule on the type area's bottom edge, the cases
// where it must not move, and the reviser's passes including the way back. The real
// Chromium round trip is tests/integration/pdf/colophon.test.ts.
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  colophonReviser,
  colophonSpacer,
  findColophon,
  lastPageFill,
  type ColophonPlace,
} from '../../../../../electron/services/print/colophonPlacement.js';
import { PT_PER_MM } from '../../../../../electron/services/print/finishPdf.js';
import { COLOPHON_GAP_MM, COLOPHON_MARKS, colophonRevisionCss } from '../../../../../shared/export/print/colophon.js';
import { templateLayout } from '../../../../../shared/layout/templates.js';

const A4 = { width: 594.96, height: 841.92 }; // as Chromium rounds it
const layout = templateLayout('bulletin'); // type area 37 mm … 297 - 35 = 262 mm from the top
const AREA_TOP_PT = 37 * PT_PER_MM;
const AREA_BOTTOM_PT = 262 * PT_PER_MM;

interface Mark {
  page: number;
  url: string;
  /** pt from the top of the page to the mark's lower edge. */
  bottom: number;
}

/** A PDF of `pages` A4 pages with 1.5 pt link marks where `marks` says. */
async function pdfWith(pages: number, marks: Mark[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([A4.width, A4.height]);
  for (const m of marks) {
    const y = A4.height - m.bottom;
    const annot = doc.context.register(
      doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [79.5, y, 81, y + 1.5], A: { S: 'URI', URI: PDFString.of(m.url) } }),
    );
    const page = doc.getPage(m.page);
    page.node.set(PDFName.of('Annots'), doc.context.obj([...(page.node.Annots()?.asArray() ?? []), annot]));
  }
  return doc.save();
}

const place = (pages: number, top: [number, number] | null, bottom: [number, number] | null): ColophonPlace => ({
  pages,
  top: top && { page: top[0], top: top[1], bottom: top[1] + 1.5 },
  bottom: bottom && { page: bottom[0], top: bottom[1] - 1.5, bottom: bottom[1] },
});

describe('findColophon', () => {
  it('reads both marks, pt from the top of their page, and the page count', async () => {
    const pdf = await pdfWith(3, [
      { page: 2, url: 'https://example.com/', bottom: 300 },
      { page: 2, url: COLOPHON_MARKS.top, bottom: 501.5 },
      { page: 2, url: COLOPHON_MARKS.bottom, bottom: 700 },
    ]);
    const found = await findColophon(pdf);
    expect(found.pages).toBe(3);
    expect(found.top?.page).toBe(2);
    expect(found.top?.top).toBeCloseTo(500, 3);
    expect(found.bottom?.page).toBe(2);
    expect(found.bottom?.bottom).toBeCloseTo(700, 3);
  });

  it('finds nothing in a PDF printed without marks', async () => {
    expect(await findColophon(await pdfWith(2, []))).toEqual({ pages: 2, top: null, bottom: null });
  });
});

describe('colophonSpacer', () => {
  it('pushes the colophon down by the free space below it, less a pixel for Chromium rounding link rectangles', () => {
    expect(colophonSpacer(place(2, [1, 400], [1, 600]), layout)).toBeCloseTo(AREA_BOTTOM_PT - 600 - 0.75, 6);
  });

  it('pushes a colophon that starts a page of its own to that page’s foot', () => {
    expect(colophonSpacer(place(3, [2, 104.9], [2, 300]), layout)).toBeCloseTo(AREA_BOTTOM_PT - 300 - 0.75, 6);
  });

  it.each([
    ['no marks (printed without them)', place(2, null, null)],
    ['only one mark', place(2, null, [1, 600])],
    ['split over two pages (taller than the free space and a page)', place(3, [1, 500], [2, 300])],
    ['not on the last page', place(3, [1, 400], [1, 600])],
    ['already at the foot', place(2, [1, 500], [1, AREA_BOTTOM_PT - 0.5])],
  ])('leaves it where it is when %s', (_why, where) => {
    expect(colophonSpacer(where, layout)).toBe(0);
  });
});

describe('lastPageFill', () => {
  // The colophon's top mark where articles ending `mm` below the top of the type area put it.
  const after = (mm: number) => AREA_TOP_PT + (mm + COLOPHON_GAP_MM) * PT_PER_MM;

  it.each([
    ['a quarter down', 225 / 4, 0.25],
    ['halfway', 225 / 2, 0.5],
    ['nine tenths down', 225 * 0.9, 0.9],
  ])('is the share of the type area above where the articles end: %s', (_where, mm, fill) => {
    expect(layout.margins.topMm).toBe(37); // the 225 mm type area of the 简报
    expect(lastPageFill(place(2, [1, after(mm)], [1, AREA_BOTTOM_PT - 1]), layout)).toBeCloseTo(fill, 6);
  });

  it('does not count the colophon, however low it sits: the articles end its gap above its top', () => {
    // 20 mm of articles, then the colophon from 30 mm down to the foot of the type area
    expect(lastPageFill(place(1, [0, after(20)], [0, AREA_BOTTOM_PT]), layout)).toBeCloseTo(20 / 225, 6);
  });

  it('is 0 when the colophon starts the last page (the gap above it falls away at the break)', () => {
    expect(lastPageFill(place(3, [2, AREA_TOP_PT], [2, 300]), layout)).toBe(0);
    expect(lastPageFill(place(3, [2, AREA_TOP_PT + 0.75], [2, 300]), layout)).toBe(0); // a pixel off
  });

  it('is 0 when only the tail of a colophon split over two pages is on the last page', () => {
    expect(lastPageFill(place(3, [1, 500], [2, 300]), layout)).toBe(0);
  });

  it('is 1 when the articles fill the last page down to the colophon pushed off it', () => {
    expect(lastPageFill(place(2, [1, AREA_BOTTOM_PT + COLOPHON_GAP_MM * PT_PER_MM], [1, AREA_BOTTOM_PT + 80]), layout)).toBe(1);
  });

  it('is null without the top mark (printed without marks)', () => {
    expect(lastPageFill(place(2, null, null), layout)).toBeNull();
    expect(lastPageFill(place(2, null, [1, 600]), layout)).toBeNull();
  });
});

describe('colophonReviser', () => {
  it('tells where pass 1 found the colophon, as findColophon reads it', async () => {
    const pdf = await pdfWith(2, [
      { page: 1, url: COLOPHON_MARKS.top, bottom: 401.5 },
      { page: 1, url: COLOPHON_MARKS.bottom, bottom: 600 },
    ]);
    const seen: ColophonPlace[] = [];
    const revise = colophonReviser(layout, (p) => seen.push(p));
    await revise(pdf, 1);
    await revise(await pdfWith(2, []), 2);
    expect(seen).toEqual([await findColophon(pdf)]);
  });

  const marked = (pages: number, bottom: number) =>
    pdfWith(pages, [
      { page: pages - 1, url: COLOPHON_MARKS.top, bottom: bottom - 100 },
      { page: pages - 1, url: COLOPHON_MARKS.bottom, bottom },
    ]);

  it('asks for the colophon pushed down and the marks hidden, then keeps the second print', async () => {
    const revise = colophonReviser(layout);
    expect(await revise(await marked(2, 600), 1)).toBe(colophonRevisionCss(AREA_BOTTOM_PT - 600 - 0.75));
    expect(await revise(await pdfWith(2, []), 2)).toBeNull();
  });

  it('prints the colophon where it was if pushing it made a page more', async () => {
    const revise = colophonReviser(layout);
    expect(await revise(await marked(2, 600), 1)).not.toBe(colophonRevisionCss(0));
    expect(await revise(await pdfWith(3, []), 2)).toBe(colophonRevisionCss(0));
    expect(await revise(await pdfWith(2, []), 3)).toBeNull();
  });

  it('only hides the marks when there is nothing to push', async () => {
    const revise = colophonReviser(layout);
    expect(await revise(await pdfWith(2, []), 1)).toBe(colophonRevisionCss(0));
    expect(await revise(await pdfWith(2, []), 2)).toBeNull();
  });
});
