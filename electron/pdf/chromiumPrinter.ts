import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AppError } from '../../shared/api/errors.js';
import { findBrowser } from './findBrowser.js';
import {
  FONTS_READY_SCRIPT,
  checkFontsLoaded,
  guardPrint,
  printFailed,
  printPasses,
  withPrintPolicy,
  type PdfPrinter,
  PrintQueue,
  type PrintOptions,
} from './printer.js';

/** Command-line switches for a quiet, headless, offline print browser. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** How to start the browser. */
export interface ChromiumPdfPrinterOptions {
  /** The Chromium, Chrome or Edge executable; default `findBrowser()`. */
  executablePath?: string;
  /** Milliseconds the browser may take to start; default 30 s. */
  launchTimeoutMs?: number;
}

interface Session {
  browser: Browser;
  context: BrowserContext;
}

/**
 * A PdfPrinter on a Chromium-family browser driven by playwright-core, for tests and the
 * command line. The browser starts on the first print (or on `start()`) and stays up
 * until `close()`, with one context and one page reused for every print, so later
 * prints are warm: the renderer keeps fonts it has decoded, and an issue printed again
 * after an edit reuses most of them (about twice as fast as a fresh page). Prints run
 * one at a time; after each, the page goes back to about:blank off the caller's clock.
 * Every request the page makes is aborted: print HTML carries its fonts and images as
 * data: URLs, and an `<img src="http://…">` must neither hang the print nor leak a request.
 */
export class ChromiumPdfPrinter implements PdfPrinter {
  private session: Promise<Session> | null = null;
  private page: Page | null = null;
  private readonly queue = new PrintQueue();
  private closed = false;

  constructor(private readonly options: ChromiumPdfPrinterOptions = {}) {}

  /** Starts the browser now, so the first print is warm too (the command line does this while it builds the HTML). */
  async start(): Promise<void> {
    await this.running();
  }

  private running(): Promise<Session> {
    if (this.closed) return Promise.reject(printFailed('printer closed'));
    this.session ??= this.launch();
    return this.session;
  }

  private async launch(): Promise<Session> {
    let executablePath = this.options.executablePath ?? '';
    try {
      executablePath = findBrowser(this.options.executablePath ? { path: this.options.executablePath } : {});
      const browser = await chromium.launch({
        executablePath,
        args: [...CHROMIUM_ARGS],
        headless: true,
        timeout: this.options.launchTimeoutMs ?? 30_000,
      });
      browser.on('disconnected', () => {
        this.session = null; // a crashed browser is started again on the next print
        this.page = null;
      });
      const context = await browser.newContext({ offline: true, serviceWorkers: 'block', acceptDownloads: false });
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      return { browser, context };
    } catch (err) {
      this.session = null; // the next print tries again (a browser may have been installed meanwhile)
      if (err instanceof AppError) throw err;
      throw printFailed(`launch ${executablePath}: ${err instanceof Error ? err.message : String(err)}`, err);
    }
  }

  private async pageForPrint(): Promise<Page> {
    if (this.page && !this.page.isClosed()) return this.page;
    const { context } = await this.running();
    const page = await context.newPage();
    page.on('crash', () => {
      if (this.page === page) this.page = null;
    });
    this.page = page;
    return page;
  }

  print(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
    return this.queue.run(
      () => this.printNow(html, options),
      () => this.page?.goto('about:blank').catch(() => this.dropPage()),
    );
  }

  private async printNow(html: string, options: PrintOptions): Promise<Uint8Array> {
    const work = (async () => {
      const page = await this.pageForPrint();
      await page.setContent(withPrintPolicy(html), { waitUntil: 'load', timeout: 0 }); // withDeadline governs
      checkFontsLoaded(await page.evaluate(FONTS_READY_SCRIPT));
      const pdf = async () => {
        const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      };
      return printPasses(pdf, (script) => page.evaluate(script), options.revise);
    })();
    return guardPrint(work, options.timeoutMs, () => this.dropPage());
  }

  /** Closes the current page (hung, crashed or failed); the next print opens another. */
  private async dropPage(): Promise<void> {
    const page = this.page;
    this.page = null;
    await page?.close({ runBeforeUnload: false }).catch(() => undefined);
  }

  /** Closes the browser; a print still running fails. */
  async close(): Promise<void> {
    this.closed = true;
    const session = this.session;
    this.session = null;
    this.page = null;
    if (!session) return;
    const { browser } = await session.catch(() => ({ browser: null }));
    await browser?.close().catch(() => undefined);
  }
}
