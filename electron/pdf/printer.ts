import { AppError } from '../../shared/api/errors.js';

/**
 * What prints a self-contained print HTML (shared/export/print) to PDF. Two
 * implementations behave alike: `ElectronPdfPrinter` (a hidden BrowserWindow, in the
 * app) and `ChromiumPdfPrinter` (Chromium through playwright-core, for tests and the
 * command line). Both write the HTML into a blank page, wait for the load event and for
 * every web font, and print with the page size and margins of the HTML's CSS `@page`,
 * backgrounds included; a `revise` option may ask for more passes of the same document
 * (`printPasses`). The page may load nothing from the network or the disk, and runs no
 * script of its own (`withPrintPolicy`); the printers' scripts run from outside.
 */
export interface PdfPrinter {
  /** The PDF of `html`. Rejects with an AppError when the page fails, a font fails, or `timeoutMs` passes. */
  print(html: string, options?: PrintOptions): Promise<Uint8Array>;
  /** Releases the browser or window; the printer may not be used afterwards. */
  close(): Promise<void>;
}

/** Options of one print. */
export interface PrintOptions {
  /** Milliseconds for the whole print (load, fonts, every pass); default `DEFAULT_PRINT_TIMEOUT_MS`. */
  timeoutMs?: number;
  /** Looks at each PDF printed and may ask for another pass; see `Reviser`. */
  revise?: Reviser;
}

/**
 * Called with each PDF a print makes (`pass` 1, 2, …) for what only the paginated
 * result shows (where the colophon landed). CSS it returns replaces the previous pass's
 * revision in the same document, which is printed again without reloading (fonts and
 * images stay decoded, so a pass costs only Chromium's print); null keeps this PDF.
 * At most MAX_PRINT_PASSES passes.
 */
export type Reviser = (pdf: Uint8Array, pass: number) => string | null | Promise<string | null>;

/** The most passes one print may take (a measuring pass, a placing pass, and one to undo it). */
export const MAX_PRINT_PASSES = 3;

/**
 * Run in the page: puts `css` in the document's revision `<style>` (added at the end of
 * the head on first use), replacing the previous revision. PRINT_CSP allows inline styles.
 */
export function reviseStyleScript(css: string): string {
  return `(() => {
  let style = document.getElementById('masthead-revision');
  if (!style) {
    style = document.createElement('style');
    style.id = 'masthead-revision';
    document.head.append(style);
  }
  style.textContent = ${JSON.stringify(css)};
  return true;
})()`;
}

/**
 * The passes of one print: prints with `pdf`, hands each PDF to `revise`, and applies
 * the CSS it asks for with `evaluate` (a script run in the page) before printing again,
 * waiting for fonts again as the first pass did. Without `revise`, one pass.
 */
export async function printPasses(
  pdf: () => Promise<Uint8Array>,
  evaluate: (script: string) => Promise<unknown>,
  revise?: Reviser,
): Promise<Uint8Array> {
  for (let pass = 1; ; pass++) {
    const printed = await pdf();
    const css = revise ? await revise(printed, pass) : null;
    if (css === null) return printed;
    if (pass >= MAX_PRINT_PASSES) throw new AppError('pdf.unsettled', { passes: pass });
    await evaluate(reviseStyleScript(css));
    checkFontsLoaded(await evaluate(FONTS_READY_SCRIPT));
  }
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
 * Run in the page after load: loads every declared font face, waits for
 * `document.fonts.ready`, and returns the families of faces that failed. A failed face
 * would silently print in a system font, possibly as Type 3. Every face, not only those
 * the screen layout asks for: margin boxes (running header, page number) exist only in
 * print layout, and a unicode-range subset that only they need would otherwise still be
 * loading when the page prints, its text blank (font-display: block). Print HTML
 * declares only faces cut to its own text, so none is loaded for nothing.
 */
export const FONTS_READY_SCRIPT = `(async () => {
  void document.documentElement.offsetHeight;
  await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)));
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
 * One print's work under its deadline and the printers' failure policy: on a time-out or
 * a failure the page (or window) is dropped with `drop` — except after a font failure,
 * which leaves it sound — and an error that is not an AppError becomes `pdf.failed`.
 */
export async function guardPrint(
  work: Promise<Uint8Array>,
  timeoutMs: number | undefined,
  drop: () => void | Promise<void>,
): Promise<Uint8Array> {
  try {
    return await withDeadline(timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS, work, () => void drop());
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'pdf.fontFailed')) await drop();
    if (err instanceof AppError) throw err;
    throw printFailed(err instanceof Error ? err.message : String(err), err);
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
