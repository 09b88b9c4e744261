import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLOPHON_MARKS } from '../../../../shared/export/print/colophon.js';
import { toPrintHtml, chineseDate } from '../../../../shared/export/print/document.js';
import { cssPercent, pageNumberContent } from '../../../../shared/export/print/css.js';
import { fontStack, standInFor } from '../../../../shared/export/print/fonts.js';
import { inlineHtml } from '../../../../shared/export/print/inline.js';
import { draftLines, linesToSections } from '../../../../shared/import/text.js';
import { bodyOf, figureNode, paragraphNode, textNode, TextFormat } from '../../../../shared/model/body.js';
import { createIssue } from '../../../../shared/model/factory.js';
import type { Issue } from '../../../../shared/model/issue.js';

const SAMPLE = readFileSync(new URL('../../../../resources/samples/yugong-2024-03.txt', import.meta.url), 'utf8');
const GOLDEN = new URL('../../../golden/sample-print.html', import.meta.url);
const noAssets = { dataUrl: () => null, size: () => null, bytes: () => null };

function sampleIssue(): Issue {
  const issue = createIssue(
    { template: 'bulletin', publicationName: '渝工简报', publisher: '重庆市总工会办公室', year: 2024, no: 3, serial: 186, date: '2024-03-20' },
    '2024-03-20T08:00:00.000Z',
  );
  let n = 0;
  const sections = linesToSections(draftLines(SAMPLE)).map((s) => ({
    ...s,
    id: `section${++n}`,
    articles: s.articles.map((a) => ({ ...a, id: `article${++n}` })),
  }));
  return { ...issue, id: 'issue00001', sections };
}

describe('toPrintHtml on the sample bulletin', () => {
  const html = toPrintHtml(sampleIssue(), { fontCss: '/* fonts */' }, noAssets);

  it('matches the reviewed golden file (UPDATE_GOLDEN=1 rewrites it after a deliberate change)', () => {
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, html);
    expect(html).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('puts the masthead first: title, issue line with serial, publisher and date', () => {
    const masthead = html.slice(html.indexOf('<header class="masthead">'), html.indexOf('</header>'));
    expect(masthead).toContain('<h1 class="mh-title">渝工简报</h1>');
    expect(masthead).toContain('2024年第3期（总第186期）');
    expect(masthead).toContain('<span>重庆市总工会办公室</span><span>2024年3月20日</span>');
  });

  it('gives the two banners at the top one row, and every section its banner in order', () => {
    expect(html).toContain('<div class="banner-row first"><span class="banner">渝工铸魂</span><span class="banner">渝工建功</span></div>');
    const order = ['渝工建功', '渝工暖心', '图片新闻'].map((t) => html.indexOf(`<span class="banner">${t}</span>`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('prints headlines, decks, the missing photo as a marked frame, and photo news as a grid', () => {
    expect(html).toContain('<h2 class="headline">巾帼匠心筑梦 强国复兴有我</h2><div class="deck">市总工会举办巾帼劳模工匠大宣讲活动</div>');
    expect(html).toContain('<figure class="fig fig-column"><div class="fig-missing" aria-hidden="true"></div><figcaption>巾帼劳模工匠大宣讲现场</figcaption></figure>');
    expect(html).toMatch(/<div class="photo-grid"><article class="photo-item"[^>]*>.*<p class="photo-text">向阳草木青/);
  });

  it('is tagged zh-CN with strict line breaking, and sizes the page from the layout', () => {
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('line-break: strict;');
    expect(html).toContain('size: 210mm 297mm;');
    expect(html).toContain('"— " counter(page) " —"');
  });

  it('closes with the colophon', () => {
    expect(html.indexOf('<footer class="colophon">')).toBeGreaterThan(html.indexOf('向阳草木青'));
    expect(html).toContain('2024年3月20日印发');
  });

  it('carries the colophon marks only when asked (the PDF service measures them; an exported HTML has none)', () => {
    expect(html).not.toContain(COLOPHON_MARKS.top);
    const marked = toPrintHtml(sampleIssue(), { fontCss: '', colophonMarks: true }, noAssets);
    const colophon = marked.slice(marked.indexOf('<footer class="colophon">'), marked.indexOf('</footer>', marked.indexOf('<footer class="colophon">')));
    expect(colophon).toContain(`<a class="colophon-mark top" href="${COLOPHON_MARKS.top}"`);
    expect(colophon).toContain(`<a class="colophon-mark bottom" href="${COLOPHON_MARKS.bottom}"`);
    // positioned in the colophon, so they take no room: the marked and unmarked pages lay out alike
    expect(marked).toMatch(/\.colophon \{ position: relative;/);
    expect(marked).toMatch(/\.colophon-mark \{ position: absolute;/);
    expect(marked.replace(/<a class="colophon-mark[^>]*><\/a>/g, '')).toBe(toPrintHtml(sampleIssue(), { fontCss: '' }, noAssets));
  });
});

describe('print pieces', () => {
  it('escapes text and nests format bits', () => {
    expect(inlineHtml([textNode('<a&b>', TextFormat.bold | TextFormat.italic)])).toBe('<em><strong>&#60;a&#38;b&#62;</strong></em>');
  });

  it('writes the figure shares of shared/model/figures.ts as plain percentages', () => {
    expect([0.45, 0.6, 0.75, 1, 0.07, 1 / 3].map(cssPercent)).toEqual(['45%', '60%', '75%', '100%', '7%', '33.3333%']);
  });

  it('writes dates and page numbers the Chinese way', () => {
    expect(chineseDate('2024-03-05')).toBe('2024年3月5日');
    expect(pageNumberContent('chinese')).toBe('"第" counter(page) "页"');
    expect(pageNumberContent('none')).toBe('none');
  });

  it('never lets a system font fall back silently: its bundled stand-in follows it', () => {
    expect(fontStack('仿宋_GB2312')).toBe('"仿宋_GB2312", "Masthead LXGW WenKai"');
    expect(fontStack('noto-sans-sc')).toBe('"Masthead Noto Sans SC"');
    expect(standInFor('黑体')).toBe('noto-sans-sc');
    expect(standInFor('方正小标宋简体')).toBe('noto-serif-sc');
  });

  it('uses the image when the asset exists, with its aspect ratio', () => {
    const issue = sampleIssue();
    const id = `${'a'.repeat(64)}.png`;
    issue.sections = [{ id: 'sec000001', title: '', articles: [{ ...issue.sections[1].articles[0], body: bodyOf([figureNode('图注', id), paragraphNode('正文。')]) }] }];
    const html = toPrintHtml(issue, { fontCss: '' }, { dataUrl: () => 'data:image/png;base64,AAAA', size: () => ({ width: 1600, height: 900 }), bytes: () => null });
    expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="图注" style="aspect-ratio:1600/900">');
  });
});
