// ElectronPdfPrinter without Electron (its binary cannot be fetched here): `electron` is
// mocked by a BrowserWindow whose page is a real Chromium page driven by playwright, so
// the printer's own scripts (write the document, wait for fonts) and its request filter
// run for real, and its PDF can be compared with ChromiumPdfPrinter's.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { CHROMIUM_ARGS, ChromiumPdfPrinter } from '../../../../electron/pdf/chromiumPrinter.js';
import { ElectronPdfPrinter, PRINT_PARTITION } from '../../../../electron/pdf/electronPrinter.js';
import { findBrowser } from '../../../../electron/pdf/findBrowser.js';
import { pdffonts, pdfimageSizes, pdfinfo, pdftotext } from './poppler.js';
import { fontSamplesHtml, printDocument, sampleIssueHtml } from './printHtml.js';

type RequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
interface PdfOptions {
  preferCSSPageSize: boolean;
  printBackground: boolean;
  margins: Margins;
}

const fake = vi.hoisted(() => ({
  context: null as BrowserContext | null,
  windows: [] as Array<{ options: unknown; destroyed: boolean }>,
  pdfOptions: [] as PdfOptions[],
  partition: null as { name: string; options: unknown } | null,
  onBeforeRequest: null as RequestListener | null,
}));

vi.mock('electron', () => {
  /** The page of a fake window: a playwright page whose requests go through the session's filter. */
  async function openPage(): Promise<Page> {
    const page = await (fake.context as BrowserContext).newPage();
    await page.route('**/*', (route) =>
      (fake.onBeforeRequest as RequestListener)({ url: route.request().url() }, (r) => void (r.cancel ? route.abort() : route.continue())),
    );
    return page;
  }
  class WebContents {
    constructor(private readonly page: Promise<Page>) {}
    setWindowOpenHandler(): void {}
    on(): void {}
    async executeJavaScript(code: string): Promise<unknown> {
      return (await this.page).evaluate(code);
    }
    async printToPDF(options: PdfOptions): Promise<Buffer> {
      fake.pdfOptions.push(options);
      const inches = (n: number) => `${n}in`;
      const { top, bottom, left, right } = options.margins;
      return (await this.page).pdf({
        preferCSSPageSize: options.preferCSSPageSize,
        printBackground: options.printBackground,
        margin: { top: inches(top), bottom: inches(bottom), left: inches(left), right: inches(right) },
      });
    }
  }
  class BrowserWindow {
    readonly page: Promise<Page>;
    readonly webContents: WebContents;
    destroyed = false;
    constructor(readonly options: unknown) {
      fake.windows.push(this);
      this.page = openPage();
      this.webContents = new WebContents(this.page);
    }
    async loadURL(url: string): Promise<void> {
      await (await this.page).goto(url);
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      this.destroyed = true;
      void this.page.then((p) => p.close());
    }
  }
  const printSession = {
    webRequest: { onBeforeRequest: (listener: RequestListener) => (fake.onBeforeRequest = listener) },
    setPermissionRequestHandler: () => undefined,
  };
  return {
    BrowserWindow,
    session: {
      fromPartition: (name: string, options: unknown) => {
        fake.partition = { name, options };
        return printSession;
      },
    },
  };
});

let browser: Browser;
const printer = new ElectronPdfPrinter();
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findBrowser(), args: [...CHROMIUM_ARGS] });
  fake.context = await browser.newContext();
});
afterAll(async () => {
  await printer.close();
  await browser.close();
});

const fontNames = (pdf: Uint8Array) => new Set(pdffonts(pdf).map((f) => `${f.name.replace(/^[A-Z]{6}\+/, '')} ${f.type}`));

