// finishPdf on a PDF Chromium really printed, read back with poppler: document
// information a print shop sees, page boxes (TrimBox = the printed page; with bleed a
// bigger MediaBox, the BleedBox 3 mm around the trim), crop marks outside the bleed,
// and Chromium's rounded page size made exact.
import { PDFArray, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/api/errors.js';
import { ChromiumPdfPrinter } from '../../../../../electron/pdf/chromiumPrinter.js';
import { PT_PER_MM, finishPdf } from '../../../../../electron/services/print/finishPdf.js';
import { fontFaceCss } from '../../../../../electron/services/print/fonts.js';
import { box, pdffonts, pdfinfo, pdftotext, renderPage } from '../../pdf/poppler.js';
import { printDocument } from '../../pdf/printHtml.js';

const META = {
  title: '渝工简报 2024年第3期',
  author: '重庆市总工会',
  subject: '工会简报',
  keywords: ['工会', '劳模'],
  creationDate: new Date('2024-03-20T08:00:00Z'),
};
const TEXT = '渝工简报第三期';

let printed: Uint8Array;
const printer = new ChromiumPdfPrinter();
beforeAll(async () => {
  // A4 with no page margin and a grey page background: where the printed page lies is visible
  const css = `${await fontFaceCss([{ id: 'noto-serif-sc', weight: 400 }], TEXT)}
    @page { margin: 0 } body { background: #ccc; padding: 20mm; font-family: "Masthead Noto Serif SC"; }`;
  const html = printDocument({ size: 'A4', css, body: `<p>${TEXT}</p><p><a href="https://example.com/">link</a></p>` });
  printed = await printer.print(html);
}, 60_000);
afterAll(() => printer.close());

const near = (values: number[], expected: number[]) => values.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 1));
const A4 = [595.28, 841.89];

/** The Rect of the page's first link annotation, as pdf-lib reads it. */
async function linkRect(pdf: Uint8Array): Promise<number[]> {
  const page = (await PDFDocument.load(pdf)).getPage(0);
  const annot = page.node.lookup(PDFName.of('Annots'), PDFArray).lookup(0);
  const rect = (annot as unknown as { lookup(k: PDFName, t: typeof PDFArray): PDFArray }).lookup(PDFName.of('Rect'), PDFArray);
  return rect.asArray().map((n) => (n as PDFNumber).asNumber());
}

