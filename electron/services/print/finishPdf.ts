import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  ParseSpeeds,
  clip,
  cmyk,
  endPath,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  translate,
  type PDFPage,
} from 'pdf-lib';
import { AppError } from '../../../shared/api/errors.js';

/** Document information written into the PDF (pdfinfo shows it; so do print shops' tools). */
export interface PdfMeta {
  /** The title, e.g. "渝工简报 2024年第3期". */
  title: string;
  /** The publisher (编印单位). */
  author: string;
  subject: string;
  keywords: string[];
  /** Default: now. Also written as the modification date, so a given date gives a reproducible file. */
  creationDate?: Date;
}

/** What to add for the print shop. */
export interface FinishOptions {
  /** Bleed on each side in mm (3 is usual); 0 or absent: no bleed, no crop marks. At most 20. */
  bleedMm?: number;
  /**
   * The trim size the print HTML's `@page` asked for, mm (A4: 210 × 297). Chromium lays
   * the page out at exactly that size from its top-left corner, but rounds the PDF
   * MediaBox to 1/300 in (A4 comes out 594.96 × 841.92 pt, not 595.28 × 841.89;
   * puppeteer#2278) and paints backgrounds on to the next whole CSS pixel. When given,
   * the trim is that exact size at the top-left corner, as laid out; nothing is scaled.
   * A page more than 1% off is refused (`pdf.pageSizeMismatch`): the HTML was laid out for
   * another size.
   */
  pageSizeMm?: { width: number; height: number };
}

/** PostScript points per millimetre (1 pt = 1/72 in, 1 in = 25.4 mm). */
export const PT_PER_MM = 72 / 25.4;
/** The largest bleed an export takes, mm (print shops ask for 3, sometimes 5). */
export const MAX_BLEED_MM = 20;
/** Crop-mark length, mm, drawn outward from the bleed edge. */
export const CROP_MARK_LENGTH_MM = 6;
/** Paper beyond the bleed for the marks, mm (mark length plus a little air). */
export const MARK_MARGIN_MM = 10;
/** Crop-mark line width, pt (a hairline, as print shops expect). */
export const CROP_MARK_WIDTH_PT = 0.25;

type Box = { x: number; y: number; width: number; height: number };

/** The exact size in pt for `sizeMm`, after checking the printed page is within 1% of it. */
function exactSize(sizeMm: { width: number; height: number }, printed: Box, index: number): { width: number; height: number } {
  const width = sizeMm.width * PT_PER_MM;
  const height = sizeMm.height * PT_PER_MM;
  if (!(Math.abs(printed.width / width - 1) <= 0.01 && Math.abs(printed.height / height - 1) <= 0.01)) {
    throw new AppError('pdf.pageSizeMismatch', {
      page: index + 1,
      expected: `${sizeMm.width} × ${sizeMm.height}`,
      actual: `${(printed.width / PT_PER_MM).toFixed(1)} × ${(printed.height / PT_PER_MM).toFixed(1)}`,
    });
  }
  return { width, height };
}

/**
 * Puts the part of the page's content inside `box` (content coordinates, pt) at
 * (dx, dy) further right and up, clipped to `box`, moves the link annotations along,
 * and makes the MediaBox `width` × `height` pt with the origin at 0,0. Later drawing
 * (the crop marks) goes into a stream after the clipped one, in page coordinates.
 */
function placeContent(page: PDFPage, box: Box, dx: number, dy: number, width: number, height: number): void {
  const context = page.doc.context;
  page.node.normalize();
  const start = context.register(
    context.contentStream([pushGraphicsState(), translate(dx, dy), rectangle(box.x, box.y, box.width, box.height), clip(), endPath()]),
  );
  page.node.wrapContentStreams(start, context.register(context.contentStream([popGraphicsState()])));
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  for (let i = 0; i < (annots?.size() ?? 0); i++) {
    const annot = annots?.lookupMaybe(i, PDFDict);
    for (const key of ['Rect', 'QuadPoints']) {
      const nums = annot?.lookupMaybe(PDFName.of(key), PDFArray);
      for (let k = 0; k < (nums?.size() ?? 0); k++) {
        const n = nums?.lookupMaybe(k, PDFNumber);
        if (n) nums?.set(k, PDFNumber.of(n.asNumber() + (k % 2 === 0 ? dx : dy)));
      }
    }
  }
  for (const stale of ['CropBox', 'BleedBox', 'TrimBox', 'ArtBox']) page.node.delete(PDFName.of(stale));
  page.setMediaBox(0, 0, width, height);
}

