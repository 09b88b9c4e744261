// Reading PDFs back with poppler's own tools (pdfinfo, pdffonts, pdftotext, pdftoppm):
// what a print shop's preflight and a reader see, not what our code believes it wrote.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `work` with the PDF written to a temporary file, removed afterwards. */
function withFile<T>(pdf: Uint8Array, work: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'masthead-pdf-'));
  try {
    const file = join(dir, 'out.pdf');
    writeFileSync(file, pdf);
    return work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdfinfo -box` as key → value ("Title", "Page size", "MediaBox", "TrimBox" …). */
export function pdfinfo(pdf: Uint8Array): Record<string, string> {
  const out = withFile(pdf, (file) => execFileSync('pdfinfo', ['-enc', 'UTF-8', '-box', file], { encoding: 'utf8' }));
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1].trim()] = m[2].trim();
  }
  return info;
}

/** A box of `pdfinfo -box` as [x1, y1, x2, y2] in pt. */
export function box(info: Record<string, string>, name: string): number[] {
  return (info[name] ?? '').split(/\s+/).map(Number);
}

/** One row of `pdffonts`. */
export interface PdfFontRow {
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** The rows of `pdffonts`, split on the columns its dashed header line marks. */
export function pdffonts(pdf: Uint8Array): PdfFontRow[] {
  const out = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  const lines = out.split('\n');
  const dashes = lines[1] ?? '';
  const cols: Array<[number, number]> = [];
  for (const m of dashes.matchAll(/-+/g)) cols.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return lines
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cell = (i: number) => l.slice(cols[i][0], i + 1 < cols.length ? cols[i + 1][0] : undefined).trim();
      return {
        name: cell(0),
        type: cell(1),
        encoding: cell(2),
        embedded: cell(3) === 'yes',
        subset: cell(4) === 'yes',
        unicode: cell(5) === 'yes',
      };
    });
}

/** The width and height in pixels of every image the PDF holds (`pdfimages -list`, soft masks left out). */
export function pdfimageSizes(pdf: Uint8Array): Array<[number, number]> {
  const out = withFile(pdf, (file) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map((cols): [number, number] => [Number(cols[3]), Number(cols[4])]);
}

/** The text of the PDF (`pdftotext -enc UTF-8`), in reading order. */
export function pdftotext(pdf: Uint8Array): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** A greyscale raster of one page: width, height and 0 (black) … 255 (white) per pixel. */
export interface GreyPage {
  width: number;
  height: number;
  pixels: Uint8Array;
  at(x: number, y: number): number;
}

/**
 * Page `page` rendered by `pdftoppm -gray` at `dpi`, read from its PGM: the whole
 * MediaBox, or only `crop` (pixels at that dpi from the top-left corner, rounded).
 */
export function renderPage(pdf: Uint8Array, page = 1, dpi = 72, crop?: { x: number; y: number; width: number; height: number }): GreyPage {
  const px = (v: number) => String(Math.round(v));
  const area = crop ? ['-x', px(crop.x), '-y', px(crop.y), '-W', px(crop.width), '-H', px(crop.height)] : [];
  const pgm = withFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), ...area, '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, 'p')]);
    return readFileSync(join(dir, 'p.pgm'));
  });
  // P5 header: magic, width, height, maxval, each separated by whitespace
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 50));
  if (!header) throw new Error('pdftoppm gave no PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = new Uint8Array(pgm.subarray(header[0].length, header[0].length + width * height));
  return { width, height, pixels, at: (x, y) => pixels[Math.round(y) * width + Math.round(x)] };
}