describe('finishPdf', () => {
  it('writes title, author (publisher), subject, keywords, creator and producer Masthead, dates', async () => {
    const info = pdfinfo(await finishPdf(printed, META));
    expect(info).toMatchObject({
      Title: META.title,
      Author: META.author,
      Subject: META.subject,
      Keywords: '工会 劳模',
      Creator: 'Masthead',
      Producer: 'Masthead',
    });
    expect(info.CreationDate).toMatch(/2024/);
    expect(info.ModDate).toBe(info.CreationDate);
  });

  it('sets TrimBox to the page, and with pageSizeMm makes Chromium’s rounded A4 exact', async () => {
    const [w, h] = box(pdfinfo(printed), 'MediaBox').slice(2);
    expect(Math.abs(w - A4[0])).toBeGreaterThan(0.1); // 594.96 × 841.92: Chromium rounds to 1/300 in
    const plain = pdfinfo(await finishPdf(printed, META));
    near(box(plain, 'TrimBox'), [0, 0, w, h]);
    const exact = pdfinfo(await finishPdf(printed, META, { pageSizeMm: { width: 210, height: 297 } }));
    near(box(exact, 'MediaBox'), [0, 0, ...A4]);
    near(box(exact, 'TrimBox'), [0, 0, ...A4]);
    expect(exact['Page size']).toBe('595.276 x 841.89 pts (A4)');
  });

  it('with 3 mm bleed grows the MediaBox for marks and sets BleedBox and TrimBox around the page', async () => {
    const pdf = await finishPdf(printed, META, { bleedMm: 3, pageSizeMm: { width: 210, height: 297 } });
    const info = pdfinfo(pdf);
    const m = 13 * PT_PER_MM; // 3 mm bleed + 10 mm for the marks
    const b = 3 * PT_PER_MM;
    near(box(info, 'MediaBox'), [0, 0, A4[0] + 2 * m, A4[1] + 2 * m]);
    near(box(info, 'TrimBox'), [m, m, m + A4[0], m + A4[1]]);
    near(box(info, 'BleedBox'), [m - b, m - b, m + A4[0] + b, m + A4[1] + b]);
    // the content is the same: fonts still embedded, text still there
    expect(pdffonts(pdf).every((f) => f.embedded && f.type === 'CID TrueType')).toBe(true);
    expect(pdftotext(pdf).replace(/\s+/g, '')).toContain(TEXT);
    // links move with the page
    const before = await linkRect(await finishPdf(printed, META, { pageSizeMm: { width: 210, height: 297 } }));
    near(await linkRect(pdf), before.map((v) => v + m));
  });

  it('draws crop marks outside the bleed, and the page exactly inside the trim, clipped to it', async () => {
    const pdf = await finishPdf(printed, META, { bleedMm: 3, pageSizeMm: { width: 210, height: 297 } });
    const scale = 4; // 288 dpi: 4 px per pt, so a 0.25 pt hairline is a pixel
    const page = renderPage(pdf, 1, 72 * scale);
    const m = 13 * PT_PER_MM;
    const b = 3 * PT_PER_MM;
    // grey at (x, y) pt from the top-left of the sheet, the darkest pixel within 1 pt
    const ink = (x: number, y: number) => {
      let min = 255;
      for (let dx = -scale; dx <= scale; dx++) for (let dy = -scale; dy <= scale; dy++) min = Math.min(min, page.at(x * scale + dx, y * scale + dy));
      return min;
    };
    const paper = (x: number, y: number) => page.at(x * scale, y * scale);
    const [right, bottom] = [m + A4[0], m + A4[1]];
    for (const [x, y, out] of [
      [m, m, -1],
      [right, bottom, 1],
    ] as const) {
      expect(ink(x + out * (b + 3 * PT_PER_MM), y), 'horizontal mark').toBeLessThan(100);
      expect(ink(x, y + out * (b + 3 * PT_PER_MM)), 'vertical mark').toBeLessThan(100);
      expect(paper(x + (out * b) / 2, y), 'nothing in the bleed on the mark line').toBe(255);
      expect(paper(x, y + (out * b) / 2), 'nothing in the bleed on the mark line').toBe(255);
    }
    // the grey page fills the trim to its edges and stops there
    for (const [x, y] of [
      [m + 1, m + 1],
      [right - 1, m + 1],
      [m + 1, bottom - 1],
      [right - 1, bottom - 1],
    ]) {
      expect(Math.abs(paper(x, y) - 204)).toBeLessThan(8);
    }
    expect(paper(right + 1, m + 100)).toBe(255);
    expect(paper(m + 100, bottom + 1)).toBe(255);
  });

  it('clips the page to the trim: Chromium paints backgrounds on past its page, to a whole CSS pixel', async () => {
    const pdf = await finishPdf(printed, META, { bleedMm: 3, pageSizeMm: { width: 210, height: 297 } });
    const m = 13 * PT_PER_MM;
    const [right, bottom] = [m + A4[0], m + A4[1]];
    const scale = 16; // 1152 dpi, around the right and bottom trim edges only
    const lastGrey = (at: { x: number; y: number; width: number; height: number }, along: 'x' | 'y') => {
      const crop = { x: Math.round(at.x), y: Math.round(at.y), width: at.width, height: at.height };
      const r = renderPage(pdf, 1, 72 * scale, crop);
      let last = -1;
      for (let i = 0; i < (along === 'x' ? r.width : r.height); i++) {
        if ((along === 'x' ? r.at(i, r.height / 2) : r.at(r.width / 2, i)) < 230) last = i;
      }
      return (along === 'x' ? crop.x : crop.y) / scale + (last + 1) / scale;
    };
    const rightEdge = lastGrey({ x: (right - 2) * scale, y: (m + 100) * scale, width: 4 * scale, height: 4 }, 'x');
    const bottomEdge = lastGrey({ x: (m + 100) * scale, y: (bottom - 2) * scale, width: 4, height: 4 * scale }, 'y');
    expect(Math.abs(rightEdge - right)).toBeLessThan(1.5 / scale);
    expect(Math.abs(bottomEdge - bottom)).toBeLessThan(1.5 / scale);
  });

  it('refuses a bleed out of range, a page of another size, and bytes that are not a PDF, each with its own code', async () => {
    await expect(finishPdf(printed, META, { bleedMm: -1 })).rejects.toMatchObject({ code: 'pdf.bleedOutOfRange', params: { bleedMm: '-1', max: 20 } });
    await expect(finishPdf(printed, META, { bleedMm: 25 })).rejects.toMatchObject({ code: 'pdf.bleedOutOfRange', params: { bleedMm: '25', max: 20 } });
    await expect(finishPdf(printed, META, { pageSizeMm: { width: 185, height: 260 } })).rejects.toMatchObject({
      code: 'pdf.pageSizeMismatch',
      params: { page: 1, expected: '185 × 260', actual: '209.9 × 297.0' },
    });
    const err = await finishPdf(new TextEncoder().encode('not a pdf'), META).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('pdf.unreadable');
  });
});
