// Figures print as wide as the low-resolution warning reckons. The print stylesheet
// (shared/export/print/css.ts) takes its widths from shared/model/figures.ts; this lays
// the print HTML out in Debian's Chromium and measures every figure against
// `figurePrintWidthMm`, in one, two and three columns, in article bodies and in the
// photo-news grid, so neither the shares, the grid's gap and cells nor the CSS that
// applies them can drift from what the warning computes.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../../electron/pdf/chromiumPrinter.js';
import { findBrowser } from '../../../electron/pdf/findBrowser.js';
import { toPrintHtml } from '../../../shared/export/print/document.js';
import { bodyOf, figureNode, type FigureWidth } from '../../../shared/model/body.js';
import { figurePrintWidthMm, type FigurePlacement } from '../../../shared/model/figures.js';
import type { Issue } from '../../../shared/model/issue.js';
import { addArticle, addSection, updateArticle } from '../../../shared/model/ops.js';
import { sampleIssue } from '../../helpers/issues.js';

const WIDTHS: FigureWidth[] = ['page', 'column', 'half'];
const PX_PER_MM = 96 / 25.4;
const noAssets = { dataUrl: () => null, size: () => null, bytes: () => null };

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findBrowser({}), args: [...CHROMIUM_ARGS], headless: true });
}, 30_000);
afterAll(() => browser?.close());

/** An issue with a story holding a figure of each width, and a photo-news item for each width. */
function figuresIssue(columns: number, template: 'bulletin' | 'newsletter'): Issue {
  let issue = sampleIssue({ template });
  issue = { ...issue, layout: { ...issue.layout, columns } };
  const news = addSection(issue, '要闻');
  const story = addArticle(news.issue, news.section.id, '一篇带图的稿件');
  issue = updateArticle(story.issue, story.article.id, {
    body: bodyOf(WIDTHS.map((width) => ({ ...figureNode(`正文${width}`), width }))),
  });
  const photos = addSection(issue, '图片新闻');
  issue = photos.issue;
  for (const width of WIDTHS) {
    const item = addArticle(issue, photos.section.id, `图片${width}`);
    issue = updateArticle(item.issue, item.article.id, { kind: 'photo', body: bodyOf([{ ...figureNode(`图片${width}`), width }]) });
  }
  return issue;
}

/** The printed widths, mm, of the body figures and the photo-news figures, in document order. */
async function measuredWidths(issue: Issue): Promise<Record<FigurePlacement, number[]>> {
  const { page: size, margins } = issue.layout;
  const textMm = size.widthMm - margins.leftMm - margins.rightMm;
  // On screen the document is as wide as the viewport: make it as wide as the type area.
  const html = toPrintHtml(issue, { fontCss: '' }, noAssets).replace('</head>', `<style>html { width: ${textMm}mm; }</style></head>`);
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    const widths = (selector: string) =>
      page.$$eval(selector, (els) => els.map((el) => el.getBoundingClientRect().width));
    const body = await widths('.art-body figure.fig');
    const photo = await widths('.photo-item figure.fig');
    return { body: body.map((px) => px / PX_PER_MM), photo: photo.map((px) => px / PX_PER_MM) };
  } finally {
    await page.close();
  }
}

describe.each([
  { template: 'bulletin' as const, columns: 1 },
  { template: 'newsletter' as const, columns: 2 },
  { template: 'newsletter' as const, columns: 3 },
])('figures of the $template template in $columns column(s), as Chromium lays them out', ({ template, columns }) => {
  const issue = figuresIssue(columns, template);
  let measured: Record<FigurePlacement, number[]>;
  beforeAll(async () => {
    measured = await measuredWidths(issue);
  }, 30_000);

  it.each(['body', 'photo'] as const)('are as wide in the %s as figurePrintWidthMm says', (placement) => {
    expect(measured[placement]).toHaveLength(WIDTHS.length);
    WIDTHS.forEach((width, i) => {
      expect(measured[placement][i], `${width} figure`).toBeCloseTo(figurePrintWidthMm(width, issue.layout, placement), 1);
    });
  });
});