/**
 * Crop marks at the four corners of `trim`: for each corner, one line continuing each
 * trim edge outward, from `offset` to `offset + length` pt beyond the trim (so they
 * start outside the bleed and never touch the trim area), in registration black
 * (CMYK 100/100/100/100, printed on every plate).
 */
function drawCropMarks(page: PDFPage, trim: Box, offset: number, length: number): void {
  const color = cmyk(1, 1, 1, 1);
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: CROP_MARK_WIDTH_PT, color });
  const left = trim.x;
  const right = trim.x + trim.width;
  const bottom = trim.y;
  const top = trim.y + trim.height;
  for (const x of [left, right]) {
    const out = x === left ? -1 : 1; // which way is "outside" horizontally
    for (const y of [bottom, top]) {
      const up = y === bottom ? -1 : 1; // which way is "outside" vertically
      line(x + out * offset, y, x + out * (offset + length), y); // the horizontal edge, extended
      line(x, y + up * offset, x, y + up * (offset + length)); // the vertical edge, extended
    }
  }
}

/**
 * Finishes a printed PDF for delivery: document information (title, author = the
 * publisher, subject, keywords, creator and producer "Masthead", dates, language
 * zh-CN) and page boxes.
 *
 * Without bleed every page keeps its size (or takes `pageSizeMm`) and gets
 * MediaBox = TrimBox = [0, 0, W, H], its content clipped to that box.
 *
 * With `bleedMm` = b > 0 each page of trim size W × H pt is enlarged, its content
 * moved (never scaled) and clipped to the trim:
 * - MediaBox = [0, 0, W + 2m, H + 2m] with m = (b + MARK_MARGIN_MM) × PT_PER_MM
 *   (A4 with 3 mm bleed: 595.28 × 841.89 → 668.98 × 915.59 pt);
 * - TrimBox = [m, m, m + W, m + H]: exactly the printed page;
 * - BleedBox = TrimBox grown by b × PT_PER_MM on each side;
 * - crop marks at the corners, from the bleed edge outward for CROP_MARK_LENGTH_MM.
 * The bleed area stays empty: content meant to bleed (a background reaching the edge)
 * would have to be printed beyond the trim by the HTML, which this does not yet take.
 *
 * Writes a classic cross-reference table without object streams, which older RIPs
 * read (pdf-lib labels the file PDF 1.7; Chromium's is 1.4).
 */
export async function finishPdf(pdf: Uint8Array, meta: PdfMeta, options: FinishOptions = {}): Promise<Uint8Array> {
  const bleedMm = options.bleedMm ?? 0;
  if (!Number.isFinite(bleedMm) || bleedMm < 0 || bleedMm > MAX_BLEED_MM) {
    throw new AppError('pdf.bleedOutOfRange', { bleedMm: String(bleedMm), max: MAX_BLEED_MM });
  }
  let doc: PDFDocument;
  try {
    // Parse and save in one go: pdf-lib yields to the event loop every 100 objects by default.
    doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (err) {
    throw new AppError('pdf.unreadable', { detail: err instanceof Error ? err.message : String(err) }, { cause: err });
  }
  const when = meta.creationDate ?? new Date();
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('Masthead');
  doc.setProducer('Masthead');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  doc.setLanguage('zh-CN');

  const bleed = bleedMm * PT_PER_MM;
  const margin = bleedMm > 0 ? bleed + MARK_MARGIN_MM * PT_PER_MM : 0;
  doc.getPages().forEach((page, index) => {
    const printed = page.getMediaBox();
    // The page as laid out: the exact size at the top-left corner, or the page as printed.
    const size = options.pageSizeMm ? exactSize(options.pageSizeMm, printed, index) : printed;
    const laidOut = { x: printed.x, y: printed.y + printed.height - size.height, width: size.width, height: size.height };
    placeContent(page, laidOut, margin - laidOut.x, margin - laidOut.y, size.width + 2 * margin, size.height + 2 * margin);
    const trim = { x: margin, y: margin, width: size.width, height: size.height };
    page.setTrimBox(trim.x, trim.y, trim.width, trim.height);
    if (bleedMm === 0) return;
    page.setBleedBox(trim.x - bleed, trim.y - bleed, trim.width + 2 * bleed, trim.height + 2 * bleed);
    drawCropMarks(page, trim, bleed, CROP_MARK_LENGTH_MM * PT_PER_MM);
  });
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