describe('ElectronPdfPrinter', () => {
  it('prints what ChromiumPdfPrinter prints: same page size, same embedded fonts, same text', async () => {
    const html = await fontSamplesHtml('A4');
    const fromElectron = await printer.print(html);
    const chromiumPrinter = new ChromiumPdfPrinter();
    const fromChromium = await chromiumPrinter.print(html).finally(() => chromiumPrinter.close());
    expect(pdfinfo(fromElectron)['Page size']).toBe(pdfinfo(fromChromium)['Page size']);
    expect(fontNames(fromElectron)).toEqual(fontNames(fromChromium));
    expect([...fontNames(fromElectron)].every((n) => n.endsWith('CID TrueType'))).toBe(true);
    expect(pdftotext(fromElectron)).toBe(pdftotext(fromChromium));
  }, 60_000);

  it('prints in a hidden, sandboxed window with no preload, in an in-memory session', () => {
    const [win] = fake.windows;
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
    });
    expect((win.options as { webPreferences: Record<string, unknown> }).webPreferences.preload).toBeUndefined();
    expect(fake.partition?.name).toBe(PRINT_PARTITION);
    expect(fake.partition?.name.startsWith('persist:')).toBe(false);
  });

  it('asks printToPDF for the CSS page size, backgrounds and no margins of its own', () => {
    expect(fake.pdfOptions[0]).toEqual({ preferCSSPageSize: true, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  });

  it('refuses every request but the blank page and data: URLs', async () => {
    const decide = (url: string) =>
      new Promise<boolean | undefined>((resolve) => (fake.onBeforeRequest as RequestListener)({ url }, (r) => resolve(r.cancel)));
    expect(await decide('about:blank')).toBe(false);
    expect(await decide('data:font/woff;base64,AAAA')).toBe(false);
    for (const url of ['http://example.com/x.png', 'https://example.com/', 'file:///etc/passwd', 'ws://127.0.0.1/']) {
      expect(await decide(url), url).toBe(true);
    }
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const html = printDocument({ size: 'A4', css: '', body: `<p>图</p><img src="http://127.0.0.1:${port}/x.png">` });
      expect(pdfinfo(await printer.print(html, { timeoutMs: 15_000 })).Pages).toBe('1');
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('keeps its window between prints; a print that times out loses it and the next gets a new one', async () => {
    const before = fake.windows.length;
    await printer.print(printDocument({ size: 'A4', css: '', body: '<p>再印</p>' }));
    expect(fake.windows.length).toBe(before);
    const err = await printer.print(await sampleIssueHtml(), { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).toData()).toEqual({ code: 'pdf.timeout', params: { seconds: 0 } });
    expect(fake.windows[fake.windows.length - 1].destroyed).toBe(true);
    expect(pdfinfo(await printer.print(printDocument({ size: 'A4', css: '', body: '<p>之后</p>' }))).Pages).toBe('1');
    expect(fake.windows.length).toBe(before + 1);
  }, 30_000);

  it('keeps its window after a font that fails to load (the window is sound; only that print stops)', async () => {
    await printer.print(printDocument({ size: 'A4', css: '', body: '<p>先印</p>' }));
    const before = fake.windows.length;
    const broken = '@font-face { font-family: "Broken"; src: url(data:font/woff;base64,AAAAAAAA) format("woff"); } p { font-family: "Broken"; }';
    const err = await printer.print(printDocument({ size: 'A4', css: broken, body: '<p>坏字体</p>' })).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('pdf.fontFailed');
    expect(fake.windows[fake.windows.length - 1].destroyed).toBe(false);
    expect(pdfinfo(await printer.print(printDocument({ size: 'A4', css: '', body: '<p>之后</p>' }))).Pages).toBe('1');
    expect(fake.windows.length).toBe(before);
  }, 30_000);

  it("prints again in the same window with a reviser's CSS, as ChromiumPdfPrinter does", async () => {
    const before = fake.windows.length;
    const html = printDocument({ size: 'A4', css: '', body: '<p>第一段</p><p class="two">第二段</p>' });
    const passes: string[] = [];
    const pdf = await printer.print(html, {
      revise: (printed, pass) => {
        passes.push(pdfinfo(printed).Pages);
        return pass === 1 ? '.two { break-before: page; }' : null;
      },
    });
    expect(passes).toEqual(['1', '2']);
    expect(pdfinfo(pdf).Pages).toBe('2');
    expect(fake.windows.length).toBe(before);
  });

  it('runs no script and loads no local file in the page', async () => {
    const png = fileURLToPath(new URL('../../../e2e/screenshots/smoke-empty.png', import.meta.url));
    const body = `<p id="p">原文</p><img src="file://${png}"><script>document.getElementById("p").textContent = "脚本改写";</script>`;
    const pdf = await printer.print(printDocument({ size: 'A4', css: '', body }));
    expect(pdftotext(pdf)).toContain('原文');
    expect(pdfimageSizes(pdf).every(([w, h]) => w < 100 && h < 100)).toBe(true); // at most the broken-image icon
  });

  it('refuses to print once closed', async () => {
    const closed = new ElectronPdfPrinter();
    await closed.close();
    await expect(closed.print('<p>x</p>')).rejects.toMatchObject({ params: { detail: 'pdf.failed printer closed' } });
  });
});
