// The colophon (报尾 / 版记) of the sample bulletin, printed through issuePdf as the app,
// the preview and `masthead export` do, read back with poppler. Protected: GB/T
// 9704-2012 §7.4.1 — the colophon sits at the foot of the last page, its last rule on
// the bottom edge of the type area — in the one-column 简报 and the two-column newsletter,
// with and without bleed; placing it moves no article text (every page reads as it
// does when the colophon just follows the last article) and leaves no measuring link;
// and the fill of the last page that the preview warns by counts the articles only, not
// the colophon at the foot.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPdfPrinter } from '../../../electron/pdf/chromiumPrinter.js';
import { issuePdf, printDocument } from '../../../electron/services/export/pdf.js';
import { findColophon } from '../../../electron/services/print/colophonPlacement.js';
import { MARK_MARGIN_MM, finishPdf } from '../../../electron/services/print/finishPdf.js';
import { COLOPHON_MARKS } from '../../../shared/export/print/colophon.js';
import { bodyOf, paragraphNode } from '../../../shared/model/body.js';
import { addArticle, addSection, updateArticle } from '../../../shared/model/ops.js';
import { pdfinfo, renderPage } from '../../unit/electron/pdf/poppler.js';
import { sampleIssue } from '../../helpers/issues.js';
import { colophonTexts, sampleBulletin } from '../../helpers/sampleBulletin.js';

const printer = new ChromiumPdfPrinter();
const dir = mkdtempSync(join(tmpdir(), 'masthead-colophon-'));
afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

const MM_PER_PT = 25.4 / 72;
const META = { title: '渝工简报 2024年第3期', author: '重庆市总工会办公室', subject: '渝工简报', keywords: [] };
const squash = (s: string) => s.replace(/\s+/g, '');

/** The text of each page (`pdftotext -layout`, pages split on form feeds), squashed. */
function pageTexts(pdf: Uint8Array): string[] {
  const file = join(dir, `text-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1).map(squash);
}

interface Word {
  text: string;
  yMax: number;
}

/** True when `url` is written in `pdf` as it is (Chromium and finishPdf write link annotations uncompressed). */
const holds = (pdf: Uint8Array, url: string) => Buffer.from(pdf).includes(url);

/** The words of page `page` (1-based) with their lower edge, mm from the top of the MediaBox (`pdftotext -bbox`). */
function words(pdf: Uint8Array, page: number): Word[] {
  const file = join(dir, `bbox-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word [^>]*yMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ text: m[2], yMax: Number(m[1]) * MM_PER_PT }));
}

/**
 * The lowest full-width rule on page `page`: the last pixel row, mm from the top of the
 * MediaBox, where nine in ten pixels across the type area (`leftMm` … `rightMm`) are dark.
 */
function lowestRuleMm(pdf: Uint8Array, page: number, leftMm: number, rightMm: number): number | null {
  const dpi = 200;
  const px = (mm: number) => (mm / 25.4) * dpi;
  const grey = renderPage(pdf, page, dpi);
  for (let y = grey.height - 1; y >= 0; y--) {
    let dark = 0;
    let all = 0;
    for (let x = Math.ceil(px(leftMm)); x < Math.floor(px(rightMm)); x++, all++) if (grey.at(x, y) < 128) dark++;
    if (dark >= all * 0.9) return ((y + 0.5) / dpi) * 25.4;
  }
  return null;
}


