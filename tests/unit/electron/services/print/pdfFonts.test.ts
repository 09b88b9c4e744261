// The run-time font check agrees with poppler's pdffonts, and catches the trap DESIGN.md
// warns of: a system CJK font in OpenType CFF (Noto Serif CJK SC here) prints as Type 3.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPdfPrinter } from '../../../../../electron/pdf/chromiumPrinter.js';
import { pdfFonts } from '../../../../../electron/services/print/pdfFonts.js';
import { resolveFontFamily } from '../../../../../electron/services/print/systemFonts.js';
import { pdffonts } from '../../pdf/poppler.js';
import { fontSamplesHtml, printDocument } from '../../pdf/printHtml.js';

const printer = new ChromiumPdfPrinter();
afterAll(() => printer.close());

const SYSTEM_CFF = 'Noto Serif CJK SC';
const hasSystemCff = (() => {
  try {
    return execFileSync('fc-list', [`:family=${SYSTEM_CFF}`, 'fontformat'], { encoding: 'utf8' }).includes('CFF');
  } catch {
    return false;
  }
})();

describe('pdfFonts', () => {
  it('lists the bundled fonts as pdffonts does: embedded CID TrueType', async () => {
    const pdf = await printer.print(await fontSamplesHtml());
    const ours = await pdfFonts(pdf);
    const poppler = pdffonts(pdf);
    expect(ours.map((f) => [f.name, f.type, f.embedded]).sort()).toEqual(poppler.map((f) => [f.name, f.type, f.embedded]).sort());
    expect(ours.every((f) => f.type === 'CID TrueType' && f.embedded)).toBe(true);
  }, 60_000);

  it.skipIf(!hasSystemCff)('finds the Type 3 fonts a CFF system font prints as', async () => {
    const family = resolveFontFamily(SYSTEM_CFF);
    expect(family.missing).toBeUndefined();
    const html = printDocument({ size: 'A4', css: `p { font-family: ${family.css}; }`, body: '<p>系统字体</p>' });
    const pdf = await printer.print(html);
    const ours = await pdfFonts(pdf);
    expect(ours.some((f) => f.type === 'Type 3')).toBe(true);
    expect(ours.map((f) => f.type).sort()).toEqual(pdffonts(pdf).map((f) => f.type).sort());
  }, 60_000);

  it('refuses bytes that are not a PDF with pdf.unreadable, pdf-lib\'s reason as the detail', async () => {
    await expect(pdfFonts(new TextEncoder().encode('%PDF-nope'))).rejects.toMatchObject({ code: 'pdf.unreadable', params: { detail: expect.any(String) } });
  });
});
