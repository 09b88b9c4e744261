// ChromiumPdfPrinter in Debian's Chromium, its PDFs read back with poppler. The
// properties protected: the page size comes from the HTML's @page, every font is
// embedded and none is Type 3 (print shops reject Type 3), the text survives, the page
// can reach no network nor local file and runs no script, and a broken or slow page
// fails with a clear error instead of hanging.
import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { ChromiumPdfPrinter } from '../../../../electron/pdf/chromiumPrinter.js';
import { BUNDLED_FONTS, bundledFontStack, fontFaceCss } from '../../../../electron/services/print/fonts.js';
import { makePng } from '../../../fixtures/docx/build.js';
import { pdffonts, pdfimageSizes, pdfinfo, pdftotext } from './poppler.js';
import { FONT_SAMPLES, fontSamplesHtml, printDocument, sampleIssueHtml } from './printHtml.js';

const printer = new ChromiumPdfPrinter();
afterAll(() => printer.close());

const squash = (s: string) => s.replace(/\s+/g, '');
/** pdfinfo's "W x H pts" as numbers. */
const pageSize = (pdf: Uint8Array) => (pdfinfo(pdf)['Page size'] ?? '').split(/\s+/).filter((t) => /^[\d.]+$/.test(t)).map(Number);

describe('ChromiumPdfPrinter', () => {
  let a4: Uint8Array;
  beforeAll(async () => {
    a4 = await printer.print(await fontSamplesHtml('A4'));
  }, 60_000);

  it('prints an A4 page from the CSS @page size', () => {
    expect(Buffer.from(a4.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const info = pdfinfo(a4);
    expect(info.Pages).toBe('1');
    expect(info['Page size']).toMatch(/\(A4\)$/);
    // Chromium rounds page sizes to 1/300 in: 594.96 × 841.92 pt (finishPdf's pageSizeMm makes it exact)
    const [w, h] = pageSize(a4);
    expect(w).toBeCloseTo(595.28, 0);
    expect(h).toBeCloseTo(841.89, 0);
  });

  it('embeds every font as CID TrueType, none Type 3, and each bundled face by name', () => {
    const fonts = pdffonts(a4);
    expect(fonts.length).toBeGreaterThanOrEqual(6);
    for (const f of fonts) {
      expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true, type: 'CID TrueType' });
    }
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    for (const s of FONT_SAMPLES) {
      const style = s.weight === 700 ? 'Bold' : 'Regular';
      expect(names, `${s.id} ${s.weight}`).toContain(`${BUNDLED_FONTS[s.id].postScriptPrefix}-${style}`);
    }
  });

  it('gives the Chinese text back to pdftotext', () => {
    const text = squash(pdftotext(a4));
    for (const s of FONT_SAMPLES) expect(text).toContain(squash(s.text));
  });

  it('prints a custom @page size (16开, 185 × 260 mm) and several pages', async () => {
    const html = printDocument({ size: '185mm 260mm', css: '', body: '<p>一</p><p style="break-before: page">二</p>' });
    const pdf = await printer.print(html);
    expect(pdfinfo(pdf).Pages).toBe('2');
    const [w, h] = pageSize(pdf);
    expect(Math.abs(w - 524.41)).toBeLessThan(1);
    expect(Math.abs(h - 737.01)).toBeLessThan(1);
  });

  it('refuses the network: a remote image neither hangs the print nor reaches the server', async () => {
    let requests = 0;
    const server: Server = createServer((_req, res) => {
      requests++;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const body = `<p>图</p><img src="http://127.0.0.1:${port}/x.png"><img src="http://example.com/x.png">
        <link rel="stylesheet" href="http://127.0.0.1:${port}/a.css"><iframe src="http://127.0.0.1:${port}/"></iframe>`;
      const started = Date.now();
      const pdf = await printer.print(printDocument({ size: 'A4', css: '', body }), { timeoutMs: 15_000 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(pdfinfo(pdf).Pages).toBe('1');
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('reads no local file either: a file: image stays out of the PDF', async () => {
    const png = join(await mkdtemp(join(tmpdir(), 'masthead-local-')), 'photo.png');
    writeFileSync(png, makePng(1360, 860));
    const local = await printer.print(printDocument({ size: 'A4', css: '', body: `<img src="file://${png}">` }));
    // at most Chromium's 14 × 16 broken-image icon
    expect(pdfimageSizes(local).every(([w, h]) => w < 100 && h < 100)).toBe(true);
    // the same image as a data: URL, as print HTML carries images, does print
    const dataPng = `data:image/png;base64,${readFileSync(png).toString('base64')}`;
    const inline = await printer.print(printDocument({ size: 'A4', css: '', body: `<img src="${dataPng}" style="width: 100mm">` }));
    expect(pdfimageSizes(inline)).toContainEqual([1360, 860]);
  });

  it('fails with a font error when a face cannot load, instead of printing in a system font', async () => {
    const css = `@font-face { font-family: Broken; src: url(data:font/woff2;base64,AAAAAAAA) format("woff2"); } p { font-family: Broken; }`;
    const err = await printer.print(printDocument({ size: 'A4', css, body: '<p>坏字体</p>' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('pdf.fontFailed');
    expect(String((err as AppError).params.fonts)).toMatch(/^Broken/);
  });

  it('times out a print that takes too long, then prints the next one', async () => {
    const err = await printer.print(await sampleIssueHtml(), { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).toData()).toEqual({ code: 'pdf.timeout', params: { seconds: 0 } });
    const pdf = await printer.print(printDocument({ size: 'A4', css: '', body: '<p>之后</p>' }));
    expect(pdfinfo(pdf).Pages).toBe('1');
  }, 30_000);

  it('runs no script in the page', async () => {
    const body = '<p id="p">原文</p><script>document.getElementById("p").textContent = "脚本改写";</script>';
    const text = squash(pdftotext(await printer.print(printDocument({ size: 'A4', css: '', body }))));
    expect(text).toContain('原文');
    expect(text).not.toContain('脚本');
  });

  it("prints again with a reviser's CSS, in the same document (its fonts loaded) under the same policy", async () => {
    const body = '<p>第一段</p><p class="two">第二段</p>';
    const passes: number[] = [];
    const pdf = await printer.print(printDocument({ size: 'A4', css: '', body }), {
      revise: (printed, pass) => {
        passes.push(Number(pdfinfo(printed).Pages));
        return pass === 1 ? '.two { break-before: page; }' : null;
      },
    });
    expect(passes).toEqual([1, 2]);
    expect(pdfinfo(pdf).Pages).toBe('2');
    expect(squash(pdftotext(pdf))).toBe('第一段第二段');
  });

  it('prints the running header in its own font on the first print (margin boxes exist only in print layout)', async () => {
    // A face only the header needs: the body never asks for it, so only loading every face brings it in time.
    const faces = await fontFaceCss([{ id: 'lxgw-wenkai', weight: 400 }], '页眉楷体');
    const css = `${faces} @page { @top-center { content: "页眉楷体"; font-family: ${bundledFontStack('lxgw-wenkai')}; } }`;
    const fresh = new ChromiumPdfPrinter();
    try {
      const text = squash(pdftotext(await fresh.print(printDocument({ size: 'A4', css, body: '<p>正文</p>' }))));
      expect(text).toContain('页眉楷体');
    } finally {
      await fresh.close();
    }
  });

  it('refuses to print once closed', async () => {
    const closed = new ChromiumPdfPrinter();
    await closed.close();
    await expect(closed.print('<p>x</p>')).rejects.toMatchObject({ code: 'pdf.failed', params: { detail: expect.stringMatching(/^pdf\.failed/) } });
  });
});

describe('ChromiumPdfPrinter without a browser', () => {
  it('says pdf.noBrowser for a missing executable, and tries again on the next print', async () => {
    const missing = new ChromiumPdfPrinter({ executablePath: '/no/such/chromium' });
    for (let i = 0; i < 2; i++) {
      await expect(missing.print('<p>x</p>')).rejects.toMatchObject({ code: 'pdf.noBrowser', params: { detail: 'pdf.noBrowser', searched: '/no/such/chromium' } });
    }
    await missing.close();
  });
});
