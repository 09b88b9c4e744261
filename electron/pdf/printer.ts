import { AppError } from '../../shared/api/errors.js';

/**
 * What prints a self-contained print HTML (shared/export/print) to PDF. Two
 * implementations behave alike: `ElectronPdfPrinter` (a hidden BrowserWindow, in the
 * app) and `ChromiumPdfPrinter` (Chromium through playwright-core, for tests and the
 * command line). Both write the HTML into a blank page, wait for the load event and for
 * every web font, and print with the page size and margins of the HTML's CSS `@page`,
 * backgrounds included. The page may load nothing from the network or the disk, and
 * runs no script (`withPrintPolicy`).
 */
export interface PdfPrinter {
  /** The PDF of `html`. Rejects with an AppError when the page fails, a font fails, or `timeoutMs` passes. */
  print(html: string, options?: PrintOptions): Promise<Uint8Array>;
  /** Releases the browser or window; the printer may not be used afterwards. */
  close(): Promise<void>;
}

/** Options of one print. */
export interface PrintOptions {
  /** Milliseconds for the whole print (load, fonts, PDF); default `DEFAULT_PRINT_TIMEOUT_MS`. */
  timeoutMs?: number;
}

/**
 * The Content-Security-Policy every printed page runs under: print HTML carries its
 * styles inline and its fonts and images as data: URLs, so nothing else may load and
 * no script runs. (Chromium already refuses file: URLs to a page written into
 * about:blank, and the printers refuse requests too; the policy says it in the page
 * itself, the same in Electron and Chromium.)
 */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'";

/**
 * `html` with PRINT_CSP as the first thing in its head (a CSP meta only governs what
 * follows it): after `<head>`, else after the doctype, else at the start.
 */
export function withPrintPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;
  const at = /<head(\s[^>]*)?>/i.exec(html) ?? /^\s*<!doctype[^>]*>/i.exec(html);
  if (!at) return meta + html;
  const end = at.index + at[0].length;
  return html.slice(0, end) + meta + html.slice(end);
}

/** The default time one print may take: a long issue with many photos prints in seconds. */
export const DEFAULT_PRINT_TIMEOUT_MS = 60_000;

/**
 * Run in the page after load: forces layout (so every font the text needs starts
 * loading), waits for `document.fonts.ready`, and returns the families of faces that
 * failed. A failed face would silently print in a system font, possibly as Type 3.
 */
export const FONTS_READY_SCRIPT = `(async () => {
  void document.documentElement.offsetHeight;
  await document.fonts.ready;
  return [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family);
})()`;

/** Throws `pdf.fontFailed` when the page reports failed fonts (printing on would use a system font, maybe as Type 3). */
export function checkFontsLoaded(failed: unknown): void {
  if (!Array.isArray(failed)) throw printFailed('fonts.ready gave no list');
  if (failed.length > 0) {
    throw new AppError('pdf.fontFailed', { fonts: [...new Set(failed.map(String))].join(', ') });
  }
}

/** The error of a print that failed for `reason` (to become `pdf.failed`). */
export function printFailed(reason: string, cause?: unknown): AppError {
  return new AppError('pdf.failed', { detail: `pdf.failed ${reason}` }, { cause });
}

/**
 * Runs `work` with a deadline: rejects with `pdf.timeout` after `ms`, and calls
 * `onTimeout` so the caller can tear down the hung page.
 */
export async function withDeadline<T>(ms: number, work: Promise<T>, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new AppError('pdf.timeout', { seconds: Math.round(ms / 1000) }));
    }, ms);
  });
  work.catch(() => undefined); // once timed out, a late failure has no one to tell
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Prints one at a time, as both printers reuse one page: each job waits for the one
 * before it, and after each the page is reset (`reset`, e.g. back to about:blank) off the
 * caller's clock — the next job waits for that, the caller does not.
 */
export class PrintQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>, reset: () => Promise<unknown> | undefined): Promise<T> {
    const run = this.tail.then(job);
    this.tail = run.then(reset, () => undefined);
    return run;
  }
}
