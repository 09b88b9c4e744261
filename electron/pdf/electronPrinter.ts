import { BrowserWindow, session, type Session } from 'electron';
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

/** The in-memory session print windows use: no cache, no cookies, no network. */
export const PRINT_PARTITION = 'masthead-print';

// Only the blank page, the written document and its data: URLs may load.
const ALLOWED_URL = /^(?:about:blank(?:[?#].*)?$|data:|blob:)/;

/**
 * Writes `html` into the blank page as a fresh document and resolves on its load event:
 * what playwright's `page.setContent(html, { waitUntil: 'load' })` does, so both
 * printers lay out the same document the same way. (A data: URL would be simpler but
 * Chromium caps URLs at 2 MB, and fonts make print HTML larger.)
 */
function writeDocumentScript(html: string): string {
  return `new Promise((resolve) => {
  document.open();
  document.write(${JSON.stringify(html)});
  document.close();
  if (document.readyState === 'complete') resolve(true);
  else window.addEventListener('load', () => resolve(true), { once: true });
})`;
}

let guardedSession: Session | undefined;

/** The print session with every request but ALLOWED_URL refused (set up once). */
function printSession(): Session {
  if (!guardedSession) {
    guardedSession = session.fromPartition(PRINT_PARTITION, { cache: false });
    guardedSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !ALLOWED_URL.test(details.url) }));
    guardedSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  }
  return guardedSession;
}

/**
 * A PdfPrinter on a hidden, sandboxed BrowserWindow (no preload, no Node, no network),
 * for the app; construct it after `app` is ready. Behaves as `ChromiumPdfPrinter`: one
 * page (here a window) reused for every print, prints one at a time, the document
 * written into a blank page, load event, `document.fonts.ready`, then `printToPDF` with
 * the CSS `@page` size and margins and backgrounds; after each print the page goes back
 * to about:blank off the caller's clock. A print that fails or times out destroys the
 * window; the next print makes another.
 */
export class ElectronPdfPrinter implements PdfPrinter {
  private window: BrowserWindow | null = null;
  private readonly queue = new PrintQueue();
  private closed = false;

  private async windowForPrint(): Promise<BrowserWindow> {
    if (this.window && !this.window.isDestroyed()) return this.window;
    const win = new BrowserWindow({
      show: false,
      width: 1024,
      height: 1400,
      webPreferences: {
        session: printSession(),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
        backgroundThrottling: false, // hidden windows must still load fonts at full speed
      },
    });
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.on('render-process-gone', () => this.dropWindow());
    this.window = win;
    await win.loadURL('about:blank');
    return win;
  }

  print(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
    return this.queue.run(
      () => this.printNow(html, options),
      () => this.window?.loadURL('about:blank').catch(() => this.dropWindow()),
    );
  }

  private async printNow(html: string, options: PrintOptions): Promise<Uint8Array> {
    if (this.closed) throw printFailed('printer closed');
    const work = (async () => {
      const win = await this.windowForPrint();
      await win.webContents.executeJavaScript(writeDocumentScript(withPrintPolicy(html)));
      checkFontsLoaded(await win.webContents.executeJavaScript(FONTS_READY_SCRIPT));
      const pdf = async () => {
        const bytes = await win.webContents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          margins: { top: 0, bottom: 0, left: 0, right: 0 }, // as playwright: the CSS @page margins rule
        });
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      };
      return printPasses(pdf, (script) => win.webContents.executeJavaScript(script), options.revise);
    })();
    return guardPrint(work, options.timeoutMs, () => this.dropWindow());
  }

  /** Destroys the current window (hung, crashed or failed); the next print makes another. */
  private dropWindow(): void {
    const win = this.window;
    this.window = null;
    if (win && !win.isDestroyed()) win.destroy();
  }

  /** Destroys the window; a print still running fails. */
  async close(): Promise<void> {
    this.closed = true;
    this.dropWindow();
  }
}
