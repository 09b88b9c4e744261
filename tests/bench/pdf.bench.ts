// How long the sample bulletin (yugong-2024-03.txt, ~4 A4 pages in the three bundled
// fonts) takes to become a PDF:
// - cold: a new ChromiumPdfPrinter each time (browser launch included, overlapped with
//   cutting the fonts) and empty font caches;
// - warm: one printer reused, fonts cached (what the second export in a session costs),
//   of the same issue and of the issue after an edit (a new character each time, so one
//   font face is cut again and Chromium meets one new font);
// - floor: bare playwright `setContent` + `pdf` of the same HTML in an already-running
//   browser — what Chromium itself needs, whatever our code does — on a new page each
//   time, and on one page reused (as the printer does).
// "export" = fontFaceCss + print + finishPdf; "print" = the printer alone on ready HTML.
// "issue export" = issuePdf on the sample imported as an Issue (print HTML of
// shared/export/print, the colophon placed at the foot of the last page — a second
// Chromium pass —, finishPdf), per template, beside the same in one pass (the colophon
// left after the last article): the difference is what placing the colophon costs.
// Targets: warm export < 1.0 s, cold export < 3 s. Benchmarks print figures; they never assert timings.
import { chromium, type Browser, type Page } from 'playwright-core';
import { bench, describe } from 'vitest';
import { CHROMIUM_ARGS, ChromiumPdfPrinter } from '../../electron/pdf/chromiumPrinter.js';
import { findBrowser } from '../../electron/pdf/findBrowser.js';
import { issuePdf, printDocument } from '../../electron/services/export/pdf.js';
import { clearFontCaches } from '../../electron/services/print/fonts.js';
import { finishPdf } from '../../electron/services/print/finishPdf.js';
import { sampleBulletin } from '../helpers/sampleBulletin.js';
import { sampleIssueHtml } from '../unit/electron/pdf/printHtml.js';

const META = { title: '渝工简报 2024年第3期', author: '重庆市总工会', subject: '渝工简报', keywords: ['工会', '简报'] };
const OPTIONS = { time: 4_000, warmupIterations: 1, throws: true };
// The sample issue holds no images, so it needs no folder.
const NO_DIR = '/nonexistent-issue-dir';

let html = '';
let warm: ChromiumPdfPrinter | null = null;
let browser: Browser | null = null;
let floorPage: Page | null = null;
let edits = 0;
// Characters the sample does not hold, one more per "after an edit" iteration.
const EDITS = '鑫淼森焱垚犇晶磊骉猋';
let ready: Promise<void> | null = null;

/** Builds the HTML once, starts the warm printer and the floor's browser; reports the HTML size and pages. */
function prepare(): Promise<void> {
  ready ??= (async () => {
    html = await sampleIssueHtml();
    warm = new ChromiumPdfPrinter();
    const pdf = await warm.print(html);
    browser = await chromium.launch({ executablePath: findBrowser(), args: [...CHROMIUM_ARGS] });
    floorPage = await browser.newPage();
    const pages = /\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(Buffer.from(pdf).toString('latin1'))?.[1] ?? '?';
    console.log(`print HTML ${(html.length / 1e6).toFixed(2)} MB, PDF ${(pdf.length / 1e6).toFixed(2)} MB, ${pages} pages`);
    process.once('beforeExit', () => {
      void warm?.close();
      void browser?.close();
    });
  })();
  return ready;
}
const setup = () => prepare();

describe('sample bulletin to PDF', () => {
  bench(
    'export, warm (fonts cached, printer reused)',
    async () => {
      const pdf = await (warm as ChromiumPdfPrinter).print(await sampleIssueHtml());
      await finishPdf(pdf, META, { pageSizeMm: { width: 210, height: 297 } });
    },
    { ...OPTIONS, setup },
  );

  bench(
    'export, warm, after an edit (one new character)',
    async () => {
      const edit = EDITS[edits++ % EDITS.length];
      const pdf = await (warm as ChromiumPdfPrinter).print(await sampleIssueHtml(edit));
      await finishPdf(pdf, META, { pageSizeMm: { width: 210, height: 297 } });
    },
    { ...OPTIONS, setup },
  );

  for (const template of ['bulletin', 'newsletter'] as const) {
    const issue = sampleBulletin(template);
    bench(
      `issue export, warm, ${template} (issuePdf: print HTML, print, colophon placed, finishPdf)`,
      async () => {
        await issuePdf(NO_DIR, issue, { printer: warm as ChromiumPdfPrinter });
      },
      { ...OPTIONS, setup },
    );
    // What issuePdf did before the colophon was placed: the difference is what placing it costs.
    bench(
      `issue export, warm, ${template}, one pass (colophon left after the last article)`,
      async () => {
        const pdf = await (warm as ChromiumPdfPrinter).print((await printDocument(NO_DIR, issue)).html);
        await finishPdf(pdf, META, { pageSizeMm: { width: 210, height: 297 } });
      },
      { ...OPTIONS, setup },
    );
  }

  bench(
    'print only, warm (printer reused, HTML ready)',
    async () => {
      await (warm as ChromiumPdfPrinter).print(html);
    },
    { ...OPTIONS, setup },
  );

  bench(
    'floor: bare playwright setContent + pdf, browser running, new page',
    async () => {
      const page = await (browser as Browser).newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.pdf({ preferCSSPageSize: true, printBackground: true });
      await page.close();
    },
    { ...OPTIONS, setup },
  );

  bench(
    'floor: bare playwright setContent + pdf, browser running, page reused',
    async () => {
      await (floorPage as Page).setContent(html, { waitUntil: 'load' });
      await (floorPage as Page).pdf({ preferCSSPageSize: true, printBackground: true });
    },
    { ...OPTIONS, setup },
  );

  bench(
    'export, cold (new printer with browser launch, font caches emptied)',
    async () => {
      clearFontCaches();
      const printer = new ChromiumPdfPrinter();
      try {
        const started = printer.start(); // the browser starts while the fonts are cut, as an export should do it
        const issueHtml = await sampleIssueHtml();
        await started;
        const pdf = await printer.print(issueHtml);
        await finishPdf(pdf, META, { pageSizeMm: { width: 210, height: 297 } });
      } finally {
        await printer.close();
      }
    },
    {
      ...OPTIONS,
      time: 6_000,
      setup,
      teardown: async (_task, mode) => {
        if (mode !== 'run') return;
        await warm?.close();
        await browser?.close();
      },
    },
  );
});