describe.each([
  { template: 'bulletin' as const, columns: 1 },
  { template: 'newsletter' as const, columns: 2 },
])('the colophon of the sample in the $template template ($columns column)', ({ template }) => {
  const issue = sampleBulletin(template);
  const { page, margins } = issue.layout;
  const areaBottomMm = page.heightMm - margins.bottomMm;
  let placed: Uint8Array;
  let fill: number | null = null;
  let following: Uint8Array;
  let measuring: Uint8Array;
  let pages = 0;

  beforeAll(async () => {
    ({ pdf: placed, lastPageFill: fill } = await issuePdf(dir, issue, { printer }));
    // The same issue as printed before the colophon was placed: it follows the last article.
    const sizeMm = { width: page.widthMm, height: page.heightMm };
    following = await finishPdf(await printer.print((await printDocument(dir, issue)).html), META, { pageSizeMm: sizeMm });
    // And as the measuring pass prints it, marks and all, finished the same way.
    const marked = await printDocument(dir, issue, issue.layout, { colophonMarks: true });
    measuring = await finishPdf(await printer.print(marked.html), META, { pageSizeMm: sizeMm });
    pages = Number(pdfinfo(placed).Pages);
  }, 120_000);

  it('ends with its last rule on the bottom edge of the type area of the last page', () => {
    expect(pages).toBeGreaterThan(1);
    const rule = lowestRuleMm(placed, pages, margins.leftMm, page.widthMm - margins.rightMm);
    // the rule is 1 pt (0.35 mm) thick: its centre lies just above the edge
    expect(rule).not.toBeNull();
    expect(Math.abs((rule ?? 0) - areaBottomMm)).toBeLessThan(0.8);
  });

  it('has its last line just above that rule, and nothing of the issue below it but the page number', () => {
    const last = words(placed, pages);
    const copies = last.find((w) => w.text === `共印${issue.colophon.copies}份`);
    expect(copies).toBeDefined();
    expect(areaBottomMm - (copies?.yMax ?? 0)).toBeGreaterThan(0);
    expect(areaBottomMm - (copies?.yMax ?? 0)).toBeLessThan(4);
    const below = last.filter((w) => w.yMax > areaBottomMm).map((w) => w.text).join('');
    expect(below).toBe(`—${pages}—`);
  });

  it('moves no article text: every page reads as when the colophon just follows the last article', () => {
    const strip = (texts: string[]) => texts.map((t) => colophonTexts(issue).reduce((s, c) => s.replace(c, ''), t));
    const before = pageTexts(following);
    const after = pageTexts(placed);
    expect(after).toHaveLength(before.length);
    expect(strip(after)).toEqual(strip(before));
    // and the colophon is whole, on the last page, after whatever of the last article is there
    const lastPage = after[after.length - 1];
    const at = colophonTexts(issue).map((c) => lastPage.indexOf(c));
    expect(at.every((i) => i >= 0)).toBe(true);
    const articleEnd = lastPage.indexOf('归属感。');
    if (articleEnd >= 0) expect(articleEnd).toBeLessThan(Math.min(...at));
  });

  it('leaves none of its measuring links in the finished PDF', async () => {
    for (const url of Object.values(COLOPHON_MARKS)) {
      // the measuring pass writes them, so the search would find any left over
      expect(holds(measuring, url), url).toBe(true);
      expect(holds(placed, url), url).toBe(false);
    }
    expect(await findColophon(measuring)).toMatchObject({ top: { page: pages - 1 }, bottom: { page: pages - 1 } });
    expect(await findColophon(placed)).toEqual({ pages, top: null, bottom: null });
  });

  it('reports how full the last page is with articles: down to their last line, the colophon at the foot not counted', () => {
    // Article words stay where they were when the colophon just followed them; the
    // colophon's own words (pushed down) do not, and the running header and page number
    // lie outside the type area.
    const before = words(following, pages);
    const after = words(placed, pages).filter((w) => w.yMax > margins.topMm && w.yMax < areaBottomMm);
    const stayed = after.filter((w) => before.some((b) => b.text === w.text && Math.abs(b.yMax - w.yMax) < 0.1));
    expect(stayed.length).toBeLessThan(after.length); // the colophon did move, so the two are told apart
    const areaMm = areaBottomMm - margins.topMm;
    const lastLineMm = stayed.length ? Math.max(...stayed.map((w) => w.yMax)) - margins.topMm : 0;
    expect(fill).not.toBeNull();
    // the articles' box ends below their last glyphs by less than a line's leading
    const endMm = (fill ?? 0) * areaMm;
    expect(endMm).toBeGreaterThan(lastLineMm - 0.5);
    expect(endMm).toBeLessThan(lastLineMm + 4);
  });
});

describe('the last page of a short issue (one short article)', () => {
  const issue = (() => {
    const base = sampleIssue();
    const section = addSection(base, '工作动态');
    const story = addArticle(section.issue, section.section.id, '市总工会召开党组会议');
    return updateArticle(story.issue, story.article.id, {
      body: bodyOf([paragraphNode('3月14日，市总工会召开党组会议，传达学习全国两会精神，研究部署贯彻落实工作。')]),
    });
  })();
  const { page, margins } = issue.layout;
  let placed: Uint8Array;
  let fill: number | null = null;

  beforeAll(async () => {
    ({ pdf: placed, lastPageFill: fill } = await issuePdf(dir, issue, { printer }));
  }, 120_000);

  it('is reported nearly empty, though the colophon fills it down to the foot of the type area', () => {
    expect(pdfinfo(placed).Pages).toBe('1');
    const areaBottomMm = page.heightMm - margins.bottomMm;
    // the lowest text on the page is the colophon's last line, just above the type area's foot
    const lowest = Math.max(...words(placed, 1).filter((w) => w.yMax < areaBottomMm).map((w) => w.yMax));
    expect(areaBottomMm - lowest).toBeLessThan(4);
    // yet the masthead and one paragraph fill well under half of it, as the preview must say
    expect(fill).toBeGreaterThan(0);
    expect(fill).toBeLessThan(0.5);
  });
});

describe('the colophon with a 3 mm bleed', () => {
  it('sits at the foot of the trimmed page, the bleed and marks around it', async () => {
    const issue = sampleBulletin('bulletin');
    const { pdf } = await issuePdf(dir, issue, { printer, bleedMm: 3 });
    for (const url of Object.values(COLOPHON_MARKS)) expect(holds(pdf, url), url).toBe(false);
    const pages = Number(pdfinfo(pdf).Pages);
    const offset = 3 + MARK_MARGIN_MM; // the trimmed page starts this far into the sheet
    const { page, margins } = issue.layout;
    const rule = lowestRuleMm(pdf, pages, offset + margins.leftMm, offset + page.widthMm - margins.rightMm);
    expect(Math.abs((rule ?? 0) - (offset + page.heightMm - margins.bottomMm))).toBeLessThan(0.8);
  }, 120_000);
});
